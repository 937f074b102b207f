import { describe, expect, it } from 'vitest';
import { foldForSearch, foldTypography, passageKey } from '../../source/text/fold.js';
import { sharedSorted } from '../../source/text/sorted.js';
import { PLAIN_FORM } from '../../source/text/typography.js';

describe('one list of typographic variants', () => {
  it('is folded alike by the comparison, the passage keys and the search', () => {
    for (const [variant, plain] of PLAIN_FORM) {
      const text = `Hamas${variant}s`;
      expect(foldTypography(text), variant).toBe(`Hamas${plain}s`);
      expect(passageKey(text), variant).toBe(`hamas${plain}s`);
      expect(foldForSearch(text), variant).toBe(`hamas${plain}s`);
    }
  });
});

describe('sharedSorted', () => {
  it('counts shared values of two ascending arrays, repeats included', () => {
    expect(sharedSorted([1, 2, 2, 3, 7], [2, 2, 2, 7, 9])).toBe(3);
    expect(sharedSorted(Uint32Array.from([1, 5]), Int32Array.from([]))).toBe(0);
  });
});
