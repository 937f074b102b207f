import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { sanitize } from './sanitize.js';

/** The encodings a version's text can come in: UTF-8, or UTF-16 when a byte-order mark says so. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * The encoding that a file's first bytes announce: UTF-16 with its byte-order mark (as Windows
 * tools and Excel's "Unicode text" write it), else UTF-8.
 */
export function encodingOf(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/**
 * Decode a file's bytes into clean text: UTF-16 when a byte-order mark announces it, else UTF-8,
 * where invalid bytes show as U+FFFD. The BOM is dropped, CRLF, CR and the Unicode line and
 * paragraph separators become LF, the text is NFC, and every terminal-driving character is made
 * visible (see sanitize).
 */
export function decodeText(bytes: Uint8Array): string {
  // TextDecoder strips the BOM itself (ignoreBOM: false).
  const decoder = new TextDecoder(encodingOf(bytes), { fatal: false, ignoreBOM: false });
  return normalizeText(decoder.decode(bytes));
}

/**
 * Decodes a file read in chunks, as decodeText decodes it whole: the encoding comes from the first
 * bytes, and a character split between chunks is kept whole. Only decoding; normalize after.
 */
export class ChunkDecoder {
  private decoder: TextDecoder | undefined;
  private head = Buffer.alloc(0);

  /** The text of the next chunk; `final` for the last one (which may be empty). */
  decode(chunk: Uint8Array, final = false): string {
    if (this.decoder === undefined) {
      // Wait for two bytes, enough to see a UTF-16 BOM.
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < 2 && !final) return '';
      this.decoder = new TextDecoder(encodingOf(this.head), { fatal: false, ignoreBOM: false });
      chunk = this.head;
    }
    return this.decoder.decode(chunk, { stream: !final });
  }

  /** The encoding the first bytes announced; UTF-8 before any byte. */
  get encoding(): TextEncoding {
    return encodingOf(this.head);
  }
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
  // Most text is UTF-8 throughout: nothing to count (a sample cut inside a character is counted).
  if (isUtf8(sample)) return false;
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

/** Whether a UTF-16 unit is whitespace as a regular expression's \s reads it. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return (
    code === 160 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Count the words of a text: runs of non-whitespace (as /\S+/g finds them, without making a
 * list of them: every version of a large corpus is counted as it loads).
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}
