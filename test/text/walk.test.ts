/** One walk of a version's text: its shingle sample and its passages' hashes, read together. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passageKey } from '../../source/text/fold.js';
import {
  digestOf,
  hashSeeds,
  keyHashInto,
  passageHashes,
  shingleSampleOf,
  useHashSeeds,
} from '../../source/text/walk.js';

/** The hash of a passage key, as keyHashInto makes it from the key itself. */
const keyHash = (key: string): number[] => {
  const hash = new Uint32Array(2);
  keyHashInto(key, hash, 0);
  return [...hash];
};

/** Units the walk reads specially, letters and marks of other scripts, and plain words. */
const UNITS = [
  ...'aZ09 .,-—–‐−－‘’“”«»′″…',
  '--',
  '...',
  'word',
  'Gaza',
  'talks',
  '\t',
  '\n',
  '\u00a0',
  '\u2009',
  '\u3000',
  ...'ÉéßıςσΑΩДжǅµŸغשẞ',
  '\u0301',
];
/** Units whose lower case takes the whole text: İ, Σ, astral letters, a lone surrogate. */
const SLOW = ['İ', 'Σ', '😀', '\ud801\udc00', '\ud800'];

const paragraph: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 4, arbitrary: fc.array(fc.constantFrom(...UNITS), { maxLength: 40 }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...UNITS, ...SLOW), { maxLength: 40 }) },
  )
  .map((units) => units.join(''));
const paragraphs = fc.array(
  fc.oneof({ weight: 5, arbitrary: paragraph }, { weight: 1, arbitrary: fc.string() }),
  { maxLength: 8 },
);

describe('digestOf', () => {
  it('gives the shingle sample and each passage hash of a version, read apart', () => {
    fc.assert(
      fc.property(paragraphs, (texts) => {
        const { sample, hashes } = digestOf(texts);
        expect([...sample]).toEqual([...shingleSampleOf(texts)]);
        expect([...hashes]).toEqual([...passageHashes(texts)]);
      }),
      { numRuns: 3000 },
    );
  });

  it('hashes each passage key as keyHashInto does, or says it has none', () => {
    const texts = ['  Talks  in  Miami…  ', 'İstanbul -- Σ', ' \t ', 'Türkiye'];
    const { hashes } = digestOf(texts);
    expect([...hashes]).toEqual([
      ...keyHash('talks in miami...'),
      ...keyHash(passageKey('İstanbul -- Σ')),
      0,
      0,
      ...keyHash('türkiye'),
    ]);
  });

  it('hashes from the seeds it is given, drawn anew for each run', () => {
    const seeds = hashSeeds();
    const before = [...digestOf(['Talks in Miami.']).hashes];
    try {
      useHashSeeds([seeds[0] ^ 1, seeds[1]]);
      const after = [...digestOf(['Talks in Miami.']).hashes];
      expect(after).not.toEqual(before);
      expect(after).toEqual(keyHash('talks in miami.'));
    } finally {
      useHashSeeds(seeds);
    }
    expect([...digestOf(['Talks in Miami.']).hashes]).toEqual(before);
  });
});

describe('shingleSampleOf', () => {
  const words = fc.array(fc.constantFrom('gaza', 'talks', 'miami', 'hamas', 'truce', 'envoy'), {
    minLength: 3,
    maxLength: 60,
  });

  it('is ascending and distinct', () => {
    fc.assert(
      fc.property(paragraphs, (texts) => {
        const sample = [...shingleSampleOf(texts)];
        expect(sample).toEqual([...new Set(sample)].sort((a, b) => a - b));
      }),
    );
  });

  it('reads words, whatever their case, the marks between them, or the paragraphs they are in', () => {
    fc.assert(
      fc.property(words, fc.nat(), (list, cut) => {
        const plain = shingleSampleOf([list.join(' ')]);
        const at = cut % list.length;
        const styled = [
          list.slice(0, at).join(', ').toUpperCase(),
          list.slice(at).join(' — ') + '.',
        ];
        expect([...shingleSampleOf(styled)]).toEqual([...plain]);
      }),
    );
  });

  it('samples about a quarter of the shingles of a long text, and a changed word changes some', () => {
    const list = Array.from({ length: 4000 }, (_, i) => `w${i}`);
    const sample = shingleSampleOf([list.join(' ')]);
    expect(sample.length).toBeGreaterThan(800);
    expect(sample.length).toBeLessThan(1200);
    const edited = [...list];
    edited[2000] = 'changed';
    const other = shingleSampleOf([edited.join(' ')]);
    expect([...other]).not.toEqual([...sample]);
    // Three shingles hold the changed word: at most three samples differ.
    const kept = [...other].filter((value) => sample.includes(value)).length;
    expect(kept).toBeGreaterThanOrEqual(other.length - 3);
  });
});
