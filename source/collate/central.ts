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

/** A version's words as a sorted bag of numbers: each word, and each pair of neighbouring words. */
function bagOf(
  paragraphs: readonly (readonly Word[])[],
  numbers: Map<string, number>,
): Float64Array {
  const out: number[] = [];
  const numberOf = (sig: string): number => {
    let n = numbers.get(sig);
    if (n === undefined) {
      n = numbers.size + 1;
      numbers.set(sig, n);
    }
    return n;
  };
  // Pairs are numbered above every word: word numbers stay below 2^21, pairs above 2^21.
  const PAIR = 2 ** 21;
  for (const words of paragraphs) {
    let previous = 0;
    for (const word of words) {
      if (word.sig === '') continue;
      const n = numberOf(word.sig);
      out.push(n);
      if (previous > 0) out.push(PAIR * (previous + 1) + n);
      previous = n;
    }
  }
  return Float64Array.from(out).sort();
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
  const bags: Float64Array[] = new Array<Float64Array>(n);
  for (const i of byId) bags[i] = bagOf(paragraphs[i]!, numbers);
  const mean = new Array<number>(n).fill(0);
  if (n > 1) {
    for (const i of byId) {
      let sum = 0;
      for (const j of byId) {
        if (i === j) continue;
        const a = bags[i]!;
        const b = bags[j]!;
        sum += a.length + b.length === 0 ? 1 : (2 * sharedSorted(a, b)) / (a.length + b.length);
      }
      mean[i] = sum / (n - 1);
    }
  }
  const order = [...byId].sort((x, y) => mean[y]! - mean[x]! || compareIds(ids[x]!, ids[y]!));
  return { mean, order };
}

/** Ids in code-unit order: the same on every machine, whatever the locale. */
export function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
