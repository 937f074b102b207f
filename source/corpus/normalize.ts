import { sanitize } from './sanitize.js';

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Decode a file's bytes into clean text: invalid UTF-8 shows as U+FFFD, a BOM is dropped, CRLF,
 * CR and the Unicode line and paragraph separators become LF, the text is NFC, and every
 * terminal-driving character is made visible (see sanitize).
 */
export function decodeText(bytes: Uint8Array): string {
  // TextDecoder strips a leading UTF-8 BOM itself (ignoreBOM: false).
  const text = decoder.decode(bytes);
  return normalizeText(text);
}

export function normalizeText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lf = noBom.replace(/\r\n?|[\u2028\u2029]/g, '\n');
  return sanitize(lf.normalize('NFC'));
}

/** How many bytes of a file `looksBinary` looks at. */
export const BINARY_SAMPLE_BYTES = 8192;

/**
 * The length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there does not start
 * one. A sequence cut off by the end of the buffer counts as valid: the sample may end inside it.
 */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i]!;
  if (lead < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;
  for (let k = 1; k < length; k++) {
    if (i + k >= bytes.length) return length;
    const byte = bytes[i + k]!;
    if (byte < (k === 1 ? low : 0x80) || byte > (k === 1 ? high : 0xbf)) return 0;
  }
  return length;
}

/**
 * Whether the bytes look like a binary file rather than text: a NUL byte in the first 8 KB, or a
 * quarter of them not UTF-8 at all. Control characters do not count: a small text file full of
 * escape sequences is hostile text, and it is loaded and shown sanitized, not skipped.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, BINARY_SAMPLE_BYTES);
  if (sample.includes(0)) return true;
  let invalid = 0;
  for (let i = 0; i < sample.length;) {
    const length = utf8SequenceLength(sample, i);
    if (length === 0) {
      invalid++;
      i++;
    } else {
      i += length;
    }
  }
  return invalid * 4 > sample.length;
}

/** Count the words of a text: runs of non-whitespace. */
export function countWords(text: string): number {
  const matches = text.match(/\S+/g);
  return matches ? matches.length : 0;
}
