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

/** Whether the bytes look like a binary file rather than text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09 && byte !== 0x0c) {
      controls++;
    }
  }
  return sample.length > 0 && controls / sample.length > 0.1;
}

/** Count the words of a text: runs of non-whitespace. */
export function countWords(text: string): number {
  const matches = text.match(/\S+/g);
  return matches ? matches.length : 0;
}
