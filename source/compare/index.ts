/**
 * The compare engine: how one version of a story differs from another, passage by passage, the
 * way an editor reads them. Pure: text in, rows out.
 */

import { align } from './align.js';
import { makeText } from './passage.js';
import { buildRows } from './rows.js';
import { WordNumbers } from './similarity.js';
import { summarize, substitutions } from './summary.js';
import { tokenize } from './tokenize.js';
import type { Comparable, CompareOptions, Comparison } from './types.js';

export type * from './types.js';
export { foldTypography } from '../text/fold.js';

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
  const rows = buildRows(aText, bText, align(aText, bText));
  const count = (paragraphs: typeof aWords): number =>
    paragraphs.reduce((n, words) => n + words.length, 0);
  return {
    stats: summarize(rows, count(aWords), count(bWords)),
    substitutions: substitutions(rows),
    rows,
  };
}
