/** How alike two passages read, measured on their words regardless of punctuation and case. */

import { diffArrays } from 'diff';
import { sharedSorted } from '../text/sorted.js';
import { MAX_EDITS } from './worddiff.js';

/** A passage's words as small integers, the same word getting the same number in both versions. */
export type Signature = readonly number[];

/** Numbers words for one comparison. */
export class WordNumbers {
  private readonly numbers = new Map<string, number>();

  /** The number of a word's `sig`; punctuation alone gets none (-1). */
  numberOf(sig: string): number {
    if (sig === '') return -1;
    let n = this.numbers.get(sig);
    if (n === undefined) {
      n = this.numbers.size;
      this.numbers.set(sig, n);
    }
    return n;
  }
}

/** The words of a passage as a sorted multiset, for a quick upper bound on how alike two are. */
export function bagOf(signature: Signature): Int32Array {
  return Int32Array.from(signature).sort();
}

/** How many words two bags share, counting repeats. */
export function sharedWords(a: Int32Array, b: Int32Array): number {
  return sharedSorted(a, b);
}

/** Dice's coefficient: 1 when every word is shared, 0 when none is. */
export function dice(shared: number, aLength: number, bLength: number): number {
  return aLength + bLength === 0 ? 0 : (2 * shared) / (aLength + bLength);
}

/**
 * The length of the longest common subsequence of two signatures: the words kept in order. With
 * `maxEdits`, gives up (returning -1) once more words than that would have to change, which bounds
 * the work spent on passages that turn out not to be alike.
 */
export function commonInOrder(a: Signature, b: Signature, maxEdits?: number): number {
  if (a.length === 0 || b.length === 0) return 0;
  const changes =
    maxEdits === undefined
      ? diffArrays(a as number[], b as number[])
      : diffArrays(a as number[], b as number[], { maxEditLength: maxEdits });
  if (!changes) return -1;
  let kept = 0;
  for (const change of changes) {
    if (!change.added && !change.removed) kept += change.count;
  }
  return kept;
}

/**
 * How alike two passages read, from 0 to 1: the share of their words that stay in order, by
 * Dice's coefficient over the longest common subsequence. Never more than the bag bound. Below
 * `floor` the answer is only known to be below it, and given as 0.
 */
export function likeness(a: Signature, b: Signature, floor = 0): number {
  // likeness >= floor means kept >= floor * (a + b) / 2, so at most (1 - floor) * (a + b) edits.
  // Capped, as the word diff is: paragraphs that far apart are not alike, and jsdiff's time grows
  // with the square of the edits it tries.
  const maxEdits = Math.min(MAX_EDITS, Math.floor((1 - floor) * (a.length + b.length)));
  const kept = commonInOrder(a, b, floor > 0 ? maxEdits : undefined);
  return kept < 0 ? 0 : dice(kept, a.length, b.length);
}
