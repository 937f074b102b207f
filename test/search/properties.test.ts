/** Properties of search that hold for any query, checked with fast-check. */
import fc from 'fast-check';
import Fuse from 'fuse.js';
import { describe, expect, it } from 'vitest';
import { generateVersions } from '../../bench/generate.js';
import { loadCorpus, versionFromText } from '../../source/corpus/load.js';
import { normalizeText } from '../../source/corpus/normalize.js';
import { passageKey } from '../../source/text/fold.js';
import { buildSearchIndex } from '../../source/search/index.js';
import {
  exactResult,
  FUSE_OPTIONS,
  matchTerm,
  type TermResult,
} from '../../source/search/match.js';
import { pairsOf } from '../helpers/runs.js';
import type { SearchHit } from '../../source/search/types.js';

/** The seeds, a few texts that are hard on offsets (astral characters, ß, İ, combining marks)… */
const awkward = [
  'The 🇵🇸 flag and the 😀 face near Rafah; Straße, İstanbul, Łódź and naïve café.',
  'Combining marks: e\u0301cole, Tu\u0308rkiye, and 𝒢𝒶𝓏𝒶 in script letters.',
  '“Curly quotes” — an em dash – an en dash -- two hyphens\u00a0and a no-break space.',
].map((text, i) => versionFromText(`awkward-${i}.txt`, `/awkward-${i}.txt`, normalizeText(text)));
/** …and a synthetic corpus, with many near-duplicate passages. */
const versions = [
  ...loadCorpus().versions,
  ...awkward,
  ...generateVersions({ versions: 40, seed: 3 }),
];
const byId = new Map(versions.map((v) => [v.id, v]));
const index = buildSearchIndex(versions);

/** Words and pieces of words from the corpus, misspelt now and then: what readers type. */
const corpusWords = [...new Set(versions.flatMap((v) => v.body.split(/\s+/)))].slice(0, 400);
const typedQuery = fc.oneof(
  fc.constantFrom(...corpusWords),
  fc
    .tuple(fc.constantFrom(...corpusWords), fc.nat(), fc.nat())
    .map(([word, a, b]) =>
      word.slice(a % (word.length + 1), (a % (word.length + 1)) + 1 + (b % 8)),
    ),
  fc
    .tuple(fc.constantFrom(...corpusWords), fc.nat(), fc.constantFrom('x', 'e', '', 'aa'))
    .map(([word, at, typo]) => {
      const i = at % (word.length + 1);
      return word.slice(0, i) + typo + word.slice(i + 1);
    }),
  fc.array(fc.constantFrom(...corpusWords), { minLength: 2, maxLength: 4 }).map((w) => w.join(' ')),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({
    unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    maxLength: 6,
  }),
);

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function checkHit(hit: SearchHit): void {
  // Ranges are [start, end), within the passage, sorted, apart, and never split a surrogate pair.
  let previousEnd = -1;
  for (const [start, end] of hit.matches) {
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeLessThanOrEqual(hit.passage.length);
    expect(start).toBeLessThan(end);
    expect(start).toBeGreaterThan(previousEnd);
    previousEnd = end;
    if (start > 0) expect(isHighSurrogate(hit.passage.charCodeAt(start - 1))).toBe(false);
    expect(isHighSurrogate(hit.passage.charCodeAt(end - 1))).toBe(false);
  }
  expect(hit.matches.length).toBeGreaterThan(0);
  expect(hit.score).toBeGreaterThanOrEqual(0);
  expect(hit.score).toBeLessThanOrEqual(1);
  // Every version listed carries the passage, at that paragraph, give or take typography.
  expect(hit.versions.length).toBeGreaterThan(0);
  for (const { id, paragraph } of hit.versions) {
    const text = byId.get(id)?.paragraphs[paragraph];
    expect(text).toBeDefined();
    expect(passageKey(text!)).toBe(passageKey(hit.passage));
  }
}

describe('search, for any query', () => {
  it('gives well-formed hits: ranges in bounds, versions that carry the passage', () => {
    fc.assert(
      fc.property(typedQuery, fc.integer({ min: 1, max: 60 }), (query, limit) => {
        const hits = index.search(query, { limit });
        expect(hits.length).toBeLessThanOrEqual(limit);
        const scores = hits.map((h) => h.score);
        expect(scores).toEqual([...scores].sort((a, b) => a - b));
        expect(new Set(hits.map((h) => passageKey(h.passage))).size).toBe(hits.length);
        hits.forEach(checkHit);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same hits however the query was typed: key by key, with backspaces, or pasted', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(typedQuery, fc.integer({ min: -4, max: -1 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (steps) => {
          const typing = buildSearchIndex(versions);
          let query = '';
          for (const step of steps) {
            if (typeof step === 'number') {
              for (let i = 0; i < -step; i++) {
                query = query.slice(0, -1);
                typing.search(query);
              }
            } else {
              for (const ch of step) typing.search((query += ch));
            }
          }
          expect(typing.search(query)).toEqual(buildSearchIndex(versions).search(query));
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** A term's result as fuse.js gives it: its runs as inclusive pairs, none when it has none. */
function asFuse({ runs, ...rest }: TermResult): object {
  return runs === undefined || runs.length === 0 ? rest : { ...rest, indices: pairsOf(runs) };
}

describe('the exact-match shortcut', () => {
  it('gives what fuse.js gives for a pattern found as is in the text', () => {
    const letters = fc.string({ unit: fc.constantFrom('a', 'b', 'n', ' ', 'é'), maxLength: 40 });
    fc.assert(
      fc.property(letters, fc.nat(), fc.integer({ min: 1, max: 6 }), (text, at, length) => {
        const start = text.length === 0 ? 0 : at % text.length;
        const pattern = text.slice(start, start + length);
        const ours = exactResult(pattern, text);
        if (pattern === '') {
          expect(ours).toBeNull();
          return;
        }
        const theirs = Fuse.match(pattern, text, FUSE_OPTIONS);
        expect(asFuse(ours!)).toEqual({
          isMatch: theirs.isMatch,
          score: theirs.score,
          indices: theirs.indices,
        });
      }),
      { numRuns: 500 },
    );
  });

  it('leaves patterns not in the text to fuse.js', () => {
    expect(exactResult('witkof', 'steve witkoff')).not.toBeNull();
    expect(exactResult('witkoff', 'steve witkof')).toBeNull();
    expect(exactResult('x'.repeat(33), 'x'.repeat(40))).toBeNull();
  });
});

describe('the typed-array Bitap', () => {
  it('gives what fuse.js gives for a pattern not in the text', () => {
    const unit = fc.constantFrom('a', 'b', 'n', 'o', ' ', 'é');
    const text = fc.string({ unit, maxLength: 60 });
    // A piece of the text with a typo (a unit changed, added or dropped), or any letters.
    const typo = fc.tuple(fc.nat(), fc.integer({ min: 3, max: 14 }), fc.nat(), unit, fc.nat(2));
    fc.assert(
      fc.property(text, typo, fc.string({ unit, minLength: 1, maxLength: 14 }), (t, ty, any) => {
        const [at, length, where, letter, kind] = ty;
        const start = t.length === 0 ? 0 : at % t.length;
        const piece = t.slice(start, start + length);
        const k = piece.length === 0 ? 0 : where % piece.length;
        const typed =
          piece.length < 3
            ? any
            : piece.slice(0, k) + (kind === 2 ? '' : letter) + piece.slice(kind === 1 ? k : k + 1);
        fc.pre(typed.length > 0 && !t.includes(typed));
        expect(asFuse(matchTerm(typed, t))).toEqual(Fuse.match(typed, t, FUSE_OPTIONS));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds a misspelt name in a sentence, where fuse.js does', () => {
    for (const [typed, text] of [
      ['witkof', 'steve witkof met them'],
      ['negotiatons', 'the negotiations resumed'],
      ['turkiye', 'talks in turkey'],
      ['zzzzzz', 'no such thing here'],
      // 32 units, the most Bitap takes here; then 40, which fuse.js itself takes, in chunks.
      ['ceasefire negotiations in miamii', 'the ceasefire negotiations in miami resumed'],
      ['ceasefire negotiations in miami floridaa', 'the ceasefire negotiations in miami florida'],
      ['cesefire negotations in miami flrida today', 'ceasefire negotiations in miami florida'],
    ] as const) {
      expect(asFuse(matchTerm(typed, text))).toEqual(Fuse.match(typed, text, FUSE_OPTIONS));
    }
    expect(matchTerm('negotiatons', 'the negotiations resumed').isMatch).toBe(true);
  });
});
