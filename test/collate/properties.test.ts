/**
 * Properties of the collate engine over generated stories: a base text, and versions made from it
 * by random edits, moves, splits, merges, dropped and added paragraphs, and restyled quotes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collate } from '../../source/collate/index.js';
import type { Collatable } from '../../source/collate/types.js';
import { expectComplete, expectSpansAddUp, rowSets } from './check.js';

const COMMON = ['the', 'a', 'of', 'to', 'and', 'in', 'said', 'that', 'Hamas', 'Gaza', 'Israel'];

const word = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z]{2,8}$/) },
  { weight: 2, arbitrary: fc.constantFrom(...COMMON) },
  // Punctuation standing alone, and words wearing it: the words must align first.
  { weight: 1, arbitrary: fc.constantFrom('—', '--', '"quoted"', "it's", 'end,') },
);

type Sentence = string[];
type Paragraph = Sentence[];

const sentence: fc.Arbitrary<Sentence> = fc.array(word, { minLength: 2, maxLength: 9 });
const paragraph: fc.Arbitrary<Paragraph> = fc.array(sentence, { minLength: 1, maxLength: 3 });
const story = fc.array(paragraph, { minLength: 1, maxLength: 7 });

/** Whether every sentence holds at least three words of letters, so that one swap leaves two. */
const hasWordsToPairBy = (base: Paragraph[]): boolean =>
  base.every((p) => p.every((s) => s.filter((w) => /^[A-Za-z]+$/.test(w)).length >= 3));

type Edit =
  | { kind: 'swap' | 'insert'; at: number; word: string }
  | { kind: 'delete' | 'drop' | 'split' | 'merge'; at: number }
  | { kind: 'move'; at: number; to: number }
  | { kind: 'add'; at: number; paragraph: Paragraph }
  | { kind: 'quotes' };

const at = fc.nat({ max: 1000 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('swap' as const, 'insert' as const), at, word }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'drop' as const), at }),
  fc.record({ kind: fc.constantFrom('split' as const, 'merge' as const), at }),
  fc.record({ kind: fc.constant('move' as const), at, to: at }),
  fc.record({ kind: fc.constant('add' as const), at, paragraph }),
  fc.constant({ kind: 'quotes' as const }),
);

/** Apply edits to a copy of the story. */
function edited(
  base: readonly Paragraph[],
  edits: readonly Edit[],
): { paragraphs: Paragraph[]; curly: boolean } {
  const paragraphs = base.map((p) => p.map((s) => [...s]));
  let curly = false;
  for (const e of edits) {
    const n = paragraphs.length;
    switch (e.kind) {
      case 'swap':
      case 'insert':
      case 'delete': {
        if (n === 0) break;
        const sentences = paragraphs[e.at % n]!;
        const s = sentences[e.at % sentences.length]!;
        const w = e.at % s.length;
        if (e.kind === 'swap') s[w] = e.word;
        else if (e.kind === 'insert') s.splice(w, 0, e.word);
        else if (s.length > 1) s.splice(w, 1);
        break;
      }
      case 'drop':
        if (n > 1) paragraphs.splice(e.at % n, 1);
        break;
      case 'split': {
        const p = e.at % n;
        const sentences = paragraphs[p]!;
        if (sentences.length < 2) break;
        const cut = 1 + (e.at % (sentences.length - 1));
        paragraphs.splice(p, 1, sentences.slice(0, cut), sentences.slice(cut));
        break;
      }
      case 'merge': {
        if (n < 2) break;
        const p = e.at % (n - 1);
        paragraphs.splice(p, 2, [...paragraphs[p]!, ...paragraphs[p + 1]!]);
        break;
      }
      case 'move': {
        const [moved] = paragraphs.splice(e.at % n, 1);
        paragraphs.splice((e.to % paragraphs.length) + (e.to % 2), 0, moved!);
        break;
      }
      case 'add':
        paragraphs.splice(
          e.at % (n + 1),
          0,
          e.paragraph.map((s) => [...s]),
        );
        break;
      case 'quotes':
        curly = true;
        break;
    }
  }
  return { paragraphs, curly };
}

function write({ paragraphs, curly }: { paragraphs: Paragraph[]; curly: boolean }): string[] {
  return paragraphs.map((sentences) => {
    const text = sentences
      .map((s) => {
        const words = [...s];
        words[0] = words[0]![0]!.toUpperCase() + words[0]!.slice(1);
        words[words.length - 1] += '.';
        return words.join(' ');
      })
      .join(' ');
    return curly ? text.replace(/"([^"]*)"/g, '“$1”').replace(/'/g, '’') : text;
  });
}

const versions: fc.Arbitrary<Collatable[]> = fc
  .tuple(
    story,
    fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{1,4}$/), { minLength: 2, maxLength: 5 }),
    fc.array(fc.array(edit, { maxLength: 6 }), { minLength: 5, maxLength: 5 }),
  )
  .map(([base, ids, edits]) =>
    ids.map((id, v) => ({ id, paragraphs: write(edited(base, edits[v]!)) })),
  );

describe('collating generated stories', () => {
  it('puts every word of every version in exactly one cell, and the spans add up', () => {
    fc.assert(
      fc.property(versions, (list) => {
        const collation = collate(list);
        expectComplete(list, collation);
        expectSpansAddUp(collation);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same rows whatever order the versions come in', () => {
    fc.assert(
      fc.property(
        versions.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([list, shuffled]) => {
          const a = collate(list);
          const b = collate(shuffled);
          expect(b.central).toBe(a.central);
          expect(rowSets(b)).toEqual(rowSets(a));
          expect(b.fingerprints.map((f) => f.version)).toEqual(shuffled.map((v) => v.id));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("follows the central version's order, and never calls its passages moved", () => {
    fc.assert(
      fc.property(versions, (list) => {
        const collation = collate(list);
        const c = collation.versions.indexOf(collation.central);
        const places = collation.rows.flatMap((row) => {
          const cell = row.cells[c]!;
          expect(cell.moved).toBe(false);
          return cell.state === 'absent' ? [] : [[cell.paragraph!, cell.start]];
        });
        const sorted = [...places].sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!);
        expect(places).toEqual(sorted);
      }),
      { numRuns: 100 },
    );
  });

  it('reads what most versions carry: unchanged copies of the story read as the base', () => {
    fc.assert(
      // A sentence whose one word is swapped keeps nothing to pair it by ("The —." and "Zzzz —."
      // share no word): the engine rightly shows it removed and added. Give every sentence words.
      fc.property(story.filter(hasWordsToPairBy), (base) => {
        const paragraphs = write({ paragraphs: base, curly: false });
        const rewritten = write(edited(base, [{ kind: 'swap', at: 0, word: 'zzzz' }]));
        const list = [
          { id: 'c', paragraphs: rewritten },
          { id: 'a', paragraphs },
          { id: 'b', paragraphs },
        ];
        const collation = collate(list);
        const readings = collation.rows.map((row) => row.reading).join(' ');
        expect(readings.split(/\s+/)).toEqual(paragraphs.join(' ').split(/\s+/));
        for (const row of collation.rows) {
          expect(row.cells[1]!.state).toBe('same');
          expect(row.cells[2]!.state).toBe('same');
        }
      }),
      { numRuns: 100 },
    );
  });
});
