/** Versions a loader thread sent, kept packed on the reader's thread and read out when asked. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyOf, versionFromText, withFields } from '../../source/corpus/build.js';
import { packParagraphs, packRuns, packTexts } from '../../source/corpus/packed.js';
import { unpackTexts } from '../helpers/blocks.js';
import {
  loadedSample,
  LoadedSamples,
  packedParagraph,
  paragraphOf,
  TakenBatch,
  takenVersion,
  takePassageHashes,
} from '../../source/corpus/taken.js';
import type { Version } from '../../source/corpus/types.js';

const base = versionFromText('base.txt', '/corpus/base.txt', 'Base text.');
const fields = (id: string, paragraphs: string[]) => withFields(base, { id, paragraphs });

const paragraph = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('', 'Türkiye said', '“Quoted” — dashed', 'Gaza 😀', 'caf\u00e9', 'Plain.'),
);
const batches = fc.array(fc.array(paragraph, { maxLength: 5 }), { minLength: 1, maxLength: 6 });

/** The versions of a batch of these paragraphs, as the reader's thread keeps them. */
function taken(texts: string[][]): { sent: Version[]; kept: Version[] } {
  const sent = texts.map((paragraphs, i) => fields(String(i), paragraphs));
  const { versions, packed } = packParagraphs(sent);
  const samples = packRuns(sent.map((_, i) => Uint32Array.of(i, i + 1)));
  const hashes = packRuns(sent.map((v) => new Uint32Array(2 * v.paragraphs.length).fill(7)));
  const batch = new TakenBatch(packed, samples, hashes);
  return { sent, kept: versions.map((version, i) => takenVersion(version, batch, i)) };
}

describe('versions kept packed', () => {
  it('give each paragraph, alone or with the others, as it was sent', () => {
    fc.assert(
      fc.property(batches, (texts) => {
        const { sent, kept } = taken(texts);
        sent.forEach((version, v) => {
          // One paragraph at a time, before the version's are read out, then after.
          const alone = version.paragraphs.map((_, i) => paragraphOf(kept[v]!, i));
          expect(alone).toEqual(version.paragraphs);
          expect(paragraphOf(kept[v]!, version.paragraphs.length)).toBeUndefined();
          expect(kept[v]!.paragraphs).toEqual(version.paragraphs);
          expect(kept[v]!.paragraphs).toBe(kept[v]!.paragraphs);
          expect(kept[v]!.body).toBe(bodyOf(version));
          expect(kept[v]!.id).toBe(version.id);
          expect(version.paragraphs.map((_, i) => paragraphOf(kept[v]!, i))).toEqual(
            version.paragraphs,
          );
        });
      }),
      { numRuns: 300 },
    );
  });

  it('pack again as bytes copied from their batch, and unpack to the same texts', () => {
    fc.assert(
      fc.property(batches, (texts) => {
        const { sent, kept } = taken(texts);
        const pieces = kept.flatMap((version, v) =>
          sent[v]!.paragraphs.map((_, i) => packedParagraph(version, i)!),
        );
        // Mixed with strings, as passages of versions read on the reader's thread come.
        const mixed = pieces.flatMap((piece) => [piece, 'a string “between”']);
        const expected = sent.flatMap((v) =>
          v.paragraphs.flatMap((p) => [p, 'a string “between”']),
        );
        expect(unpackTexts(packTexts(mixed))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('give their hashes once, and their samples each time', () => {
    const { kept } = taken([['One.', 'Two.'], ['Three.']]);
    expect([...takePassageHashes(kept[0]!)!]).toEqual([7, 7, 7, 7]);
    expect(takePassageHashes(kept[0]!)).toBeUndefined();
    expect([...loadedSample(kept[1]!)!]).toEqual([1, 2]);
    expect([...loadedSample(kept[1]!)!]).toEqual([1, 2]);
    // A version read on this thread has its paragraphs as strings, and nothing taken.
    expect(packedParagraph(base, 0)).toBeNull();
    expect(paragraphOf(base, 0)).toBe('Base text.');
    expect(takePassageHashes(base)).toBeUndefined();
  });

  it('give the sizes of their samples a slice at a time, in order, each once', () => {
    const sent = Array.from({ length: 3000 }, (_, i) => fields(String(i), ['P.']));
    const { versions, packed } = packParagraphs(sent);
    const batch = new TakenBatch(
      packed,
      packRuns(sent.map((_, i) => new Uint32Array(i % 7))),
      undefined,
    );
    const kept = versions.map((version, i) => takenVersion(version, batch, i));
    const samples = new LoadedSamples(kept);
    // Past its deadline, each call gathers a slice of 1,024 and stops: two stops, then done.
    let stops = 0;
    while (!samples.gather(-Infinity)) stops++;
    expect(stops).toBe(2);
    expect(samples.complete).toBe(true);
    expect([...samples.sizes]).toEqual(kept.map((_, i) => i % 7));
    expect(samples.of(kept[5]!)).toEqual(new Uint32Array(5));
    // A version read on this thread has no sample: the sizes are not complete.
    const mixed = new LoadedSamples([...kept.slice(0, 1500), base, ...kept.slice(1500)]);
    while (!mixed.gather(Infinity));
    expect(mixed.complete).toBe(false);
  });
});
