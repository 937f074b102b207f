/** Runs (source/search/ranges.ts) from and to fuse.js's inclusive [start, end] pairs. */
import type { Runs } from '../../source/search/ranges.js';

export function runsOf(pairs: readonly (readonly [number, number])[]): Runs {
  return Int32Array.from(pairs.flat());
}

export function pairsOf(runs: Runs | undefined): [number, number][] | undefined {
  if (runs === undefined) return undefined;
  const pairs: [number, number][] = [];
  for (let i = 0; i < runs.length; i += 2) pairs.push([runs[i]!, runs[i + 1]!]);
  return pairs;
}
