/** The strings a version keeps: copies with the same text, whatever characters it holds. */
import { serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asRead, versionFromText } from '../../source/corpus/build.js';
import { NO_FIELDS } from '../../source/corpus/fields.js';
import { ownField, ownString } from '../../source/corpus/strings.js';

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

  it('gives back the text of a slice, and null for an absent field', () => {
    const file = `headline\n\n${'Body text of a long file. '.repeat(1000)}`;
    const title = file.slice(0, 8);
    const paragraph = file.slice(10, 60);
    expect(ownString(paragraph)).toBe('Body text of a long file. Body text of a long file');
    expect(ownField(title)).toBe('headline');
    expect(ownField(null)).toBeNull();
  });
});

describe('a version read on a loader thread', () => {
  it('keeps its paragraphs as read, and its other fields one byte a character', () => {
    // One curly quote makes V8 store the whole file's text at two bytes a character, and every
    // slice of it; a message keeps that width. The paragraphs are packed one byte a character
    // later (packed.ts); the title, headline and the rest must be narrowed here.
    const text = `A short headline for the page\n\n“Talks,” he said. ${'Plain words here. '.repeat(20)}`;
    const version = versionFromText('a.txt', '/corpus/a.txt', text, NO_FIELDS, asRead);
    expect(version.headline).toBe('A short headline for the page');
    for (const field of [version.title, version.headline!]) {
      expect(serialize(field).length).toBeLessThan(field.length + 16);
    }
    expect(version.paragraphs[0]).toBe(text.slice(31).trim());
  });
});
