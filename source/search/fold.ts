/**
 * Folding: what a search or a comparison should not tell apart.
 *
 * Two foldings, for two jobs:
 *
 * - `passageKey` names a passage, so that copies of one paragraph in several versions count as one
 *   passage: it folds case, runs of whitespace, and typographic variants (curly and straight
 *   quotes; hyphens, en and em dashes, `--`; no-break and other spaces; `…` and `...`). It keeps
 *   diacritics: "Türkiye" and "Turkiye" are an editor's choice, so different passages.
 * - `foldForSearch` is what queries and passages are matched on: lower case, no diacritics, and
 *   the same typographic variants. It keeps the text's length, UTF-16 unit for unit, so an offset
 *   into the folded text is the same offset into the original: that is what lets a match found in
 *   folded text be highlighted in the passage as written. A character whose folded form would
 *   change the length (ß → ss, İ → i̇) is kept as it is.
 */

// The same variants as source/compare/fold.ts, and the modifier-letter apostrophe (ʼ).
const SINGLE_QUOTES = '\u2018\u2019\u201A\u201B\u2032\u2035\u2039\u203A\u02BC';
const DOUBLE_QUOTES = '\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB';
const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D';
const SPACES =
  '\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000';

/** Typographic variants, one UTF-16 unit each, and the plain character each stands for. */
const TYPOGRAPHIC = new Map<string, string>([
  ...[...SINGLE_QUOTES].map((ch) => [ch, "'"] as const),
  ...[...DOUBLE_QUOTES].map((ch) => [ch, '"'] as const),
  ...[...DASHES].map((ch) => [ch, '-'] as const),
  ...[...SPACES].map((ch) => [ch, ' '] as const),
]);

/** Letters with a stroke or a dot, which Unicode does not decompose into a letter and a mark. */
const UNDECOMPOSABLE = new Map<string, string>([
  ['ł', 'l'],
  ['đ', 'd'],
  ['ø', 'o'],
  ['ħ', 'h'],
  ['ŧ', 't'],
  ['ı', 'i'],
]);

const MARKS = /\p{M}/gu;

/** Fold one UTF-16 unit into one UTF-16 unit (lone surrogates come back unchanged). */
function foldUnitUncached(unit: string): string {
  let out = TYPOGRAPHIC.get(unit) ?? unit;
  const bare = out.normalize('NFD').replace(MARKS, '');
  if (bare.length === 1) out = bare;
  const lower = out.toLowerCase();
  if (lower.length === 1) out = lower;
  return UNDECOMPOSABLE.get(out) ?? out;
}

const unitCache = new Map<string, string>();

function foldUnit(unit: string): string {
  let folded = unitCache.get(unit);
  if (folded === undefined) {
    folded = foldUnitUncached(unit);
    unitCache.set(unit, folded);
  }
  return folded;
}

const unitCodes = new Uint16Array(65536);
const unitKnown = new Uint8Array(65536);

/** foldForSearch for one UTF-16 unit, by code: for loops that read text a unit at a time. */
export function foldCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  if (unitKnown[code] === 0) {
    unitCodes[code] = foldUnit(String.fromCharCode(code)).charCodeAt(0);
    unitKnown[code] = 1;
  }
  return unitCodes[code]!;
}

// eslint-disable-next-line no-control-regex -- every character outside ASCII, controls included
const NON_ASCII = /[^\u0000-\u007F]/g;
// eslint-disable-next-line no-control-regex -- ASCII capitals, and every character outside ASCII
const CAPITAL_OR_NON_ASCII = /[A-Z]|[^\u0000-\u007F]/g;

/** Lower case, no diacritics, typographic variants made plain; same length as `text`. */
export function foldForSearch(text: string): string {
  const lower = text.toLowerCase();
  // Lowering a string never shortens it, so when the length holds, every character held it.
  if (lower.length === text.length) return lower.replace(NON_ASCII, foldUnit);
  return text.replace(CAPITAL_OR_NON_ASCII, (unit) =>
    unit.length === 1 && unit < '\u0080' ? unit.toLowerCase() : foldUnit(unit),
  );
}

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
