/** What a story view shows of a row: its variants, grouped, and one mark per cell. */
import { describe, expect, it } from 'vitest';
import { cellMark, collate, variantsOf } from '../../source/collate/index.js';
import { loadCorpus } from '../../source/corpus/load.js';

const collation = collate(loadCorpus().versions);
const row = collation.rows.find((r) => r.reading.includes('al-Hayya'))!;
const short = (id: string): string => id.slice(0, 3);

describe('a row as a view shows it', () => {
  it('groups the versions that share a text: the reading first, the absent last', () => {
    const variants = variantsOf(row).map((v) => [v.state, v.cells.map((c) => short(c.version))]);
    expect(variants).toEqual([
      ['same', ['000', '001']],
      ['changed', ['002']],
      ['changed', ['003']],
      ['absent', ['004']],
    ]);
  });

  it('marks each cell with one character: = same, ~ changed, > moved, . absent', () => {
    expect(row.cells.map(cellMark).join('')).toBe('==~>.');
  });

  it('says which rows differ, and how many versions carry each', () => {
    expect(row).toMatchObject({ carriers: 4, varies: true, minority: false });
    const rafah = collation.rows.find((r) => r.reading.includes('Rafah'))!;
    expect(rafah).toMatchObject({
      carriers: 1,
      minority: true,
      readingVersion: '002_a2adb80b35aac799',
    });
  });
});
