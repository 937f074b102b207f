import type { Version } from './types.js';

/**
 * Short names for versions, on screen and in printed output (findVersion accepts them): the shortest prefix of each id, at least three characters,
 * that no other id shares, run on to the end of its token ("000" for "000_a709085c31b1a02c").
 */
export function shortLabels(versions: readonly Version[], min = 3): Map<string, string> {
  const ids = versions.map((v) => v.id).sort();
  const labels = new Map<string, string>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    let shared = 0;
    for (const other of [ids[i - 1], ids[i + 1]]) {
      if (other === undefined) continue;
      let n = 0;
      while (n < id.length && n < other.length && id[n] === other[n]) n++;
      shared = Math.max(shared, n);
    }
    let length = Math.min(id.length, Math.max(min, shared + 1));
    // Never cut a name mid-token ("reuters-2025-12-1"): run on to the next separator.
    while (
      length < id.length &&
      /[\p{L}\p{N}]/u.test(id[length - 1]!) &&
      /[\p{L}\p{N}]/u.test(id[length]!)
    ) {
      length++;
    }
    labels.set(id, id.slice(0, length));
  }
  return labels;
}
