/**
 * Which cells moved: in each version, the passages left off the heaviest run that keeps the row
 * order, by words. A short passage that jumped is the one called moved, not the long text it
 * jumped over.
 */

import { comparePlaces, type Place } from './pairwise.js';

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
    // Each passage's rank in its version's own order (cells never share a place).
    const byPlace = [...held.keys()].sort((x, y) => comparePlaces(place(x), place(y)));
    const rank = new Int32Array(held.length);
    byPlace.forEach((k, r) => (rank[k] = r));
    // In row order, the heaviest run ending at each passage, from a Fenwick tree of the heaviest
    // run ending below each rank: n log n, for versions of thousands of paragraphs.
    const m = held.length;
    const tree = new Float64Array(m + 1);
    const treeEnd = new Int32Array(m + 1).fill(-1);
    const previous = new Int32Array(m).fill(-1);
    const best = new Float64Array(m);
    let end = -1;
    for (let k = 0; k < m; k++) {
      let run = 0;
      let from = -1;
      for (let i = rank[k]!; i > 0; i -= i & -i) {
        if (tree[i]! > run) {
          run = tree[i]!;
          from = treeEnd[i]!;
        }
      }
      best[k] = run + place(k).length;
      previous[k] = from;
      for (let i = rank[k]! + 1; i <= m; i += i & -i) {
        if (best[k]! > tree[i]!) {
          tree[i] = best[k]!;
          treeEnd[i] = k;
        }
      }
      if (end < 0 || best[k]! > best[end]!) end = k;
    }
    const kept = new Uint8Array(m);
    for (let k = end; k >= 0; k = previous[k]!) kept[k] = 1;
    held.forEach((r, k) => (moved[r]![v] = kept[k] === 0));
  }
  return moved;
}
