/**
 * Search benchmark: index build time, and the latency of each keystroke as queries are typed,
 * at 100, 1,000 and 10,000 versions of a synthetic corpus (bench/generate.ts).
 *
 * Targets (issue 5), at 10,000 versions: a keystroke's search takes at most 30 ms at the median
 * and 60 ms at the 95th percentile; building the index fits in a 2 s start, so about 0.5 s.
 *
 *   npx tsx bench/search.ts            one JSON line per measure
 */
import { pathToFileURL } from 'node:url';
import { buildSearchIndex } from '../source/search/index.js';
import type { Version } from '../source/corpus/types.js';
import type { SearchIndex } from '../source/search/types.js';
import { generateVersions } from './generate.js';

export const SIZES = [100, 1_000, 10_000] as const;

export const TARGETS = { medianMs: 30, p95Ms: 60, buildMs: 500 } as const;

/**
 * What a reader types, key by key. Each entry is a list of steps: text to type, or a negative
 * number of backspaces. They include typos ("negotiatons", "Witkof") and a fixed typo.
 */
export const TYPED: readonly (readonly (string | number)[])[] = [
  ['negotiatons'],
  ['Witkof'],
  ['rafah crossing'],
  ['ceasefire talks in Miami'],
  ['Turkiye'],
  ['hostages relaesed', -5, 'eased'],
  ['humanitarian aid convoy'],
];

/** Every query a reader's keys produce, in order. */
export function keystrokes(steps: readonly (string | number)[]): string[] {
  const queries: string[] = [];
  let query = '';
  for (const step of steps) {
    if (typeof step === 'number') {
      for (let i = 0; i < -step; i++) queries.push((query = query.slice(0, -1)));
    } else {
      for (const ch of step) queries.push((query += ch));
    }
  }
  return queries;
}

export interface Measure {
  readonly measure: string;
  readonly [field: string]: string | number;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

const median = (values: readonly number[]): number =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

interface Built {
  readonly index: SearchIndex;
  readonly buildMs: number;
  readonly prepareMs: number;
  /** The longest slice of prepareSlice(10): how long the UI could be kept from a key. */
  readonly sliceMaxMs: number;
}

function build(versions: readonly Version[], sliced: boolean): Built {
  const t0 = performance.now();
  const index = buildSearchIndex(versions);
  const t1 = performance.now();
  let sliceMaxMs = 0;
  if (sliced) {
    for (;;) {
      const start = performance.now();
      const done = index.prepareSlice(10);
      sliceMaxMs = Math.max(sliceMaxMs, performance.now() - start);
      if (done) break;
    }
  } else {
    index.prepare();
  }
  return { index, buildMs: t1 - t0, prepareMs: performance.now() - t1, sliceMaxMs };
}

/** Measure one corpus: build, then type every query of TYPED, a key at a time. */
export function measureSearch(versions: readonly Version[], runs = 3): Measure[] {
  // The machine may be busy with other work: take the median of a few builds.
  const builds = Array.from({ length: runs }, (_, i) => build(versions, i % 2 === 1));
  const sliced = builds.filter((_, i) => i % 2 === 1);
  const index = builds[0]!.index;
  const firstStart = performance.now();
  buildSearchIndex(versions).search('ceasefire');
  const firstSearchMs = performance.now() - firstStart;

  const latencies: number[] = [];
  let hits = 0;
  for (const steps of TYPED) {
    for (const query of keystrokes(steps)) {
      const start = performance.now();
      hits += index.search(query, { limit: 50 }).length;
      latencies.push(performance.now() - start);
    }
  }
  latencies.sort((a, b) => a - b);
  const n = versions.length;
  return [
    {
      measure: 'search-build',
      versions: n,
      passages: index.size,
      buildMs: round(median(builds.map((b) => b.buildMs))),
      prepareMs: round(median(builds.map((b) => b.prepareMs))),
      sliceMaxMs: round(Math.max(0, ...sliced.map((b) => b.sliceMaxMs))),
      firstSearchMs: round(firstSearchMs),
      targetMs: TARGETS.buildMs,
    },
    {
      measure: 'search-keystroke',
      versions: n,
      keystrokes: latencies.length,
      hits,
      medianMs: round(quantile(latencies, 0.5)),
      p95Ms: round(quantile(latencies, 0.95)),
      maxMs: round(latencies[latencies.length - 1] ?? 0),
      medianTargetMs: TARGETS.medianMs,
      p95TargetMs: TARGETS.p95Ms,
    },
  ];
}

/** Whether the measures of the largest corpus meet the targets; the misses, in words. */
export function missedTargets(measures: readonly Measure[]): string[] {
  const missed: string[] = [];
  for (const m of measures) {
    if (m.versions !== 10_000) continue;
    if (m.measure === 'search-build' && Number(m.buildMs) > TARGETS.buildMs) {
      missed.push(`index build ${m.buildMs} ms > ${TARGETS.buildMs} ms`);
    }
    if (m.measure === 'search-keystroke') {
      if (Number(m.medianMs) > TARGETS.medianMs) {
        missed.push(`median keystroke ${m.medianMs} ms > ${TARGETS.medianMs} ms`);
      }
      if (Number(m.p95Ms) > TARGETS.p95Ms) {
        missed.push(`p95 keystroke ${m.p95Ms} ms > ${TARGETS.p95Ms} ms`);
      }
    }
  }
  return missed;
}

/**
 * Run the search benchmark at each size; `seed` picks the synthetic corpus. A small corpus is
 * searched first and not measured, so that the first size measured does not pay for the JIT.
 */
export function benchSearch(sizes: readonly number[] = SIZES, seed = 42): Measure[] {
  measureSearch(generateVersions({ versions: 200, seed: seed + 1 }), 1);
  return sizes.flatMap((size) => measureSearch(generateVersions({ versions: size, seed })));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const measures = benchSearch();
  for (const m of measures) console.log(JSON.stringify(m));
  const missed = missedTargets(measures);
  for (const miss of missed) console.error(`bench/search: target missed: ${miss}`);
  if (missed.length > 0) process.exitCode = 1;
}
