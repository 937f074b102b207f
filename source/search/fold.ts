/**
 * Folding: what a search or a comparison should not tell apart.
 *
 * Two foldings, for two jobs:
 *
 * - `passageKey` names a passage, so that copies of one paragraph in several versions count as one
 *   passage: it folds case, runs of whitespace, and typographic variants (curly and straight
 *   quotes; hyphens, en and em dashes, `--`; no-break and other spaces; `…` and `...`). It keeps
 *   diacritics: "Türkiye" and "Turkiye" are an editor's choice, so different passages.
 * - `foldForSearch` (source/text/fold.ts) is what queries and passages are matched on: lower case,
 *   no diacritics, the same typographic variants, and the same length as the text.
 */

import { foldForSearch } from '../text/fold.js';
import { DASHES, DOUBLE_QUOTES, SINGLE_QUOTES } from '../text/typography.js';

export { foldCode, foldForSearch } from '../text/fold.js';

/** Anything passageKey changes besides case: typographic variants, and spacing. */
const KEY_VARIANT = new RegExp(
  `[${SINGLE_QUOTES}]|[${DOUBLE_QUOTES}]|[${DASHES}]|-{2,}|\u2026|\\s{2,}|[^\\S ]`,
  'g',
);
const HAS_KEY_VARIANT = new RegExp(KEY_VARIANT.source);

function plainVariant(variant: string): string {
  const first = variant.charAt(0);
  if (SINGLE_QUOTES.includes(first)) return "'";
  if (DOUBLE_QUOTES.includes(first)) return '"';
  if (first === '-' || DASHES.includes(first)) return '-';
  if (first === '\u2026') return '...';
  return ' ';
}

/** The key two copies of a passage share: case, spacing, quotes, dashes and ellipses folded. */
export function passageKey(text: string): string {
  const plain = HAS_KEY_VARIANT.test(text) ? text.replace(KEY_VARIANT, plainVariant) : text;
  return plain.trim().toLowerCase();
}

/** A query as it is matched: folded for search, its whitespace collapsed and trimmed. */
export function normalizeQuery(query: string): string {
  return foldForSearch(query).replace(/\s+/g, ' ').trim();
}
