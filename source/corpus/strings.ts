/**
 * Strings a version keeps for as long as the corpus is open. V8 cuts a substring out of its parent
 * without copying it (a sliced string), so a title or a paragraph cut from a file's text keeps the
 * whole text alive; and a text with one curly quote is stored at two bytes a character, every
 * paragraph cut from it too. What a version keeps is copied out on its own, at one byte a
 * character when every character fits in one.
 */

/** Beyond Latin-1: a character that needs two bytes in a V8 string. */
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/** V8 copies substrings shorter than this instead of slicing them (SlicedString::kMinLength). */
const SLICE_MIN_LENGTH = 13;

/** A copy of `text` that keeps no other string alive, at one byte a character when it can be. */
export function ownString(text: string): string {
  if (text.length < SLICE_MIN_LENGTH) return text;
  return BEYOND_LATIN1.test(text)
    ? Buffer.from(text, 'utf16le').toString('utf16le')
    : Buffer.from(text, 'latin1').toString('latin1');
}

/** ownString for a field that may be absent. */
export function ownField(text: string | null): string | null {
  return text === null ? null : ownString(text);
}
