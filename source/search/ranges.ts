/** Match ranges for highlighting: [start, end) UTF-16 offsets into a passage. */

export type Range = readonly [number, number];

/** Below this length a range may be an incidental fragment of a fuzzy match. */
const FRAGMENT = 3;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Widen a range so that it does not cut a surrogate pair in two. */
function snapToCodePoints(text: string, start: number, end: number): [number, number] {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  if (s > 0 && isLowSurrogate(text.charCodeAt(s)) && isHighSurrogate(text.charCodeAt(s - 1))) s--;
  if (
    e < text.length &&
    isLowSurrogate(text.charCodeAt(e)) &&
    isHighSurrogate(text.charCodeAt(e - 1))
  ) {
    e++;
  }
  return [s, e];
}

const byStartThenEnd = (a: Range, b: Range): number => a[0] - b[0] || a[1] - b[1];

/** Sort ranges and merge those that overlap or touch. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  return mergeOwn(ranges.filter(([s, e]) => e > s).map(([s, e]) => [s, e]));
}

/**
 * mergeRanges of ranges of the caller's own, none empty, which it sorts and merges in place: a
 * keystroke's hits can hold tens of thousands of ranges (a query's last word one letter long).
 */
function mergeOwn(ranges: [number, number][]): [number, number][] {
  let sorted = true;
  for (let i = 1; i < ranges.length && sorted; i++)
    sorted = byStartThenEnd(ranges[i - 1]!, ranges[i]!) <= 0;
  if (!sorted) ranges.sort(byStartThenEnd);
  let kept = 0;
  for (const range of ranges) {
    const last = kept > 0 ? ranges[kept - 1]! : undefined;
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else ranges[kept++] = range;
  }
  ranges.length = kept;
  return ranges;
}

/**
 * Where a word matched, as fuse.js's inclusive [start, end] pairs laid end to end in one typed
 * array: start0, end0, start1, end1... A keystroke matches its words in hundreds of passages, and
 * a word of one letter dozens of times in each: a pair array each was most of what it allocated.
 * No runs are changed once made.
 */
export type Runs = Int32Array;

/** No runs. */
export const NO_RUNS: Runs = new Int32Array(0);

/**
 * One word's runs without the one- and two-character fragments that fuzzy matching marks around
 * a match, when a longer run shows what matched. A run as long as the word itself is never a
 * fragment: a search for "US envoy" highlights "US". The same runs when none is dropped.
 */
export function dropFragments(runs: Runs, wordLength: number): Runs {
  const least = Math.min(FRAGMENT, wordLength);
  let long = 0;
  for (let i = 0; i < runs.length; i += 2) if (runs[i + 1]! - runs[i]! + 1 >= least) long++;
  if (long === 0 || long * 2 === runs.length) return runs;
  const kept = new Int32Array(long * 2);
  let k = 0;
  for (let i = 0; i < runs.length; i += 2) {
    if (runs[i + 1]! - runs[i]! + 1 < least) continue;
    kept[k++] = runs[i]!;
    kept[k++] = runs[i + 1]!;
  }
  return kept;
}

/**
 * Turn runs (inclusive [start, end] pairs, see Runs) into highlight ranges in `text`: half-open,
 * within bounds, whole code points, sorted and merged.
 */
export function toRanges(text: string, runLists: readonly Runs[]): Range[] {
  const ranges: [number, number][] = [];
  for (const runs of runLists) {
    for (let i = 0; i < runs.length; i += 2) {
      const range = snapToCodePoints(text, runs[i]!, runs[i + 1]! + 1);
      if (range[1] > range[0]) ranges.push(range);
    }
  }
  return mergeOwn(ranges);
}
