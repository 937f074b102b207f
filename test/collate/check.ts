/** What every collation must hold, checked the same way on the seeds and on generated stories. */
import { expect } from 'vitest';
import { foldTypography } from '../../source/text/fold.js';
import type { Collatable, Collation } from '../../source/collate/types.js';

const wordsOf = (text: string): string[] => text.match(/\S+/g) ?? [];

/** Every word of every version's body is in exactly one cell, and the cells hold those words. */
export function expectComplete(versions: readonly Collatable[], collation: Collation): void {
  versions.forEach((version) => {
    const v = collation.versions.indexOf(version.id);
    expect(v).toBeGreaterThanOrEqual(0);
    const seen = version.paragraphs.map((p) => new Array<number>(wordsOf(p).length).fill(0));
    for (const row of collation.rows) {
      const cell = row.cells[v]!;
      expect(cell.version).toBe(version.id);
      if (cell.state === 'absent') {
        expect(cell.paragraph).toBeNull();
        expect(cell.spans).toEqual([]);
        continue;
      }
      const paragraph = wordsOf(version.paragraphs[cell.paragraph!]!);
      const held = paragraph.slice(cell.start, cell.start + cell.words);
      expect(wordsOf(cell.text)).toEqual(held);
      for (let w = cell.start; w < cell.start + cell.words; w++) seen[cell.paragraph!]![w]!++;
    }
    for (const marks of seen) expect(marks.every((m) => m === 1)).toBe(true);
  });
}

/**
 * Equal and deleted words make the reading, and equal and inserted words the cell: as many words,
 * the same words once typographic variants are folded (an equal span holds the cell's text).
 */
export function expectSpansAddUp(collation: Collation): void {
  for (const row of collation.rows) {
    expect(row.cells.some((cell) => cell.state !== 'absent')).toBe(true);
    for (const cell of row.cells) {
      if (cell.state === 'absent') continue;
      const side = (op: string): string[] =>
        cell.spans.filter((s) => s.op !== op).flatMap((s) => wordsOf(foldTypography(s.text)));
      expect(side('insert')).toEqual(wordsOf(foldTypography(row.reading)));
      expect(side('delete')).toEqual(wordsOf(foldTypography(cell.text)));
      expect(cell.state === 'same').toBe(cell.spans.every((s) => s.op === 'equal'));
    }
  }
}

/** The rows as sets of cells, each cell keyed by its version: what must not depend on order. */
export function rowSets(collation: Collation): string[] {
  return collation.rows.map((row) =>
    JSON.stringify([row.reading, [...row.cells].sort((x, y) => (x.version < y.version ? -1 : 1))]),
  );
}
