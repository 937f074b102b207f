import { describe, expect, it } from 'vitest';
import { foldTypography, stripPunctuation } from '../../source/text/fold.js';

describe('foldTypography', () => {
  it.each([
    ['‘single’ ‚low‛ ′prime', "'single' 'low' 'prime"],
    ['“double” „low‟ ″prime «guillemets»', '"double" "low" "prime "guillemets"'],
    ['Hamas’s', "Hamas's"],
    ['en – em — two -- three --- hyphen -', 'en - em - two - three - hyphen -'],
    ['minus − and figure ‒ dash', 'minus - and figure - dash'],
    ['plain--typed -- dashes', 'plain-typed - dashes'],
    ['no\u00A0break narrow\u202Fno-break thin\u2009space', 'no break narrow no-break thin space'],
  ])('folds %j', (text, folded) => {
    expect(foldTypography(text)).toBe(folded);
  });

  it('leaves letters, accents and other punctuation alone', () => {
    expect(foldTypography('Türkiye, al-Hayya: (2023)! …')).toBe('Türkiye, al-Hayya: (2023)! …');
  });

  it('makes straight and curly versions of a seed sentence the same', () => {
    expect(foldTypography('“exert real pressure,” he said; Hamas’s chief – Naim')).toBe(
      foldTypography('"exert real pressure," he said; Hamas\'s chief -- Naim'),
    );
  });
});

describe('stripPunctuation', () => {
  it('takes off punctuation around a word, not inside it', () => {
    expect(stripPunctuation('"Turkey,"')).toBe('Turkey');
    expect(stripPunctuation("Hamas's")).toBe("Hamas's");
    expect(stripPunctuation('--')).toBe('');
  });
});
