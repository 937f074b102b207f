/**
 * A text's graphemes (user-perceived characters), without loading ICU where it can: the first
 * Intl.Segmenter a process makes loads ICU's break data, about 15 ms, which the reader's first
 * screen need not wait for. Text made only of code points that always stand alone as a grapheme
 * is split by code point; anything else goes through Intl.Segmenter.
 */

/**
 * Code points that never join a neighbour in a grapheme cluster (Unicode UAX #29): none is
 * Extend, ZWJ, SpacingMark, Prepend, a Hangul jamo or syllable, a regional indicator, CR or LF,
 * and all are in the BMP. Latin, Greek and Cyrillic letters (combining marks excluded), general
 * punctuation, currency, letterlike symbols, arrows, mathematical and technical symbols, box
 * drawing, shapes and dingbats: news text and the reader's own glyphs. The test checks each
 * against Intl.Segmenter.
 */
export const STANDALONE =
  /^[\u0020-\u007E\u00A0-\u02FF\u0370-\u0482\u048A-\u052F\u2010-\u2027\u2030-\u205E\u20A0-\u20C0\u2100-\u214F\u2190-\u23FF\u2500-\u27BF]*$/;

let segmenter: Intl.Segmenter | undefined;

/** The graphemes of `text`, in order. */
export function graphemes(text: string): string[] {
  if (STANDALONE.test(text)) return text.split('');
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}
