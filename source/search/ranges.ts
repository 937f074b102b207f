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

type Inclusive = readonly [number, number];

/**
 * One word's fuse.js match indices (inclusive [start, end] pairs) without the one- and
 * two-character fragments that fuzzy matching marks around a match, when a longer range shows
 * what matched. A range as long as the word itself is never a fragment: a search for "US envoy"
 * highlights "US".
 */
export function dropFragments(indices: readonly Inclusive[], wordLength: number): Inclusive[] {
  const least = Math.min(FRAGMENT, wordLength);
  const long = indices.filter(([s, e]) => e - s + 1 >= least);
  return long.length > 0 ? long : [...indices];
}

/**
 * Turn fuse.js match indices (inclusive [start, end] pairs) into highlight ranges in `text`:
 * half-open, within bounds, whole code points, sorted and merged.
 */
export function toRanges(text: string, indices: readonly Inclusive[]): Range[] {
  const ranges: [number, number][] = [];
  for (const [s, e] of indices) {
    const range = snapToCodePoints(text, s, e + 1);
    if (range[1] > range[0]) ranges.push(range);
  }
  return mergeOwn(ranges);
}
