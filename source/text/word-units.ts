/** What words are made of, for search and story grouping alike: letters, digits and marks. */
const WORD_UNIT = /[\p{L}\p{N}\p{M}]/u;

/** By UTF-16 unit: 0 until asked, then 1 for a word unit, 2 for any other. */
const kinds = new Uint8Array(65536);

/**
 * Whether a UTF-16 unit is a letter, a digit or a mark (a lone surrogate is none), by table: loops
 * over every character of a passage ask it.
 */
export function isWordUnit(code: number): boolean {
  let kind = kinds[code]!;
  if (kind === 0) {
    kind = WORD_UNIT.test(String.fromCharCode(code)) ? 1 : 2;
    kinds[code] = kind;
  }
  return kind === 1;
}
