import { describe, expect, it } from 'vitest';
import { tokenize } from '../../source/compare/tokenize.js';

describe('tokenize', () => {
  it('cuts a paragraph into whole words, each with the whitespace after it', () => {
    const words = tokenize('Israel  and\u00A0Hamas-run Gaza.');
    expect(words.map((w) => w.text)).toEqual(['Israel  ', 'and\u00A0', 'Hamas-run ', 'Gaza.']);
    expect(words.map((w) => w.text).join('')).toBe('Israel  and\u00A0Hamas-run Gaza.');
  });

  it('keeps whitespace before the first word with that word, so nothing is lost', () => {
    const words = tokenize('  two words ');
    expect(words.map((w) => w.text).join('')).toBe('  two words ');
    expect(words).toHaveLength(2);
  });

  it('has no words for an empty or blank paragraph', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t')).toEqual([]);
  });

  it('compares folded words by default, words as written with exact', () => {
    const [curly] = tokenize('“violations”');
    const [straight] = tokenize('"violations"');
    expect(curly!.key).toBe(straight!.key);
    const [exactCurly] = tokenize('“violations”', { exact: true });
    const [exactStraight] = tokenize('"violations"', { exact: true });
    expect(exactCurly!.key).not.toBe(exactStraight!.key);
  });

  it('with exact, tells a no-break space after a word from a plain one', () => {
    const [nbsp] = tokenize('10\u00A0km', { exact: true });
    const [plain] = tokenize('10 km', { exact: true });
    expect(nbsp!.key).not.toBe(plain!.key);
    expect(tokenize('10\u00A0km')[0]!.key).toBe(tokenize('10 km')[0]!.key);
  });

  it('pairs words regardless of case and surrounding punctuation', () => {
    const sigs = tokenize("'REAL PRESSURE' NEEDED -- Hamas,").map((w) => w.sig);
    expect(sigs).toEqual(['real', 'pressure', 'needed', '', 'hamas']);
  });

  it('marks where sentences end', () => {
    const words = tokenize('He said “no.” Then U.S. officials left. 2023 was long');
    expect(words.filter((w) => w.endsSentence).map((w) => w.text.trim())).toEqual([
      '“no.”',
      'left.',
      'long',
    ]);
  });
});
