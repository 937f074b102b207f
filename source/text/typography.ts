/**
 * The typographic variants that outlets' house styles and content systems swap freely: which
 * quote, which dash, which space. They are the same text to a reader, so the comparison, the
 * search and the story grouping all fold them, from these one lists.
 */

/** ‘ ’ ‚ ‛ ′ ‵ ‹ › and the modifier-letter apostrophe ʼ: all read as '. */
export const SINGLE_QUOTES = '\u2018\u2019\u201A\u201B\u2032\u2035\u2039\u203A\u02BC';
/** “ ” „ ‟ ″ ‶ « »: all read as ". */
export const DOUBLE_QUOTES = '\u201C\u201D\u201E\u201F\u2033\u2036\u00AB\u00BB';
/** ‐ ‑ ‒ – — ― − ﹘ ﹣ －: all read as -. (A typed `--` does too; see the users of this list.) */
export const DASHES = '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D';
/** No-break, ogham, en to hair, narrow no-break, medium mathematical and ideographic spaces. */
export const SPACES =
  '\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000';

/** Each variant, one UTF-16 unit, and the plain character it stands for. */
export const PLAIN_FORM: ReadonlyMap<string, string> = new Map<string, string>([
  ...[...SINGLE_QUOTES].map((ch) => [ch, "'"] as const),
  ...[...DOUBLE_QUOTES].map((ch) => [ch, '"'] as const),
  ...[...DASHES].map((ch) => [ch, '-'] as const),
  ...[...SPACES].map((ch) => [ch, ' '] as const),
]);
