import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BINARY_SAMPLE_BYTES,
  countWords,
  decodeText,
  looksBinary,
  normalizeText,
} from '../../source/corpus/normalize.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Buffer.concat(parts.map((part) => Buffer.from(part as string)));

describe('decodeText', () => {
  it('strips a UTF-8 byte order mark', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'Gaza'))).toBe('Gaza');
  });

  it('keeps a U+FEFF that is not at the start of the file', () => {
    expect(decodeText(bytes('a', [0xef, 0xbb, 0xbf], 'b'))).toBe('a\uFEFFb');
  });

  it('turns CRLF and lone CR into LF', () => {
    expect(decodeText(bytes('one\r\ntwo\rthree\n'))).toBe('one\ntwo\nthree\n');
    expect(decodeText(bytes('a\r\r\nb'))).toBe('a\n\nb');
  });

  it('applies Unicode NFC', () => {
    expect(decodeText(bytes('Tu\u0308rkiye'))).toBe('Türkiye');
    expect(decodeText(bytes('Tu\u0308rkiye'))).toBe('T\u00FCrkiye');
  });

  it('shows invalid UTF-8 as U+FFFD', () => {
    expect(decodeText(bytes('a', [0xff], 'b'))).toBe('a\uFFFDb');
    expect(decodeText(bytes('caf', [0xe9], ' au lait'))).toBe('caf\uFFFD au lait');
    // A raw 0x9B byte (the 8-bit CSI in Latin-1) is not UTF-8.
    expect(decodeText(bytes('x', [0x9b], '31m'))).toBe('x\uFFFD31m');
    // A sequence cut short at the end of the file.
    expect(decodeText(bytes('end', [0xe2, 0x80]))).toBe('end\uFFFD');
  });

  it('turns the Unicode line and paragraph separators into LF', () => {
    expect(decodeText(bytes('one\u2028two\u2029three'))).toBe('one\ntwo\nthree');
  });

  it('sanitizes what it decodes', () => {
    expect(decodeText(bytes('\x1b[2J', [0xc2, 0x9b], '31m'))).toBe('^[[2J\uFFFD31m');
  });
});

describe('normalizeText', () => {
  it('does the same on a string', () => {
    expect(normalizeText('\uFEFFa\r\nTu\u0308rkiye\u2028\x07')).toBe('a\nTürkiye\n^G');
  });
});

describe('looksBinary', () => {
  it('calls a file with a NUL byte binary', () => {
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48];
    expect(looksBinary(bytes(png))).toBe(true);
    expect(looksBinary(bytes('plain text', [0], 'more text'))).toBe(true);
  });

  it('calls UTF-16 text binary (it is full of NUL bytes)', () => {
    expect(looksBinary(Buffer.from('\uFEFFGaza City', 'utf16le'))).toBe(true);
  });

  it('calls bytes that are mostly not UTF-8 binary', () => {
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => 0x80 + ((i * 37) % 0x7f));
    expect(looksBinary(noise)).toBe(true);
  });

  it('keeps text full of escape sequences: it is hostile text, not binary', () => {
    const hostile = '\x1b[2J\x1b]0;pwned\x07\x1b[31m'.repeat(50) + 'red';
    expect(looksBinary(bytes(hostile))).toBe(false);
    expect(looksBinary(bytes('\x1b'.repeat(1000)))).toBe(false);
  });

  it('keeps UTF-8 text with many non-ASCII characters', () => {
    expect(looksBinary(bytes('غزة “Türkiye” — 加沙 😀 '.repeat(500)))).toBe(false);
  });

  it('keeps Latin-1 text with a few accented letters', () => {
    const latin1 = Buffer.from('Le café de la gare, près du marché. '.repeat(40), 'latin1');
    expect(looksBinary(latin1)).toBe(false);
  });

  it('keeps empty input', () => {
    expect(looksBinary(new Uint8Array())).toBe(false);
  });

  it('looks only at the start of the file', () => {
    const late = bytes('a'.repeat(BINARY_SAMPLE_BYTES), [0]);
    expect(looksBinary(late)).toBe(false);
  });

  it('does not count a multi-byte character cut by the end of the sample', () => {
    const cut = bytes('a'.repeat(BINARY_SAMPLE_BYTES - 1), '€');
    expect(looksBinary(cut)).toBe(false);
  });
});

describe('countWords', () => {
  it('counts runs of non-whitespace', () => {
    expect(countWords('  one two\nthree\t four  ')).toBe(4);
    expect(countWords('')).toBe(0);
    expect(countWords('Gaza City, Palestinian Territories – A top')).toBe(7);
  });

  it('splits words where a regular expression sees whitespace, whatever the text', () => {
    // Every whitespace the \s class knows, among letters and other characters.
    const units = [
      ...'ab .\u00a0\u1680\u2000\u200a\u200b\u2028\u202f\u205f\u3000\ufeff\u0085\t\n\r\v\f',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units)), fc.string(), (picked, text) => {
        for (const sample of [picked.join(''), text]) {
          expect(countWords(sample)).toBe(sample.match(/\S+/g)?.length ?? 0);
        }
      }),
    );
  });
});
