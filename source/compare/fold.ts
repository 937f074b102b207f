import {
  DASHES as DASH,
  DOUBLE_QUOTES as DOUBLE,
  SINGLE_QUOTES as SINGLE,
  SPACES as SPACE,
} from '../text/typography.js';

/**
 * Typographic folding: the variants that outlets' house styles and content systems swap freely
 * (curly or straight quotes, which dash, which space) are the same text to a reader.
 */

const SINGLE_QUOTES = new RegExp(`[${SINGLE}]`, 'g');
const DOUBLE_QUOTES = new RegExp(`[${DOUBLE}]`, 'g');
/** Two or more hyphens (a typed dash), and every dash or hyphen character. */
const DASHES = new RegExp(`-{2,}|[${DASH}]`, 'g');
/** Spaces a reader cannot tell from a plain one. */
const SPACES = new RegExp(`[${SPACE}]`, 'g');

/** Printable ASCII without a typed dash: nothing to fold (most words of an English story). */
const PLAIN = /^[\x20-\x7E]*$/;

/** Text with every typographic variant replaced by its plain form: ' " - and a space. */
export function foldTypography(text: string): string {
  if (PLAIN.test(text) && !text.includes('--')) return text;
  return text
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(SPACES, ' ');
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
