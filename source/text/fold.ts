import { PLAIN_FORM } from './typography.js';

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
