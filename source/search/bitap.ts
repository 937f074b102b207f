/**
 * fuse.js's Bitap search, for the one case search uses it in: a pattern of at most 32 UTF-16
 * units that is not in the text as is, with the options of FUSE_OPTIONS (ignoreLocation,
 * includeMatches, a threshold, case-sensitive, no diacritic folding). It gives what Fuse.match
 * gives, the same score and the same ranges (a test checks it against fuse.js), but works in
 * typed arrays kept from one call to the next, where fuse.js allocates an array of numbers per
 * error level and looks each character up in an object: a keystroke scores hundreds of passages.
 *
 * Written after fuse.js 7 (Apache-2.0), src/search/bitap/search.ts, with the branches for a
 * location and a distance left out: with ignoreLocation a match's score is its errors divided by
 * the pattern's length, wherever it stands.
 */
import type { TermResult } from './match.js';

/** Bitap's columns hold a bit per pattern unit: fuse.js splits longer patterns into chunks. */
export const MAX_PATTERN = 32;

/** The pattern's bits for each UTF-16 unit (fuse.js's "pattern alphabet"); 0 for the rest. */
const alphabet = new Int32Array(65536);
/** The current and the previous error level's columns, grown as texts need. */
let columns = new Int32Array(1024);
let previous = new Int32Array(1024);
/**
 * A match's runs as they are found: a match spans fewer than 2 × 32 units, so it holds at most
 * 32 runs, 64 numbers.
 */
const scratch = new Int32Array(2 * MAX_PATTERN);

/**
 * Fuse.match(pattern, text, FUSE_OPTIONS) for a pattern of 1 to 32 units that `text` does not
 * contain as is (the exact case is exactResult's).
 */
export function fuzzyResult(pattern: string, text: string, threshold: number): TermResult {
  const m = pattern.length;
  const textLength = text.length;
  for (let i = 0; i < m; i++) alphabet[pattern.charCodeAt(i)]! |= 1 << (m - i - 1);
  const finish = textLength + m;
  if (columns.length < finish + 2) {
    columns = new Int32Array(finish + 2);
    previous = new Int32Array(finish + 2);
  }
  const mask = 1 << (m - 1);
  let limit = threshold;
  let bestLocation = -1;
  let bestErrors = 0;
  let finalScore = 1;
  for (let errors = 0; errors < m; errors++) {
    const bits = columns;
    bits[finish + 1] = (1 << errors) - 1;
    for (let j = finish; j >= 1; j--) {
      const location = j - 1;
      const match = location < textLength ? alphabet[text.charCodeAt(location)]! : 0;
      let value = ((bits[j + 1]! << 1) | 1) & match;
      if (errors > 0) {
        value |= ((previous[j + 1]! | previous[j]!) << 1) | 1 | previous[j + 1]!;
      }
      bits[j] = value;
      if (value & mask) {
        finalScore = errors / m;
        if (finalScore <= limit) {
          limit = finalScore;
          bestLocation = location;
          bestErrors = errors;
        }
      }
    }
    if ((errors + 1) / m > limit) break;
    columns = previous;
    previous = bits;
  }
  let result: TermResult = { isMatch: false, score: 1 };
  if (bestLocation >= 0) {
    // The units of the best match that are in the pattern, as runs (see ranges.ts).
    const end = Math.min(textLength - 1, bestLocation + m - 1 + bestErrors);
    let count = 0;
    let start = -1;
    for (let k = bestLocation; k <= end + 1; k++) {
      const inPattern = k <= end && alphabet[text.charCodeAt(k)] !== 0;
      if (inPattern && start === -1) start = k;
      else if (!inPattern && start !== -1) {
        scratch[count++] = start;
        scratch[count++] = k - 1;
        start = -1;
      }
    }
    if (count > 0) {
      result = { isMatch: true, score: Math.max(0.001, finalScore), runs: scratch.slice(0, count) };
    }
  }
  for (let i = 0; i < m; i++) alphabet[pattern.charCodeAt(i)] = 0;
  return result;
}
