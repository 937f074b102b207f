/**
 * The compare engine: how one version of a story differs from another, passage by passage, the
 * way an editor reads them. Pure: text in, rows out.
 */

import { align, type Alignment } from './align.js';
import { makeText, type Text } from './passage.js';
import { buildRows } from './rows.js';
import { WordNumbers } from './similarity.js';
import { summarize, substitutions } from './summary.js';
import { tokenize, type Word } from './tokenize.js';
import type { Comparable, CompareOptions, Comparison } from './types.js';

export type * from './types.js';
export { foldTypography } from '../text/fold.js';
export { isWordEdit, refineSpans, wordEdits } from './refine.js';

/**
 * Compare version `a` with version `b`. Rows follow B's order; "deleted" means in A only and
 * "inserted" in B only. Paragraphs without a word have no row.
 */
export function compare(a: Comparable, b: Comparable, options: CompareOptions = {}): Comparison {
  const tokenizeOptions = { exact: options.exact ?? false };
  const aWords = a.paragraphs.map((p) => tokenize(p, tokenizeOptions));
  const bWords = b.paragraphs.map((p) => tokenize(p, tokenizeOptions));
  const numbers = new WordNumbers();
  const aText = makeText(aWords, numbers);
  const bText = makeText(bWords, numbers);
  const aChrome = new Set(a.chrome ?? []);
  const bChrome = new Set(b.chrome ?? []);
  const alignment =
    aChrome.size === 0 && bChrome.size === 0
      ? align(aText, bText)
      : alignApart(aWords, bWords, aChrome, bChrome, numbers);
  let rows = buildRows(aText, bText, alignment);
  if (aChrome.size > 0 || bChrome.size > 0) {
    rows = rows.map((row) =>
      (row.a !== null && aChrome.has(row.a)) || (row.b !== null && bChrome.has(row.b))
        ? { ...row, chrome: true }
        : row,
    );
  }
  // Site chrome is left out of the similarity: only the story's own words count.
  const count = (paragraphs: typeof aWords, chrome: Set<number>): number =>
    paragraphs.reduce((n, words, i) => n + (chrome.has(i) ? 0 : words.length), 0);
  return {
    stats: summarize(rows, count(aWords, aChrome), count(bWords, bChrome)),
    substitutions: substitutions(rows),
    rows,
  };
}

/**
 * Align the story's paragraphs with each other, and the site chrome's apart, so that a share
 * button never pairs with a sentence of the story.
 */
function alignApart(
  aWords: readonly (readonly Word[])[],
  bWords: readonly (readonly Word[])[],
  aChrome: ReadonlySet<number>,
  bChrome: ReadonlySet<number>,
  numbers: WordNumbers,
): Alignment {
  const only = (words: readonly (readonly Word[])[], keep: (i: number) => boolean): Text =>
    makeText(
      words.map((w, i) => (keep(i) ? w : [])),
      numbers,
    );
  if (aChrome.size === 0 && bChrome.size === 0) {
    return align(
      only(aWords, () => true),
      only(bWords, () => true),
    );
  }
  const story = align(
    only(aWords, (i) => !aChrome.has(i)),
    only(bWords, (j) => !bChrome.has(j)),
  );
  const chrome = align(
    only(aWords, (i) => aChrome.has(i)),
    only(bWords, (j) => bChrome.has(j)),
  );
  return {
    matches: [...story.matches, ...chrome.matches],
    removed: [...story.removed, ...chrome.removed],
    added: [...story.added, ...chrome.added],
  };
}
