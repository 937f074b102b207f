/** Passages: what copies of one paragraph written differently share, and where each stands. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { versionFromText, withFields } from '../../source/corpus/build.js';
import { passageKey } from '../../source/text/fold.js';
import {
  hash53,
  NO_PASSAGE,
  PassageCollector,
  passageHash,
  passageHashes,
  sameKey,
} from '../../source/search/passages.js';

/** What passageHash must give: the hash of the passage key, made the slow way. */
const keyHash = (text: string): number => {
  const key = passageKey(text);
  return key === '' ? NO_PASSAGE : hash53(key);
};

/** Units passageKey folds, and letters of other scripts: Arabic, Hebrew, Cyrillic, Greek. */
const FOLDED = [
  ...'aZ09 .,-—–‐−－‘’“”«»′″…',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u2009',
  '\u3000',
  '\u2028',
  '\ufeff',
  ...'ÉéÀßıςσΑΩωДдЖжǄǅǆµÿŸغزةשלוםẞ',
  '\u0301',
];
/** Units whose lower case takes the whole text: İ (two units), Σ (ς at a word's end), astral. */
const SLOW = ['İ', 'Σ', '😀', '\ud801\udc00' /* 𐐀, whose lower case is astral too */, '\ud800'];

/** Texts of those units, most of them without the slow ones. */
const texts: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: fc.array(fc.constantFrom(...FOLDED), { maxLength: 30 }) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...FOLDED, ...SLOW), { maxLength: 30 }) },
  )
  .map((units) => units.join(''));

describe('passageHash', () => {
  it('is the hash of the passage key, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          texts,
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

describe('sameKey', () => {
  it('says whether two texts have one passage key', () => {
    const text = texts;
    // The second text is often a restyling of the first: quotes, dashes, spaces, case.
    const restyled = (x: string): fc.Arbitrary<string> =>
      fc.constantFrom(
        x,
        x.toUpperCase(),
        x.replaceAll("'", '’').replaceAll('"', '“'),
        x.replaceAll('—', '--').replaceAll('…', '...'),
        ` ${x.replaceAll(' ', '\u00a0 ')}\n`,
      );
    fc.assert(
      fc.property(
        text.chain((x) => fc.tuple(fc.constant(x), fc.oneof(restyled(x), text))),
        ([x, y]) => sameKey(x, y) === (passageKey(x) === passageKey(y)),
      ),
      { numRuns: 5000 },
    );
  });
});

describe('PassageCollector', () => {
  it('gathers each passage once, in the order first met, with every place it stands', () => {
    // Thousands of versions drawing paragraphs from a pool, some copies written differently:
    // about 24,000 passages, so that each of the 64 tables of hashes grows twice.
    let seed = 7;
    const next = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    const pool = Array.from({ length: 30_000 }, (_, i) => `Passage ${i} said "talks" went on.`);
    const restyle = (text: string): string =>
      next(4) === 0 ? text.toUpperCase().replace(/"(\w+)"/, '“$1”') : text;
    const base = versionFromText('base.txt', '/corpus/base.txt', 'Base text.');
    const versions = Array.from({ length: 6_000 }, (_, v) =>
      withFields(base, {
        id: String(v),
        paragraphs: Array.from({ length: 8 }, () => restyle(pool[next(pool.length)]!)),
      }),
    );
    const collector = new PassageCollector();
    for (const _ of collector.addSteps(versions));

    const expected = new Map<
      string,
      { text: string; places: { id: string; paragraph: number }[] }
    >();
    versions.forEach((version) =>
      version.paragraphs.forEach((text, paragraph) => {
        const key = passageKey(text);
        const passage = expected.get(key) ?? { text, places: [] };
        passage.places.push({ id: version.id, paragraph });
        expected.set(key, passage);
      }),
    );
    expect(collector.texts.slice()).toEqual([...expected.values()].map((p) => p.text));
    [...expected.values()].forEach((passage, p) =>
      expect(collector.placementsOf(p)).toEqual(passage.places),
    );
  });
});
