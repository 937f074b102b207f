/** Properties over random texts with random edits, with fast-check. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from '../../source/compare/index.js';
import type { Comparison } from '../../source/compare/types.js';
import { rebuild, spanWords, words } from './helpers.js';

// ---------------------------------------------------------------------------------------------
// Texts

const COMMON = ['the', 'a', 'of', 'to', 'and', 'in', 'said', 'that', 'Hamas', 'Gaza', 'Israel'];

/** A word as news text has it: sometimes capitalized, quoted or punctuated. */
const word = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: fc.stringMatching(/^[a-z]{2,9}$/) },
      { weight: 1, arbitrary: fc.constantFrom(...COMMON) },
    ),
    fc.constantFrom('', '', '', '', '.', ',', '"', '”', '’s', '--', '–'),
    fc.boolean(),
  )
  .map(([stem, mark, capital]) => {
    const w = capital ? stem[0]!.toUpperCase() + stem.slice(1) : stem;
    return mark === '"' || mark === '”' ? `“${w}${mark}` : `${w}${mark}`;
  });

/** What separates two words: mostly a space. */
const gap = fc.constantFrom(' ', ' ', ' ', ' ', ' ', '  ', '\u00A0', '\u2009', '\n');

const paragraph = fc
  .array(fc.tuple(word, gap), { minLength: 1, maxLength: 30 })
  .map((pieces) => pieces.map(([w, g], i) => (i === pieces.length - 1 ? w : w + g)).join(''));

const text = fc.array(paragraph, { minLength: 1, maxLength: 12 });

type Edit =
  | { kind: 'swap' | 'insert'; p: number; w: number; word: string }
  | { kind: 'delete' | 'split'; p: number; w: number }
  | { kind: 'move'; p: number; to: number }
  | { kind: 'merge'; p: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('swap', 'insert'), p: fc.nat(), w: fc.nat(), word }),
  fc.record({ kind: fc.constantFrom('delete', 'split'), p: fc.nat(), w: fc.nat() }),
  fc.record({ kind: fc.constant('move'), p: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('merge'), p: fc.nat() }),
) as fc.Arbitrary<Edit>;

/** Apply edits to a text's paragraphs, each edit picking its place modulo what is there. */
function applyEdits(paragraphs: readonly string[], edits: readonly Edit[]): string[] {
  const out = paragraphs.map((p) => p.split(' '));
  for (const e of edits) {
    if (out.length === 0) break;
    const p = e.p % out.length;
    const words = out[p]!;
    switch (e.kind) {
      case 'swap':
        words[e.w % words.length] = e.word;
        break;
      case 'insert':
        words.splice(e.w % (words.length + 1), 0, e.word);
        break;
      case 'delete':
        if (words.length > 1) words.splice(e.w % words.length, 1);
        break;
      case 'split':
        if (words.length > 1)
          out.splice(
            p,
            1,
            words.slice(0, 1 + (e.w % (words.length - 1))),
            words.slice(1 + (e.w % (words.length - 1))),
          );
        break;
      case 'merge':
        if (p + 1 < out.length) out.splice(p, 2, [...words, ...out[p + 1]!]);
        break;
      case 'move': {
        const [moved] = out.splice(p, 1);
        out.splice(e.to % (out.length + 1), 0, moved!);
        break;
      }
    }
  }
  return out.map((w) => w.join(' '));
}

const editedPair = fc
  .tuple(text, fc.array(edit, { maxLength: 12 }))
  .map(([a, edits]) => ({ a, b: applyEdits(a, edits) }));

// ---------------------------------------------------------------------------------------------
// What every comparison must hold

function expectAccountsForEverything(result: Comparison, a: string[], b: string[]): void {
  expect(rebuild(result, 'a', a.length)).toEqual(a);
  expect(rebuild(result, 'b', b.length)).toEqual(b);
  const count = spanWords(result);
  const aWords = a.reduce((n, p) => n + words(p), 0);
  const bWords = b.reduce((n, p) => n + words(p), 0);
  expect(count.equal + count.delete).toBe(aWords);
  expect(count.equal + count.insert).toBe(bWords);
  expect(result.stats.inserted).toBe(count.insert);
  expect(result.stats.deleted).toBe(count.delete);
  expect(result.stats.similarity).toBeGreaterThanOrEqual(0);
  expect(result.stats.similarity).toBeLessThanOrEqual(1);
  for (const row of result.rows) {
    expect(row.spans.length).toBeGreaterThan(0);
    if (row.kind === 'same') expect(row.spans.map((s) => s.op)).toEqual(['equal']);
    if (row.kind === 'added') expect(row.spans.map((s) => s.op)).toEqual(['insert']);
    if (row.kind === 'removed') expect(row.spans.map((s) => s.op)).toEqual(['delete']);
    row.spans.forEach((span, k) => {
      if (k > 0) expect(span.op).not.toBe(row.spans[k - 1]!.op);
      if (span.aText !== undefined) expect(span.op).toBe('equal');
    });
    for (const span of row.spans) {
      expect(words(span.text)).toBeGreaterThan(0);
      // A span never splits a word: it starts at a word and ends at whitespace or the passage's end.
      expect(span.text).toMatch(/^\s*\S/);
    }
  }
  // Rows follow B's order.
  const inB = result.rows
    .filter((row) => row.b !== null)
    .map((row) => [row.b!, row.bStart ?? 0] as const);
  const sorted = [...inB].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  expect(inB).toEqual(sorted);
}

describe('compare, over random texts with random edits', () => {
  it('rebuilds both versions from the spans, every word once', () => {
    fc.assert(
      fc.property(editedPair, fc.boolean(), ({ a, b }, exact) => {
        expectAccountsForEverything(compare({ paragraphs: a }, { paragraphs: b }, { exact }), a, b);
        expectAccountsForEverything(compare({ paragraphs: b }, { paragraphs: a }, { exact }), b, a);
      }),
      { numRuns: 300 },
    );
  });

  it('rebuilds both of two unrelated texts', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expectAccountsForEverything(compare({ paragraphs: a }, { paragraphs: b }), a, b);
      }),
      { numRuns: 150 },
    );
  });

  it('finds nothing changed between a text and a copy of it', () => {
    fc.assert(
      fc.property(text, (a) => {
        const result = compare({ paragraphs: a }, { paragraphs: [...a] });
        expect(result.rows.every((row) => row.kind === 'same')).toBe(true);
        expect(result.stats).toEqual({ inserted: 0, deleted: 0, moved: 0, similarity: 1 });
        expect(result.substitutions).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// A moved paragraph that was not edited

/** Distinct paragraphs of made-up words, so no two read alike by chance. */
const distinctText = fc
  .uniqueArray(fc.stringMatching(/^[a-z]{4,8}$/), { minLength: 60, maxLength: 200 })
  .chain((pool) =>
    fc
      .array(fc.integer({ min: 5, max: 20 }), { minLength: 4, maxLength: 10 })
      .filter((lengths) => lengths.reduce((n, l) => n + l, 0) <= pool.length)
      .map((lengths) => {
        let at = 0;
        return lengths.map((length) => pool.slice(at, (at += length)).join(' '));
      }),
  );

describe('a moved paragraph that was not edited', () => {
  it('is a moved row with no changed words, whatever was edited around it', () => {
    const scenario = distinctText.chain((a) =>
      fc.record({
        a: fc.constant(a),
        from: fc.nat({ max: a.length - 1 }),
        to: fc.nat({ max: a.length - 1 }),
        // At most one small edit in each other paragraph: each stays recognisably itself.
        edits: fc.array(
          fc.option(fc.record({ kind: fc.constantFrom('swap', 'insert', 'delete'), w: fc.nat() })),
          { minLength: a.length, maxLength: a.length },
        ),
      }),
    );
    fc.assert(
      fc.property(
        scenario.filter(({ from, to }) => Math.abs(from - to) >= 2),
        ({ a, from, to, edits }) => {
          const b = a.map((p, i) => {
            const e = edits[i];
            if (i === from || !e) return p;
            return applyEdits([p], [{ ...e, p: 0, word: 'zzinserted' } as Edit])[0]!;
          });
          const [moved] = b.splice(from, 1);
          b.splice(to, 0, moved!);

          const result = compare({ paragraphs: a }, { paragraphs: b });
          const rows = result.rows.filter((row) => row.a === from);
          expect(rows).toHaveLength(1);
          expect(rows[0]!.kind).toBe('moved');
          expect(rows[0]!.b).toBe(to);
          expect(rows[0]!.spans.every((span) => span.op === 'equal')).toBe(true);
          // And nothing else is called moved.
          expect(result.stats.moved).toBe(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
