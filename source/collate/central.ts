/**
 * The most central version: the one with the highest mean similarity to the others. Every row
 * follows its order and every other version is aligned to it, so it must not depend on the order
 * the versions come in: similarities are summed in id order, and ties go to the smaller id.
 *
 * Comparing every pair in full would take seconds for 60 versions, so similarity here is Dice's
 * coefficient over each version's bag of words and word pairs (folded, without punctuation): a
 * quick measure that falls as words are swapped, cut or added, and as sentences are rewritten.
 */

import { sharedSorted } from '../text/sorted.js';
import type { Word } from '../compare/tokenize.js';

/**
 * A version's words as a sorted bag of numbers: each word (a positive number), and each pair of
 * neighbouring words (a hash of the two, made negative). A rare hash collision only nudges an
 * estimate, the same way whatever the order of the versions.
 */
function bagOf(paragraphs: readonly (readonly Word[])[], numbers: Map<string, number>): Int32Array {
  const out: number[] = [];
  for (const words of paragraphs) {
    let previous = 0;
    for (const word of words) {
      if (word.sig === '') continue;
      let n = numbers.get(word.sig);
      if (n === undefined) {
        n = numbers.size + 1;
        numbers.set(word.sig, n);
      }
      out.push(n);
      if (previous > 0) out.push((Math.imul(previous, 0x9e3779b1) ^ n) | 0x80000000);
      previous = n;
    }
  }
  return Int32Array.from(out).sort();
}

export interface Centrality {
  /** Mean similarity of each version to the others, by index into the input. */
  readonly mean: readonly number[];
  /** Indexes into the input, most central first; ties by id. */
  readonly order: readonly number[];
}

/** Rank versions by their mean similarity to the others. `ids` must be distinct. */
export function rankByCentrality(
  ids: readonly string[],
  paragraphs: readonly (readonly (readonly Word[])[])[],
): Centrality {
  const n = ids.length;
  const byId = [...ids.keys()].sort((x, y) => compareIds(ids[x]!, ids[y]!));
  const numbers = new Map<string, number>();
  const bags: Int32Array[] = new Array<Int32Array>(n);
  for (const i of byId) bags[i] = bagOf(paragraphs[i]!, numbers);
  // Each pair once, then each version's similarities summed in id order.
  const similarity = new Float64Array(n * n);
  for (let x = 0; x < n; x++) {
    for (let y = x + 1; y < n; y++) {
      const a = bags[byId[x]!]!;
      const b = bags[byId[y]!]!;
      const s = a.length + b.length === 0 ? 1 : (2 * sharedSorted(a, b)) / (a.length + b.length);
      similarity[x * n + y] = s;
      similarity[y * n + x] = s;
    }
  }
  const mean = new Array<number>(n).fill(0);
  if (n > 1) {
    byId.forEach((i, x) => {
      let sum = 0;
      for (let y = 0; y < n; y++) if (y !== x) sum += similarity[x * n + y]!;
      mean[i] = sum / (n - 1);
    });
  }
  const order = [...byId].sort((x, y) => mean[y]! - mean[x]! || compareIds(ids[x]!, ids[y]!));
  return { mean, order };
}

/** Ids in code-unit order: the same on every machine, whatever the locale. */
export function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
