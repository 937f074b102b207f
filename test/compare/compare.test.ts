/** compare() on small texts made for each behaviour: moves, splits, merges, rewrites, placement. */
import { describe, expect, it } from 'vitest';
import { compare } from '../../source/compare/index.js';
import type { Row } from '../../source/compare/types.js';
import { aSide, bSide, changes, rebuild } from './helpers.js';

/** Paragraphs that read nothing alike, so each pairs only with itself. */
const P = [
  'Witkoff will meet officials from Qatar, Egypt and Turkey in Miami on Friday.',
  'The health ministry said at least 395 people had been killed since the truce began.',
  'Rubio urged the disarmament of the group before any reconstruction could start.',
  'Egypt, a key mediator, said it was pushing for swift implementation of the deal.',
  'Naim said the new talks should also boost the entry of humanitarian aid.',
  'The third phase includes plans for rebuilding the vast areas levelled by the war.',
];

const kinds = (rows: readonly Row[]) => rows.map((row) => row.kind);
const where = (rows: readonly Row[]) => rows.map((row) => [row.a, row.b]);

describe('compare', () => {
  it('calls a paragraph that jumped ahead moved, not the ones it jumped over', () => {
    const result = compare(
      { paragraphs: P },
      { paragraphs: [P[0]!, P[4]!, P[1]!, P[2]!, P[3]!, P[5]!] },
    );
    expect(where(result.rows)).toEqual([
      [0, 0],
      [4, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [5, 5],
    ]);
    expect(kinds(result.rows)).toEqual(['same', 'moved', 'same', 'same', 'same', 'same']);
    expect(result.stats).toMatchObject({ inserted: 0, deleted: 0, moved: 1, similarity: 1 });
  });

  it('pairs a passage that moved and changed, and shows its edits', () => {
    const edited = P[4]!.replace('new talks', 'coming talks in Miami');
    const result = compare(
      { paragraphs: P },
      { paragraphs: [edited, P[0]!, P[1]!, P[2]!, P[3]!, P[5]!] },
    );
    const row = result.rows.find((r) => r.a === 4)!;
    expect(row.kind).toBe('moved');
    expect(row.b).toBe(0);
    expect(changes(row)).toEqual([
      { deleted: 'new', inserted: 'coming' },
      { deleted: '', inserted: 'in Miami' },
    ]);
    expect(result.stats.moved).toBe(1);
  });

  it('pairs a paragraph with the two that B split it into', () => {
    const result = compare(
      { paragraphs: [P[0]!, `${P[1]} ${P[2]}`, P[3]!] },
      { paragraphs: [P[0]!, P[1]!, P[2]!.replace('Rubio', 'The secretary'), P[3]!] },
    );
    expect(where(result.rows)).toEqual([
      [0, 0],
      [1, 1],
      [1, 2],
      [2, 3],
    ]);
    expect(kinds(result.rows)).toEqual(['same', 'same', 'changed', 'same']);
    expect(changes(result.rows[2]!)).toEqual([{ deleted: 'Rubio', inserted: 'The secretary' }]);
    expect(result.rows[2]!.aStart).toBe(P[1]!.split(' ').length);
  });

  it('pairs two paragraphs with the one that B merged them into', () => {
    const result = compare(
      { paragraphs: [P[0]!, P[1]!, P[2]!, P[3]!] },
      { paragraphs: [P[0]!, `${P[1]} ${P[2]}`, P[3]!] },
    );
    expect(where(result.rows)).toEqual([
      [0, 0],
      [1, 1],
      [2, 1],
      [3, 2],
    ]);
    expect(kinds(result.rows)).toEqual(['same', 'same', 'same', 'same']);
    expect(result.rows[2]!.bStart).toBe(P[1]!.split(' ').length);
    expect(result.stats).toMatchObject({ inserted: 0, deleted: 0, moved: 0 });
  });

  it('pairs sentences when B spread a paragraph over new ones', () => {
    const a = { paragraphs: [P[0]!, `${P[1]} ${P[2]} ${P[3]}`, P[5]!] };
    const b = {
      paragraphs: [
        P[0]!,
        `Analysts in Washington doubted anything would come of it, citing a lack of agreed terms. ${P[1]}`,
        P[5]!,
        `${P[3]} Markets barely reacted to the news on Thursday evening, with traders looking elsewhere.`,
      ],
    };
    const result = compare(a, b);
    // A's second paragraph gives two passages: its first two sentences stay, its last one moves.
    const pieces = result.rows.filter((row) => row.a === 1);
    expect(pieces.map((row) => [row.b, row.kind])).toEqual([
      [1, 'changed'],
      [3, 'moved'],
    ]);
    expect(aSide(pieces[0]!)).toBe(`${P[1]} ${P[2]} `);
    expect(bSide(pieces[0]!)).toBe(b.paragraphs[1]);
    expect(aSide(pieces[1]!)).toBe(P[3]);
    expect(changes(pieces[1]!)).toEqual([
      { deleted: '', inserted: b.paragraphs[3]!.slice(P[3]!.length + 1) },
    ]);
    expect(rebuild(result, 'a', 3)).toEqual(a.paragraphs);
    expect(rebuild(result, 'b', 4)).toEqual(b.paragraphs);
  });

  it('places a removed passage after the nearest neighbour before it that kept its place', () => {
    const result = compare(
      { paragraphs: P.slice(0, 5) },
      { paragraphs: [P[0]!, P[3]!, P[4]!, P[1]!] },
    );
    // P[1] moved to the end; P[2] was removed: it stood after P[0] among the passages that stayed.
    expect(where(result.rows)).toEqual([
      [0, 0],
      [2, null],
      [3, 1],
      [4, 2],
      [1, 3],
    ]);
    expect(kinds(result.rows)).toEqual(['same', 'removed', 'same', 'same', 'moved']);
  });

  it('pairs a repeated paragraph with its nearest copy, so no move is invented', () => {
    const result = compare(
      { paragraphs: [P[0]!, 'Rubio said.', P[1]!, 'Rubio said.'] },
      { paragraphs: [P[0]!, P[1]!, 'Rubio said.'] },
    );
    expect(where(result.rows)).toEqual([
      [0, 0],
      [1, null],
      [2, 1],
      [3, 2],
    ]);
    expect(kinds(result.rows)).toEqual(['same', 'removed', 'same', 'same']);
  });

  it('opens with removed passages that had nothing before them, deletions before insertions', () => {
    const result = compare(
      { paragraphs: [P[0]!, P[1]!, P[2]!] },
      { paragraphs: [P[3]!, P[1]!, P[2]!] },
    );
    expect(where(result.rows)).toEqual([
      [0, null],
      [null, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(kinds(result.rows)).toEqual(['removed', 'added', 'same', 'same']);
  });

  it("gives same rows one equal span, and keeps A's typography when it differs", () => {
    const result = compare(
      { paragraphs: ['He said: "no" -- twice.'] },
      { paragraphs: ['He said: “no” – twice.'] },
    );
    expect(result.rows).toEqual([
      {
        kind: 'same',
        a: 0,
        b: 0,
        aStart: 0,
        bStart: 0,
        spans: [{ op: 'equal', text: 'He said: “no” – twice.', aText: 'He said: "no" -- twice.' }],
      },
    ]);
  });

  it('counts typographic variants as changes with exact', () => {
    const result = compare(
      { paragraphs: ['He said: "no" -- twice.'] },
      { paragraphs: ['He said: “no” – twice.'] },
      { exact: true },
    );
    expect(result.rows[0]!.kind).toBe('changed');
    expect(result.stats).toMatchObject({ inserted: 2, deleted: 2 });
  });

  it('does not pair two paragraphs that only share common words', () => {
    const result = compare(
      { paragraphs: ['The talks in the city of Miami are to be held on the weekend.'] },
      {
        paragraphs: ['The ministry in the south of Gaza is to be rebuilt by the end of the year.'],
      },
    );
    expect(kinds(result.rows)).toEqual(['removed', 'added']);
    expect(result.stats.similarity).toBe(0);
  });
});

describe('compare, on degenerate inputs', () => {
  it('finds two identical versions the same', () => {
    const result = compare({ paragraphs: [...P] }, { paragraphs: [...P] });
    expect(kinds(result.rows)).toEqual(P.map(() => 'same'));
    expect(result.stats).toEqual({ inserted: 0, deleted: 0, moved: 0, similarity: 1 });
  });

  it('finds a version the same as itself, even with repeated paragraphs', () => {
    const version = { paragraphs: [P[0]!, P[1]!, P[0]!, P[0]!] };
    const result = compare(version, version);
    expect(where(result.rows)).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(kinds(result.rows)).toEqual(['same', 'same', 'same', 'same']);
  });

  it('compares an empty version with a full one, both ways', () => {
    const empty = { paragraphs: [] };
    const added = compare(empty, { paragraphs: P });
    expect(kinds(added.rows)).toEqual(P.map(() => 'added'));
    expect(added.stats).toMatchObject({ deleted: 0, moved: 0, similarity: 0 });
    const removed = compare({ paragraphs: P }, empty);
    expect(kinds(removed.rows)).toEqual(P.map(() => 'removed'));
    expect(removed.stats.inserted).toBe(0);
  });

  it('compares two empty versions, and versions of blank paragraphs', () => {
    expect(compare({ paragraphs: [] }, { paragraphs: [] })).toEqual({
      stats: { inserted: 0, deleted: 0, moved: 0, similarity: 1 },
      substitutions: [],
      rows: [],
    });
    expect(compare({ paragraphs: ['', '  '] }, { paragraphs: ['\n'] }).rows).toEqual([]);
  });

  it('compares two unrelated texts as one removed and one added, without stray matches', () => {
    const result = compare(
      { paragraphs: ['The cat sat on the mat.', 'It was a sunny day in the park.'] },
      { paragraphs: ['Stocks fell on the news.', 'The central bank held rates in the spring.'] },
    );
    expect(kinds(result.rows)).toEqual(['removed', 'removed', 'added', 'added']);
    expect(result.stats).toEqual({ inserted: 13, deleted: 14, moved: 0, similarity: 0 });
    expect(result.substitutions).toEqual([]);
  });

  it('handles a paragraph of punctuation alone and a very long paragraph', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `word${i % 500}`).join(' ');
    const result = compare(
      { paragraphs: ['--', long] },
      { paragraphs: ['—', long.replace('word7 ', '')] },
    );
    expect(result.stats.deleted).toBeGreaterThanOrEqual(1);
    expect(rebuild(result, 'a', 2)).toEqual(['--', long]);
  });
});
