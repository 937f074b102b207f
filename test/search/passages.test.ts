/** A passage's hash: what copies of one paragraph written differently share. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passageKey } from '../../source/text/fold.js';
import { hash53, NO_PASSAGE, passageHash, passageHashes } from '../../source/search/passages.js';

/** What passageHash must give: the hash of the passage key, made the slow way. */
const keyHash = (text: string): number => {
  const key = passageKey(text);
  return key === '' ? NO_PASSAGE : hash53(key);
};

/** Units passageKey folds, and some whose lower case takes care (İ, Σ, astral letters). */
const TRICKY = [
  ...'aZ09 .,-—–‐−－‘’“”«»′″…',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u2009',
  '\u3000',
  '\u2028',
  '\ufeff',
  ...'ÉéÀßİıΣςσΑДдǄǅǆµÿŸ',
  '😀',
  '\ud801\udc00', // 𐐀, whose lower case is astral too
  '\ud800',
  '\u0301',
];

describe('passageHash', () => {
  it('is the hash of the passage key, whatever the text', () => {
    const unit = fc.constantFrom(...TRICKY);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(unit, { maxLength: 30 }).map((units) => units.join('')),
          fc.string({ unit: 'binary', maxLength: 30 }),
          fc.string({ unit: 'grapheme', maxLength: 30 }),
        ),
        (text) => passageHash(text) === keyHash(text),
      ),
      { numRuns: 5000 },
    );
  });

  it('is one for copies that differ only in case, spacing, quotes, dashes and ellipses', () => {
    const wire = 'Talks in Miami -- “constructive,” officials said...';
    const copy = '  talks in MIAMI — "constructive," officials\u00a0 said…\n';
    expect(passageHash(copy)).toBe(passageHash(wire));
    expect(passageHash('Talks in Türkiye')).not.toBe(passageHash('Talks in Turkiye'));
    expect([...passageHashes([' \t', wire])]).toEqual([NO_PASSAGE, keyHash(wire)]);
  });
});
