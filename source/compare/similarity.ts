/** How alike two passages read, measured on their words regardless of punctuation and case. */

import { diffArrays } from 'diff';
import { sharedSorted } from '../text/sorted.js';

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

/** Words two passages keep in order; `inRuns` counts those kept two or more in a row. */
export interface InOrder {
  readonly kept: number;
  readonly inRuns: number;
}

/**
 * The longest common subsequence of two signatures: the words kept in order. With `maxEdits`,
 * gives up (returning undefined) once more words than that would have to change, which bounds the
 * work spent on passages that turn out not to be alike.
 */
export function commonInOrder(a: Signature, b: Signature, maxEdits?: number): InOrder | undefined {
  if (a.length === 0 || b.length === 0) return { kept: 0, inRuns: 0 };
  const changes =
    maxEdits === undefined
      ? diffArrays(a as number[], b as number[])
      : diffArrays(a as number[], b as number[], { maxEditLength: maxEdits });
  if (!changes) return undefined;
  let kept = 0;
  let inRuns = 0;
  for (const change of changes) {
    if (change.added || change.removed) continue;
    kept += change.count;
    if (change.count > 1) inRuns += change.count;
  }
  return { kept, inRuns };
}
