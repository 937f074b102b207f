/**
 * Fuzzy matching of one passage against a query, with fuse.js's Bitap scorer.
 *
 * A query of one word matches where fuse.js finds that word, typos tolerated, and scores what
 * fuse.js scores it: 0.001 for an exact match, up to THRESHOLD for the worst typo allowed.
 *
 * A query of several words matches a passage that holds every word, each fuzzily, in any order.
 * Its score is mostly the mean of the words' scores, and a tenth a phrase score: 0.001 when each
 * word starts right after the word typed before it ("Rafah crossing"), 1 when none does. So the
 * words as typed rank first, then exact words apart, then words with typos: a passage with
 * "Hamas" and "Naim" apart ranks above "Hamas aimed" for "hamas naim".
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { fuzzyResult, MAX_PATTERN } from './bitap.js';
import { dropFragments, NO_RUNS, toRanges, type Range, type Runs } from './ranges.js';
import { isWordUnit } from '../text/word-units.js';

/**
 * How far a word may stray: about one typo in four letters ("Witkof", "negotiatons"), two in
 * seven ("Turkiye" finds "Turkey"). Looser, and short words match noise ("Rafah" → "after").
 */
export const THRESHOLD = 0.35;

/** fuse.js scores an exact match 0.001, never 0 (unless the whole text is the pattern). */
const EXACT = 0.001;

export const FUSE_OPTIONS: IFuseOptions<string> = {
  includeMatches: true,
  includeScore: true,
  // Where in a passage a word stands does not matter.
  ignoreLocation: true,
  threshold: THRESHOLD,
  // Queries and passages are folded before they get here (lower case, no diacritics): fuse.js's
  // own `ignoreDiacritics` folding changes string lengths (ß → ss), so its match offsets would
  // not point into the passage as written. Case-sensitive matching of folded text skips a
  // needless lower-casing of every passage on every keystroke.
  isCaseSensitive: true,
  ignoreDiacritics: false,
};

/** Two words stand together when at most this many characters part them ("Hamas's Naim"). */
const PHRASE_GAP = 3;
/** The phrase score's share of a several-word query's score. */
const PHRASE_WEIGHT = 0.1;

export interface Query {
  /** The normalized query (see normalizeQuery). */
  readonly text: string;
  /** Its words in the order typed. */
  readonly words: readonly string[];
  /** Its distinct words, longest first: the most selective word is tried first. */
  readonly terms: readonly string[];
  /** For each word, where it stands in `terms`. */
  readonly wordTerms: readonly number[];
}

export function parseQuery(normalized: string): Query {
  const words = normalized.split(' ').filter(Boolean);
  const terms = [...new Set(words)].sort(
    (a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0),
  );
  return { text: normalized, words, terms, wordTerms: words.map((word) => terms.indexOf(word)) };
}

/**
 * What fuse.js's Bitap search reports for one pattern in one text; its match indices as runs
 * (see ranges.ts).
 */
export interface TermResult {
  readonly isMatch: boolean;
  readonly score: number;
  readonly runs?: Runs;
}

/** Where exactResult finds a pattern, as runs, until it knows how many there are. */
let exactRuns = new Int32Array(256);
/** Numbers exactRuns keeps room for from one call to the next (256 KB). */
const EXACT_RUNS_KEPT = 65_536;

/**
 * fuse.js's result for a pattern found, as is, in the text, computed without running Bitap: the
 * score it gives an exact match, and the runs its match mask marks (every occurrence, found left
 * to right without overlap). Most candidates hold the words typed exactly, and for them Bitap
 * would spend its time confirming what `indexOf` knows. `null` when the pattern is not in the
 * text as is, or is long enough that fuse.js scores it in chunks: fuse.js itself then decides.
 * A test checks this against Fuse.match.
 */
export function exactResult(pattern: string, text: string): TermResult | null {
  if (pattern.length === 0 || pattern.length > MAX_PATTERN) return null;
  let index = text.indexOf(pattern);
  if (index === -1) return null;
  if (pattern === text) return { isMatch: true, score: 0, runs: Int32Array.of(0, text.length - 1) };
  let count = 0;
  while (index !== -1) {
    const end = index + pattern.length;
    if (count > 0 && exactRuns[count - 1] === index - 1) exactRuns[count - 1] = end - 1;
    else {
      if (count + 2 > exactRuns.length) {
        const grown = new Int32Array(exactRuns.length * 2);
        grown.set(exactRuns);
        exactRuns = grown;
      }
      exactRuns[count++] = index;
      exactRuns[count++] = end - 1;
    }
    index = text.indexOf(pattern, end);
  }
  const runs = exactRuns.slice(0, count);
  // A very long passage grew it: let that go.
  if (exactRuns.length > EXACT_RUNS_KEPT) exactRuns = new Int32Array(256);
  return { isMatch: true, score: EXACT, runs };
}

/**
 * Typos are looked for in this many characters of a passage at most. A news paragraph is a few
 * hundred; a longer "paragraph" is a file without line breaks, and fuzzy matching all of it
 * (Bitap takes a pass per typo allowed) would hold up every keystroke. Exact words are found
 * anywhere.
 */
export const FUZZY_LIMIT = 20_000;

/** Matches one pattern in folded text: matchTerm, or a cache of its results. */
export type TermMatcher = (pattern: string, text: string) => TermResult;

/** Match one pattern in folded text, as fuse.js does. */
export function matchTerm(pattern: string, text: string): TermResult {
  const exact = exactResult(pattern, text);
  if (exact) return exact;
  const within = text.length > FUZZY_LIMIT ? text.slice(0, FUZZY_LIMIT) : text;
  // fuse.js's Bitap, in typed arrays (bitap.ts); fuse.js itself for patterns it takes in chunks.
  if (pattern.length > 0 && pattern.length <= MAX_PATTERN) {
    return fuzzyResult(pattern, within, THRESHOLD);
  }
  const { isMatch, score, indices } = Fuse.match(pattern, within, FUSE_OPTIONS);
  return { isMatch, score, runs: indices ? Int32Array.from(indices.flat()) : NO_RUNS };
}

export interface PassageMatch {
  readonly score: number;
  /**
   * Where the query matched, to highlight. Made when first read: a keystroke scores hundreds of
   * candidates, of which a screenful is shown, and a one-letter word matches dozens of times in
   * each.
   */
  readonly matches: Range[];
}

/**
 * How many of the query's consecutive word pairs stand together in the text, as a share of the
 * pairs; and the spaces between them, as runs, to highlight a phrase whole ("Rafah crossing").
 * `found` holds each term's runs, in the order of query.terms.
 */
function togetherness(
  query: Query,
  found: readonly Runs[],
  folded: string,
): { share: number; spaces: Runs } {
  let together = 0;
  const spaces: number[] = [];
  for (let i = 0; i + 1 < query.words.length; i++) {
    const before = found[query.wordTerms[i]!]!;
    const after = found[query.wordTerms[i + 1]!]!;
    let paired = false;
    // Both are sorted and their runs disjoint: walk them together, in linear time (a long
    // passage may hold thousands of matches of each word).
    let first = 0;
    for (let a = 0; a < after.length; a += 2) {
      const start = after[a]!;
      // The next word must start a word: "Hamas Naim", not "Hamas praimong" for "hamas naim".
      if (start > 0 && isWordUnit(folded.charCodeAt(start - 1))) continue;
      while (first < before.length && before[first + 1]! < start - 1 - PHRASE_GAP) first += 2;
      for (let k = first; k < before.length && before[k + 1]! < start; k += 2) {
        const end = before[k + 1]!;
        paired = true;
        if (end + 1 < start && folded.slice(end + 1, start).trim() === '') {
          spaces.push(end + 1, start - 1);
        }
      }
    }
    if (paired) together++;
  }
  return {
    share: together / (query.words.length - 1),
    spaces: spaces.length > 0 ? Int32Array.from(spaces) : NO_RUNS,
  };
}

/**
 * Match folded passage text against a query; `original` reads the passage as written, when its
 * ranges are first asked for (a passage may be read out of packed text: corpus/taken.ts). `match`
 * matches each word (a cache of matchTerm's results gives the same result, sooner).
 */
export function matchPassage(
  query: Query,
  folded: string,
  original: () => string,
  match: TermMatcher = matchTerm,
): PassageMatch | null {
  const found: Runs[] = [];
  let sum = 0;
  let count = 0;
  for (const term of query.terms) {
    const result = match(term, folded);
    if (!result.isMatch) return null;
    sum += result.score;
    const runs = dropFragments(result.runs ?? NO_RUNS, term.length);
    found.push(runs);
    count += runs.length;
  }
  // Nothing to show (folded text keeps the text's length: every index marks some of it).
  if (count === 0) return null;
  let score = sum / query.terms.length;
  let spaces = NO_RUNS;
  if (query.words.length > 1) {
    const together = togetherness(query, found, folded);
    score = (1 - PHRASE_WEIGHT) * score + PHRASE_WEIGHT * (1 - together.share * (1 - EXACT));
    spaces = together.spaces;
  }
  let matches: Range[] | undefined;
  return {
    score,
    get matches(): Range[] {
      return (matches ??= toRanges(original(), [...found, spaces]));
    },
  };
}
