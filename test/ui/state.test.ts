import { describe, expect, it } from 'vitest';
import { rangesIn } from '../../source/ui/state.js';

describe('rangesIn: a hit found in one copy of a passage, highlighted in another', () => {
  const passage = 'Naim said the “talks” should go on.';
  const talks = [passage.indexOf('talks'), passage.indexOf('talks') + 5] as const;

  it('finds the match in a copy with straight quotes', () => {
    const copy = 'Naim said the "talks" should go on.';
    expect(rangesIn(copy, passage, [talks])).toEqual([[15, 20]]);
  });

  it('is not thrown off by letters whose lower case is longer (İ)', () => {
    const copy = 'İİ Naim said the "talks" should go on.';
    const [[start, end]] = rangesIn(copy, passage, [talks]) as [[number, number]];
    expect(copy.slice(start, end)).toBe('talks');
  });

  it('keeps the ranges when the text is the passage itself', () => {
    expect(rangesIn(passage, passage, [talks])).toEqual([talks]);
  });
});
