/**
 * Which cells moved: in each version, the passages left off the heaviest run that keeps the row
 * order, by words. A short passage that jumped is the one called moved, not the long text it
 * jumped over.
 */

import type { Place } from './pairwise.js';

/** For each row and version, whether that version's passage there stands out of order. */
export function markMoved(
  rows: readonly (readonly (Place | undefined)[])[],
  n: number,
): boolean[][] {
  const moved = rows.map(() => new Array<boolean>(n).fill(false));
  for (let v = 0; v < n; v++) {
    const held: number[] = [];
    rows.forEach((cells, r) => {
      if (cells[v]) held.push(r);
    });
    const place = (k: number): Place => rows[held[k]!]![v]!;
    const before = (x: Place, y: Place): boolean =>
      x.paragraph < y.paragraph || (x.paragraph === y.paragraph && x.start < y.start);
    // Heaviest increasing run: best[k] is the heaviest run that ends with the k-th passage.
    const best = new Float64Array(held.length);
    const previous = new Int32Array(held.length).fill(-1);
    let end = -1;
    for (let k = 0; k < held.length; k++) {
      const own = place(k);
      best[k] = own.length;
      for (let j = 0; j < k; j++) {
        if (before(place(j), own) && best[j]! + own.length > best[k]!) {
          best[k] = best[j]! + own.length;
          previous[k] = j;
        }
      }
      if (end < 0 || best[k]! > best[end]!) end = k;
    }
    const kept = new Uint8Array(held.length);
    for (let k = end; k >= 0; k = previous[k]!) kept[k] = 1;
    held.forEach((r, k) => (moved[r]![v] = kept[k] === 0));
  }
  return moved;
}
