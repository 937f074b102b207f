/**
 * The word diff inside a pair of passages: jsdiff over whole words, then grouped into runs a
 * reader can follow.
 */

import { diffArrays } from 'diff';
import type { Word } from './tokenize.js';

/**
 * A stretch of the diff: words `aFrom..aTo` of A against words `bFrom..bTo` of B. Kept stretches
 * hold the same words on both sides; a change holds A's words deleted and B's words inserted.
 */
export interface Stretch {
  readonly kept: boolean;
  readonly aFrom: number;
  readonly aTo: number;
  readonly bFrom: number;
  readonly bTo: number;
}

/**
 * Past this many words inserted and deleted, two passages have little in common: the diff stops
 * looking for shared words and shows the rest as one change. jsdiff's time grows with the square
 * of the edits, so this keeps a pair of huge unrelated paragraphs from taking seconds.
 */
export const MAX_EDITS = 1000;

/** The stretches of two word lists: kept and changed alternate, and together cover both lists. */
export function diffWords(a: readonly Word[], b: readonly Word[]): Stretch[] {
  const same = (x: Word, y: Word): boolean => x.key === y.key;
  // The words both passages start and end with are kept; jsdiff only sees the middle.
  let head = 0;
  while (head < a.length && head < b.length && same(a[head]!, b[head]!)) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    same(a[a.length - 1 - tail]!, b[b.length - 1 - tail]!)
  ) {
    tail++;
  }
  const aEnd = a.length - tail;
  const bEnd = b.length - tail;
  const stretches: Stretch[] = [];
  push(stretches, true, 0, head, 0, head);
  const changes = diffArrays(a.slice(head, aEnd), b.slice(head, bEnd), {
    comparator: same,
    maxEditLength: MAX_EDITS,
  });
  let i = head;
  let j = head;
  if (changes === undefined) {
    push(stretches, false, i, aEnd, j, bEnd);
    i = aEnd;
    j = bEnd;
  }
  for (const change of changes ?? []) {
    if (change.added) {
      push(stretches, false, i, i, j, j + change.count);
      j += change.count;
    } else if (change.removed) {
      push(stretches, false, i, i + change.count, j, j);
      i += change.count;
    } else {
      push(stretches, true, i, i + change.count, j, j + change.count);
      i += change.count;
      j += change.count;
    }
  }
  push(stretches, true, i, a.length, j, b.length);
  return cleanupSemantic(stretches);
}

/** Append a stretch, joining it to the last one when both are changes (or both kept). */
function push(
  stretches: Stretch[],
  kept: boolean,
  aFrom: number,
  aTo: number,
  bFrom: number,
  bTo: number,
): void {
  if (aFrom === aTo && bFrom === bTo) return;
  const last = stretches[stretches.length - 1];
  if (last && last.kept === kept) {
    stretches[stretches.length - 1] = { ...last, aTo, bTo };
    return;
  }
  stretches.push({ kept, aFrom, aTo, bFrom, bTo });
}

/** The bigger side of a change, in words. */
function reach(change: Stretch | undefined): number {
  return change ? Math.max(change.aTo - change.aFrom, change.bTo - change.bFrom) : 0;
}

/**
 * Kept words in a row that are a phrase, not a coincidence: "from their homes" kept between two
 * rewritten clauses is what an editor would leave unmarked.
 */
const COINCIDENCE_MAX_WORDS = 3;

/**
 * Semantic cleanup, in the spirit of diff-match-patch's `cleanupSemantic`, counted in words: a kept
 * stretch of one or two words between two changes that is shorter than the change on each side of
 * it is a coincidence (a "the" or "of" shared by two different sentences), so it joins them into
 * one change. Repeats until no such stretch is left, since each join makes a bigger change that may
 * swallow the next.
 */
export function cleanupSemantic(stretches: readonly Stretch[]): Stretch[] {
  let out = [...stretches];
  let joined = true;
  while (joined) {
    joined = false;
    const next: Stretch[] = [];
    for (let k = 0; k < out.length; k++) {
      const stretch = out[k]!;
      const before = next[next.length - 1];
      const after = out[k + 1];
      const words = stretch.aTo - stretch.aFrom;
      if (
        stretch.kept &&
        before &&
        !before.kept &&
        after &&
        !after.kept &&
        words < COINCIDENCE_MAX_WORDS &&
        words < reach(before) &&
        words < reach(after)
      ) {
        next[next.length - 1] = { ...before, aTo: after.aTo, bTo: after.bTo };
        k++;
        joined = true;
        continue;
      }
      next.push(stretch);
    }
    out = next;
  }
  return out;
}

/** Words shown changed by a diff: deleted plus inserted, and every word of a rewrite. */
export function changedWords(stretches: readonly Stretch[]): number {
  if (isRewrite(stretches)) {
    let words = 0;
    for (const s of stretches) words += s.aTo - s.aFrom + (s.bTo - s.bFrom);
    return words;
  }
  let changed = 0;
  for (const s of stretches) if (!s.kept) changed += s.aTo - s.aFrom + (s.bTo - s.bFrom);
  return changed;
}

/**
 * A paired passage keeps under this share of its shorter side's words unchanged: it was rewritten
 * beyond recognition, and reads better as all of A's words deleted and all of B's inserted.
 */
export const REWRITTEN_BELOW = 0.3;

/** Whether a run of stretches is a rewrite: both sides have words, and few are kept. */
export function isRewrite(stretches: readonly Stretch[]): boolean {
  let kept = 0;
  let aWords = 0;
  let bWords = 0;
  for (const s of stretches) {
    aWords += s.aTo - s.aFrom;
    bWords += s.bTo - s.bFrom;
    if (s.kept) kept += s.aTo - s.aFrom;
  }
  return aWords > 0 && bWords > 0 && kept < REWRITTEN_BELOW * Math.min(aWords, bWords);
}
