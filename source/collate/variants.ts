/** A row's variants: the versions that carry the same text, grouped, as a reader lists them. */

import { foldTypography } from '../text/fold.js';
import type { Cell, CollationRow } from './types.js';

export interface Variant {
  /** The versions carrying this text, in the order the collation lists them. */
  readonly cells: readonly Cell[];
  /** Same as the reading, changed, or absent (the versions that lack the passage). */
  readonly state: Cell['state'];
}

/**
 * The row's cells grouped by text (after typographic folding): the reading's group first, then
 * the changed texts by how many versions carry them, then the versions that lack the passage.
 */
export function variantsOf(row: CollationRow): Variant[] {
  const groups = new Map<string, Cell[]>();
  const absent: Cell[] = [];
  for (const cell of row.cells) {
    if (cell.state === 'absent') {
      absent.push(cell);
      continue;
    }
    const key = cell.state === 'same' ? '' : ' ' + foldTypography(cell.text).replace(/\s+/g, ' ');
    const list = groups.get(key) ?? [];
    list.push(cell);
    groups.set(key, list);
  }
  const variants: Variant[] = [...groups.entries()]
    .sort(([x, xs], [y, ys]) => (x === '' ? -1 : y === '' ? 1 : ys.length - xs.length))
    .map(([, cells]) => ({ cells, state: cells[0]!.state }));
  if (absent.length > 0) variants.push({ cells: absent, state: 'absent' });
  return variants;
}

/** A cell as one character, for a view without color: `=` same, `~` changed, `>` moved, `.` absent. */
export function cellMark(cell: Cell): '=' | '~' | '>' | '.' {
  if (cell.state === 'absent') return '.';
  if (cell.moved) return '>';
  return cell.state === 'same' ? '=' : '~';
}
