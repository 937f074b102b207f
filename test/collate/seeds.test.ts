/** The collate engine on the five seeds: the probes of issue 10, completeness, order independence. */
import { describe, expect, it } from 'vitest';
import { collate, collateInSteps } from '../../source/collate/index.js';
import { loadCorpus } from '../../source/corpus/load.js';
import type { Version } from '../../source/corpus/types.js';
import { expectComplete, expectSpansAddUp, rowSets } from './check.js';

const seeds = loadCorpus().versions;
const collation = collate(seeds);
const short = (id: string): string => id.slice(0, 3);

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

describe('collating the seeds', () => {
  it('takes 000, the version closest to all the others, as the spine', () => {
    expect(collation.central).toBe('000_a709085c31b1a02c');
    const means = [...collation.centrality.values()];
    expect(collation.centrality.get(collation.central)).toBe(Math.max(...means));
  });

  it('makes the al-Hayya passage one row, with 003 changed ("militant" → "resistance") and moved', () => {
    const rows = collation.rows.filter((row) => row.cells.some((c) => c.text.includes('al-Hayya')));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    const carrying = row.cells.filter((c) => c.state !== 'absent').map((c) => short(c.version));
    expect(carrying).toEqual(['000', '001', '002', '003']);
    const cell = row.cells.find((c) => short(c.version) === '003')!;
    expect(cell.state).toBe('changed');
    expect(cell.moved).toBe(true);
    const k = cell.spans.findIndex((s) => s.op === 'delete' && s.text.trim() === 'militant');
    expect(cell.spans[k + 1]).toEqual({ op: 'insert', text: 'resistance ' });
    // The other carriers keep their place.
    expect(row.cells.filter((c) => c.moved).map((c) => short(c.version))).toEqual(['003']);
  });

  it('has "genocidal" only in the cells of 003 and 004, and the Rafah sentence only in 002\'s', () => {
    const holding = (word: string): string[] =>
      collation.rows.flatMap((row) =>
        row.cells.filter((c) => c.text.includes(word)).map((c) => short(c.version)),
      );
    expect(holding('genocidal').sort()).toEqual(['003', '004']);
    expect(holding('Rafah crossing')).toEqual(['002']);
    const rafah = collation.rows.find((row) => row.reading.includes('Rafah crossing'))!;
    expect(rafah.cells.filter((c) => c.state !== 'absent').map((c) => short(c.version))).toEqual([
      '002',
    ]);
  });

  it('reads the text most versions carry, after typographic folding', () => {
    // 000 and 001 differ only in quotes here; 002 and 003 each differ in words.
    const row = collation.rows.find((r) => r.reading.includes('al-Hayya'))!;
    expect(row.reading).toBe(seeds[0]!.paragraphs[16]);
    expect(row.cells.map((c) => c.state)).toEqual(['same', 'same', 'changed', 'changed', 'absent']);
  });

  it('follows the central version, and puts a passage it lacks where its carriers put it', () => {
    const central = collation.rows.flatMap((row) =>
      row.cells[0]!.paragraph === null ? [] : [row.cells[0]!.paragraph],
    );
    expect(central).toEqual([...central].sort((x, y) => x - y));
    expect(new Set(central)).toEqual(new Set(seeds[0]!.paragraphs.keys()));
    // 003's Rubio paragraphs (its ¶7, ¶8) follow the passage before them in 003 (000's ¶6).
    const rubio = collation.rows.findIndex((row) => row.cells[3]!.text.startsWith('Briefing'));
    expect(collation.rows[rubio - 1]!.cells[0]!.paragraph).toBe(5);
    expect(collation.rows[rubio + 1]!.cells[3]!.paragraph).toBe(7);
  });

  it('fingerprints each version: 003 added four passages, moved three, swapped militants', () => {
    const f = collation.fingerprints.find((x) => short(x.version) === '003')!;
    expect(f).toMatchObject({ added: 4, dropped: 0, moved: 3 });
    expect(f.substitutions).toContainEqual({ from: 'militant', to: 'resistance', count: 1 });
    expect(f.substitutions).toContainEqual({ from: 'Turkey', to: 'Türkiye', count: 1 });
    const central = collation.fingerprints[0]!;
    expect(central).toMatchObject({ inserted: 0, deleted: 0, added: 0, dropped: 0, moved: 0 });
    const f004 = collation.fingerprints[4]!;
    // Its explainer passages; one cut-down passage pairs as a trim of the wire copy's.
    expect(f004.added).toBe(7);
    expect(f004.dropped).toBeGreaterThan(10);
  });

  it('holds every word of every version in exactly one cell', () => {
    expectComplete(seeds, collation);
    expectSpansAddUp(collation);
  });

  it(
    'gives the same rows, cell for cell, in all 120 orders of the seeds',
    { timeout: 180_000 },
    () => {
      const expected = rowSets(collation);
      const orders = permutations(seeds);
      expect(orders).toHaveLength(120);
      for (const order of orders) {
        const result = collate(order);
        expect(result.versions).toEqual(order.map((v) => v.id));
        expect(rowSets(result)).toEqual(expected);
        expectComplete(order, result);
      }
    },
  );

  it('reports its progress after each alignment to the central version', () => {
    const steps = collateInSteps(seeds);
    const seen: string[] = [];
    for (let step = steps.next(); !step.done; step = steps.next()) {
      seen.push(`${step.value.done}/${step.value.total}`);
    }
    expect(seen).toEqual(['0/4', '1/4', '2/4', '3/4', '4/4']);
  });

  it('refuses two versions with one id', () => {
    const twin: Version = { ...seeds[1]!, id: seeds[0]!.id };
    expect(() => collate([seeds[0]!, twin])).toThrow(/distinct/);
  });
});
