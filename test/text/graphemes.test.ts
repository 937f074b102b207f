import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemes, STANDALONE } from '../../source/text/graphemes.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const segmented = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);

/** Every BMP code point that STANDALONE lets through without the segmenter. */
const standalone: string[] = [];
for (let code = 0; code <= 0xffff; code++) {
  const text = String.fromCharCode(code);
  if (STANDALONE.test(text)) standalone.push(text);
}

/** Code points that join their neighbours: marks, joiners, jamo, variation selectors. */
const JOINERS = ['\u0301', '\u200d', '\ufe0f', '\u1161', '\u11a8', '\u0903', '\u0600', '\r', '\n'];
const OTHERS = ['👍', '🏽', '🇵', '🇸', '한', '界', 'e', 'अ', '\u094d', 'क', '\u0007'];

describe('graphemes', () => {
  it('lets through only code points that stand alone, next to themselves and to letters', () => {
    expect(standalone.length).toBeGreaterThan(2000);
    const joined = standalone.filter((c) => segmented(`a${c}${c}a${c}`).length !== 5);
    expect(joined).toEqual([]);
  });

  it('splits any text as Intl.Segmenter does, with or without the segmenter', () => {
    const piece = fc.oneof(fc.constantFrom(...standalone), fc.constantFrom(...JOINERS, ...OTHERS));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(graphemes(text)).toEqual(segmented(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('splits news text by code point, as the segmenter would', () => {
    const text = 'Ceasefire talks in Miami — “What to know” · 2025 … ≈001 85% ▍ Türkiye, Газа';
    expect(STANDALONE.test(text)).toBe(true);
    expect(graphemes(text)).toEqual(segmented(text));
    expect(graphemes('e\u0301lan 👍🏽')).toEqual(['e\u0301', 'l', 'a', 'n', ' ', '👍🏽']);
  });
});
