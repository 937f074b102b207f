import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUnsafe, REPLACEMENT, sanitize, sanitizeLine } from '../../source/corpus/sanitize.js';

/** Every code point the issue says must never reach the terminal. */
function isForbidden(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x0a && code !== 0x09) ||
    code === 0x7f ||
    (code >= 0x80 && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

const forbidden = [
  ...Array.from({ length: 0x20 }, (_, i) => i).filter((i) => i !== 0x0a && i !== 0x09),
  0x7f,
  ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
  0x061c,
  0x200e,
  0x200f,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
];

/** Any string, with forbidden and near-forbidden characters drawn often. */
const hostileText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.constantFrom(...forbidden.map((code) => String.fromCodePoint(code))),
      fc.constantFrom('\n', '\t', ' ', '\u2029', '\u200D', '\u00A0', '\uFFFD', '^[', 'é'),
    ),
  )
  .map((parts) => parts.join(''));

const codes = (text: string): number[] => [...text].map((ch) => ch.codePointAt(0)!);

describe('sanitize', () => {
  it('shows C0 controls in caret notation, keeping newline and tab', () => {
    expect(sanitize('\x1b[2J')).toBe('^[[2J');
    expect(sanitize('\x00\x01\x07\x08\x0b\x0c\x0d\x1f')).toBe('^@^A^G^H^K^L^M^_');
    expect(sanitize('a\nb\tc')).toBe('a\nb\tc');
  });

  it('shows DEL as ^?', () => {
    expect(sanitize('a\x7fb')).toBe('a^?b');
  });

  it('replaces C1 controls, the 8-bit CSI among them, with U+FFFD', () => {
    expect(sanitize('\u009b31m')).toBe(`${REPLACEMENT}31m`);
    expect(sanitize('\u0080\u0085\u009d\u009f')).toBe(REPLACEMENT.repeat(4));
  });

  it('replaces bidi embeddings, overrides and isolates with U+FFFD', () => {
    expect(sanitize('a\u202Eevil\u202Cb')).toBe(`a${REPLACEMENT}evil${REPLACEMENT}b`);
    expect(sanitize('\u202A\u202B\u202D\u2066\u2067\u2068\u2069')).toBe(REPLACEMENT.repeat(7));
  });

  it('replaces the direction marks LRM, RLM and ALM with U+FFFD', () => {
    // Invisible, and each can reorder the neutral characters around it (a sign, a digit).
    expect(sanitize('loss of \u200F-5%')).toBe(`loss of ${REPLACEMENT}-5%`);
    expect(sanitize('\u200E\u200F\u061C')).toBe(REPLACEMENT.repeat(3));
    expect(sanitizeLine('id\u200E.txt')).toBe(`id${REPLACEMENT}.txt`);
    expect(isUnsafe('\u061C')).toBe(true);
  });

  it('keeps the characters next to the forbidden ranges', () => {
    const neighbours = ' ~\u00A0\u00A0é\u2029\u202F\u2065\u206A\u200D\u2010\u061B\u061D';
    expect(sanitize(neighbours)).toBe(neighbours);
  });

  it('makes every forbidden code point visible', () => {
    for (const code of forbidden) {
      const out = sanitize(String.fromCodePoint(code));
      expect(out, code.toString(16)).not.toBe(String.fromCodePoint(code));
      expect(codes(out).some(isForbidden), code.toString(16)).toBe(false);
    }
  });

  it('never lets a forbidden code point through (property)', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(codes(sanitize(text)).filter(isForbidden)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves text without forbidden code points unchanged (property)', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const clean = [...text].filter((ch) => !isForbidden(ch.codePointAt(0)!)).join('');
        expect(sanitize(clean)).toBe(clean);
        expect(isUnsafe(clean)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(sanitize(sanitize(text))).toBe(sanitize(text));
      }),
    );
  });
});

describe('isUnsafe', () => {
  it('tells whether sanitize would change the text, every time it is asked', () => {
    expect(isUnsafe('\x1b')).toBe(true);
    expect(isUnsafe('\x1b')).toBe(true);
    expect(isUnsafe('plain\ttext\n')).toBe(false);
    expect(isUnsafe('\u202E')).toBe(true);
  });
});

describe('sanitizeLine', () => {
  it('also shows newline and tab, so a name stays on one line', () => {
    expect(sanitizeLine('a\nb\tc\x1b')).toBe('a^Jb^Ic^[');
  });

  it('never returns a control character or a line break (property)', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(
          codes(sanitizeLine(text)).filter((c) => isForbidden(c) || c === 10 || c === 9),
        ).toEqual([]);
      }),
    );
  });
});
