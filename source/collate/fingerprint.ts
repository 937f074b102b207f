/**
 * A version's editorial fingerprint across the story: what it did differently from the readings.
 * A passage only a minority carry is one they added, and all its words are inserted; a passage a
 * majority carry and it lacks is one it dropped, and all the reading's words are deleted.
 */

import { countWords } from '../compare/tokenize.js';
import { substitutions } from '../compare/summary.js';
import type { Row } from '../compare/types.js';
import type { CollationRow, Fingerprint } from './types.js';

export function fingerprintOf(v: number, id: string, rows: readonly CollationRow[]): Fingerprint {
  let inserted = 0;
  let deleted = 0;
  let added = 0;
  let dropped = 0;
  let moved = 0;
  const edited: Row[] = [];
  for (const row of rows) {
    const cell = row.cells[v]!;
    const majority = 2 * row.carriers > row.cells.length;
    if (cell.state === 'absent') {
      if (majority) {
        dropped++;
        deleted += row.readingWords;
      }
      continue;
    }
    if (cell.moved) moved++;
    if (row.minority) {
      added++;
      inserted += cell.words;
      continue;
    }
    for (const span of cell.spans) {
      if (span.op === 'insert') inserted += countWords(span.text);
      else if (span.op === 'delete') deleted += countWords(span.text);
    }
    if (cell.state === 'changed') {
      edited.push({ kind: 'changed', a: 0, b: 0, spans: cell.spans });
    }
  }
  return {
    version: id,
    inserted,
    deleted,
    added,
    dropped,
    moved,
    substitutions: substitutions(edited),
  };
}
