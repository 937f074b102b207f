/** Paragraphs packed to cross from a loader thread, and cut out again on the reader's. */
import { serialize } from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { versionFromText, withFields } from '../../source/corpus/build.js';
import {
  movedBuffers,
  packParagraphs,
  packRuns,
  runAt,
  runBuffers,
  runCount,
} from '../../source/corpus/packed.js';
import { TakenBatch, takenVersion } from '../../source/corpus/taken.js';

/** Versions as the reader's thread keeps them once their batch has crossed (see taken.ts). */
const arrive = (
  bare: ReturnType<typeof packParagraphs>['versions'],
  packed: ReturnType<typeof packParagraphs>['packed'],
) => {
  const batch = new TakenBatch(packed, undefined, undefined);
  return bare.map((version, i) => takenVersion(version, batch, i));
};

/** A version with these paragraphs, whatever they hold (a file's text could not). */
const base = versionFromText('base.txt', '/corpus/base.txt', 'Base text.');
const fields = (id: string, paragraphs: string[]) => withFields(base, { id, paragraphs });

describe('packed paragraphs', () => {
  it('come back as they went, whatever the characters, in any number', () => {
    const paragraph = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.string({ unit: 'grapheme-ascii', maxLength: 40 }),
      fc.constantFrom('', 'Türkiye said', '“Quoted” — dashed', 'Gaza 😀', 'İ', 'caf\u00e9'),
    );
    fc.assert(
      fc.property(fc.array(fc.array(paragraph, { maxLength: 6 }), { maxLength: 8 }), (texts) => {
        const versions = texts.map((paragraphs, i) => fields(String(i), paragraphs));
        const { versions: bare, packed } = packParagraphs(versions);
        expect(bare.every((v) => !('paragraphs' in v))).toBe(true);
        // What crosses is a copy, the buffers moved: structuredClone stands for the trip.
        const arrived = structuredClone({ bare, packed }, { transfer: movedBuffers(packed) });
        const taken = arrive(arrived.bare, arrived.packed);
        expect(taken.map((v) => ({ ...v, paragraphs: v.paragraphs }))).toEqual(
          versions.map((v) => ({ ...v })),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('keeps paragraphs beyond Latin-1 apart, so the others stay one byte a character', () => {
    const { packed } = packParagraphs([
      fields('a', ['Plain text.', 'Türkiye, café', 'Hamas’ reply']),
      fields('b', ['“Quoted”', 'More plain text.']),
    ]);
    expect(Buffer.from(packed.narrow).toString('latin1')).toBe(
      'Plain text.Türkiye, caféMore plain text.',
    );
    expect(packed.narrow.byteLength).toBe('Plain text.Türkiye, caféMore plain text.'.length);
    expect(Buffer.from(packed.wide).toString('utf16le')).toBe('Hamas’ reply“Quoted”');
    expect([...packed.counts]).toEqual([3, 2]);
  });

  it('sends plain paragraphs at one byte a character, even when cut from a wider text', () => {
    // A loader keeps paragraphs as read: cut from a file's text, which one curly quote makes V8
    // store at two bytes a character, slices and their joins too.
    const file = `“Quoted.”\n\n${'Plain paragraph. '.repeat(40)}`;
    const plain = file.slice(11, 11 + 17 * 40);
    const { versions, packed } = packParagraphs([fields('a', [plain, plain])]);
    expect(packed.narrow.byteLength).toBe(2 * plain.length);
    expect(packed.wide.byteLength).toBe(0);
    const [taken] = arrive(versions, packed);
    expect(taken!.paragraphs).toEqual([plain, plain]);
    // And they are read out stored so: a header of a few bytes, then a byte a character.
    const arrived = taken!.paragraphs[0]!;
    expect(serialize(arrived).length).toBeLessThan(arrived.length + 16);
  });

  it('moves its buffers with the message, so nothing is left behind on the loader', () => {
    const { packed } = packParagraphs([fields('a', ['Plain text.', 'Hamas’ reply'])]);
    const moved = movedBuffers(packed);
    structuredClone(packed, { transfer: moved });
    expect(moved.map((buffer) => buffer.byteLength)).toEqual([0, 0, 0, 0]);
  });
});

describe('packed runs of numbers', () => {
  it('give back each array as it went, after the trip, from one buffer of values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 0xffffffff }), { maxLength: 9 }), {
          maxLength: 12,
        }),
        (lists) => {
          const runs = lists.map((list) => Uint32Array.from(list));
          const packed = packRuns(runs);
          const arrived = structuredClone(packed, { transfer: runBuffers(packed) });
          // Moved, not copied: the sender's buffers are left empty.
          expect(packed.values.buffer.byteLength).toBe(0);
          expect(packed.starts.buffer.byteLength).toBe(0);
          expect(runCount(arrived)).toBe(runs.length);
          runs.forEach((run, i) => {
            const back = runAt(arrived, i);
            expect(back).toEqual(run);
            // A view of the one buffer, not an array of its own.
            expect(back.buffer).toBe(arrived.values.buffer);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
