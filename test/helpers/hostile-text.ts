import fc from 'fast-check';

/**
 * Text as an attacker would write it: escape sequences (CSI, OSC, DCS, a lone ESC), C0 and C1
 * controls, DEL, bidi controls, combining marks at word starts (U+0301 before H, J and m), wide
 * characters and emoji, mixed with ordinary words so that diffs and searches find something.
 */
export const HOSTILE_FRAGMENTS: readonly string[] = [
  'cat',
  'sat',
  'mat',
  'ceasefire',
  'Gaza',
  'talks',
  'Türkiye',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\t',
  '\r\n',
  '\u001B[2J',
  '\u001B[31m',
  '\u001B[32H',
  '\u001B]0;pwned\u0007',
  '\u001B]52;c;aGk=\u0007',
  '\u001B]8;;http://x\u001B\\link\u001B]8;;\u001B\\',
  '\u001BP1$r\u001B\\',
  '\u001B',
  '\u001Bc',
  '\u009B31m',
  '\u009D0;x\u009C',
  '\u0000',
  '\u0007',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u000D',
  '\u001F',
  '\u007F',
  '\u0085',
  '\u202A',
  '\u202B',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
  '\u0301',
  '\u0301H',
  '\u0301J',
  '\u0301m',
  '\u0301\u0301',
  '漢字',
  '👍🏽',
  '👨‍👩‍👧',
  'x'.repeat(45),
  '\uD800',
  '\uFFFD',
];

/** Byte sequences that are not UTF-8: a lone lead byte, a lone continuation, 8-bit CSI. */
export const INVALID_UTF8: readonly (readonly number[])[] = [
  [0xcc],
  [0x81],
  [0x9b],
  [0xff],
  [0xc3, 0x28],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
];

/** Hostile text, as a string. */
export const hostileText = (maxLength = 40): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...HOSTILE_FRAGMENTS), { minLength: 1, maxLength })
    .map((parts) => parts.join(''));

/** Hostile bytes: hostile text with bytes that are not UTF-8 among it. */
export const hostileBytes = (maxLength = 40): fc.Arbitrary<Buffer> =>
  fc
    .array(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS).map((t) => Buffer.from(t)) },
        { weight: 1, arbitrary: fc.constantFrom(...INVALID_UTF8).map((b) => Buffer.from(b)) },
      ),
      { minLength: 1, maxLength },
    )
    .map((parts) => Buffer.concat(parts));

/** Every SGR sequence our serializer writes: attributes on and off, 8 colors, their resets. */
export const OWN_SGR = /\u001B\[(?:1|2|4|7|22|24|27|3[0-7]|39|4[0-7]|49)m/g;

/**
 * The characters of `text` that could drive a terminal or reorder a line, once our own SGR
 * sequences are taken out: ESC, C0 controls other than newline, DEL, C1 controls, bidi controls.
 */
export function leaks(text: string): string[] {
  const rest = text.replace(OWN_SGR, '');
  return [...rest.matchAll(FORBIDDEN)].map(
    ([ch]) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

const FORBIDDEN =
  /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;
