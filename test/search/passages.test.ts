/** Passages: what copies of one paragraph written differently share, and where each stands. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { versionFromText, withFields } from '../../source/corpus/build.js';
import { passageKey } from '../../source/text/fold.js';
import { PassageCollector } from '../../source/search/passages.js';
import { digestOf, keyHashInto, passageHashes } from '../../source/text/walk.js';
import { packParagraphs, packRuns } from '../../source/corpus/packed.js';
import { unpackTexts } from '../helpers/blocks.js';
import { TakenBatch, takenVersion, takePassageHashes } from '../../source/corpus/taken.js';
import type { Version } from '../../source/corpus/types.js';

/** What passageHashes must give of a text: the hash of its passage key, made the slow way. */
const keyHash = (text: string): number[] => {
  const hash = new Uint32Array(2);
  keyHashInto(passageKey(text), hash, 0);
  return [...hash];
};
const passageHash = (text: string): number[] => [...passageHashes([text])];

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

describe('passageHashes', () => {
  it('give the hash of the passage key, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          texts,
          fc.string({ unit: 'binary', maxLength: 30 }),
          fc.string({ unit: 'grapheme', maxLength: 30 }),
        ),
        (text) => {
          expect(passageHash(text)).toEqual(keyHash(text));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('are one for copies that differ only in case, spacing, quotes, dashes and ellipses', () => {
    const wire = 'Talks in Miami -- “constructive,” officials said...';
    const copy = '  talks in MIAMI — "constructive," officials\u00a0 said…\n';
    expect(passageHash(copy)).toEqual(passageHash(wire));
    expect(passageHash('Talks in Türkiye')).not.toEqual(passageHash('Talks in Turkiye'));
    // A blank paragraph is no passage: 0 and 0.
    expect([...passageHashes([' \t', wire])]).toEqual([0, 0, ...keyHash(wire)]);
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

  it('reads the passages of versions kept packed from their batches, and packs them as bytes', () => {
    const pool = ['Talks went on.', '“Quoted” talks.', 'Türkiye said.', 'TALKS WENT ON.', ' \t'];
    const base = versionFromText('base.txt', '/corpus/base.txt', 'Base text.');
    const versions = Array.from({ length: 300 }, (_, v) =>
      withFields(base, {
        id: String(v),
        paragraphs: Array.from({ length: 1 + (v % 4) }, (_, i) => pool[(v * 7 + i) % pool.length]!),
      }),
    );
    // In batches of 50, as loader threads send them, their hashes taken there; a batch counts
    // the versions whose paragraphs are read out all at once (the collector reads none).
    const kept: Version[] = [];
    let readOut = 0;
    class Counting extends TakenBatch {
      override paragraphs(at: number): readonly string[] {
        readOut++;
        return super.paragraphs(at);
      }
    }
    for (let from = 0; from < versions.length; from += 50) {
      const batch = versions.slice(from, from + 50);
      const { versions: bare, packed } = packParagraphs(batch);
      const hashes = packRuns(batch.map((v) => digestOf(v.paragraphs).hashes));
      const taken = new Counting(packed, undefined, hashes);
      bare.forEach((version, i) => kept.push(takenVersion(version, taken, i)));
    }
    const plain = new PassageCollector();
    for (const _ of plain.addSteps(versions));
    const packed = new PassageCollector();
    for (const _ of packed.addSteps(kept, takePassageHashes));
    expect(packed.texts.length).toBe(3);
    expect(packed.texts.slice()).toEqual(plain.texts.slice());
    for (let p = 0; p < packed.texts.length; p++) {
      expect(packed.placementsOf(p)).toEqual(plain.placementsOf(p));
      expect(packed.texts.at(p)).toBe(plain.texts.at(p));
    }
    expect(unpackTexts(packed.pack(1, 3))).toEqual(plain.texts.slice(1, 3));
    expect(unpackTexts(plain.pack(0, 3))).toEqual(plain.texts.slice(0, 3));
    expect(readOut).toBe(0);
  });
});
