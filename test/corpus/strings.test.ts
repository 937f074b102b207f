/** The strings a version keeps: copies with the same text, whatever characters it holds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownString } from '../../source/corpus/strings.js';

describe('ownString', () => {
  it('gives back the same text: ASCII, Latin-1, curly quotes, emoji, lone surrogates', () => {
    const texts = [
      '',
      'Short.',
      'Gaza City – Talks resumed on Sunday, officials said.',
      'Türkiye said the talks in Doha would resume on Sunday.',
      '“Ceasefire” talks 😀 resumed — on Sunday.',
      'A lone \uD800 surrogate, and another \uDC00 one, in a long line.',
    ];
    for (const text of texts) expect(ownString(text)).toBe(text);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => ownString(text) === text));
  });

  it('gives back the text of a slice', () => {
    const file = `headline\n\n${'Body text of a long file. '.repeat(1000)}`;
    const title = file.slice(0, 8);
    const paragraph = file.slice(10, 60);
    expect(ownString(paragraph)).toBe('Body text of a long file. Body text of a long file');
    expect(ownString(title)).toBe('headline');
  });
});
