/**
 * Folding: what a search or a comparison should not tell apart. Three foldings, for three jobs:
 *
 * - `foldTypography` is what a comparison sees: the typographic variants that outlets' house
 *   styles swap freely (curly or straight quotes, which dash, which space) made plain.
 * - `passageKey` names a passage, so that copies of one paragraph in several versions count as one
 *   passage: it folds case, runs of whitespace, and typographic variants (also `…` and `...`). It
 *   keeps diacritics: "Türkiye" and "Turkiye" are an editor's choice, so different passages.
 * - `foldForSearch` is what queries and passages are matched on: lower case, no diacritics, the
 *   same typographic variants, and the same length as the text.
 */
import { DASHES, DOUBLE_QUOTES, PLAIN_FORM, SINGLE_QUOTES, SPACES } from './typography.js';

// ---------------------------------------------------------------------------------------------
// Search folding

/**
 * Folding for matching: lower case, no diacritics, and typographic variants made plain. It keeps
 * the text's length, UTF-16 unit for unit, so an offset into the folded text is the same offset
 * into the original: a match found in folded text can be highlighted in the text as written. A
 * character whose folded form would change the length (ß → ss, İ → i̇) is kept as it is.
 */

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
  let out = PLAIN_FORM.get(unit) ?? unit;
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

// ---------------------------------------------------------------------------------------------
// Typographic folding, for comparing

/**
 * Typographic folding: the variants that outlets' house styles and content systems swap freely
 * (curly or straight quotes, which dash, which space) are the same text to a reader.
 */

const SINGLE_QUOTE = new RegExp(`[${SINGLE_QUOTES}]`, 'g');
const DOUBLE_QUOTE = new RegExp(`[${DOUBLE_QUOTES}]`, 'g');
/** Two or more hyphens (a typed dash), and every dash or hyphen character. */
const DASH = new RegExp(`-{2,}|[${DASHES}]`, 'g');
/** Spaces a reader cannot tell from a plain one. */
const SPACE = new RegExp(`[${SPACES}]`, 'g');

/** Printable ASCII without a typed dash: nothing to fold (most words of an English story). */
const PLAIN = /^[\x20-\x7E]*$/;

/** Text with every typographic variant replaced by its plain form: ' " - and a space. */
export function foldTypography(text: string): string {
  if (PLAIN.test(text) && !text.includes('--')) return text;
  return text
    .replace(SINGLE_QUOTE, "'")
    .replace(DOUBLE_QUOTE, '"')
    .replace(DASH, '-')
    .replace(SPACE, ' ');
}

/** Whitespace with the plain kinds (space, tab, line breaks) taken out: what `--exact` still sees. */
export function unusualSpaces(whitespace: string): string {
  return whitespace.replace(/[ \t\n\r\f\v]/g, '');
}

const EDGE_PUNCTUATION = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
const EDGE_ASCII_PUNCTUATION =
  /^[\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E]+|[\x21-\x2F\x3A-\x40\x5B-\x60\x7B-\x7E]+$/g;
const ASCII_WORD = /^[\x21-\x7E]*$/;

/** A word stripped of the punctuation around it: `"Turkey,"` → `Turkey`. */
export function stripPunctuation(text: string): string {
  // In ASCII every printable character that is not a letter or digit is punctuation or a symbol.
  return text.replace(ASCII_WORD.test(text) ? EDGE_ASCII_PUNCTUATION : EDGE_PUNCTUATION, '');
}

// ---------------------------------------------------------------------------------------------
// Passage keys and queries, for search

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
