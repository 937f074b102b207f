/**
 * `npm run bench`: every figure of issue 5, one JSON line each on stdout, then a summary line.
 * Exits 1 when a target is missed, so that it can gate a change. Progress goes to stderr.
 *
 * - first frame, in a pseudo-terminal (80×24): on the seeds, against node's bare start alternated
 *   in the same run (target: at most node + 120 ms), and at 10,000 versions;
 * - corpus load, search index build and story grouping at 100, 1,000 and 10,000 versions;
 * - search latency per keystroke, over typed queries with typos;
 * - compare latency: two seeds, and a 5,000-word pair;
 * - text output: `diff` of a 3 MB paragraph as text, against `--json` (at most 3×);
 * - bytes written per keystroke in the pty: a list move, a reader line, a page, a search key;
 * - peak RSS of the reader: on the seeds, and at 10,000 versions once grouped and indexed.
 *
 * The corpora are generated from a fixed seed (bench/generate.ts) and cached as files under
 * bench/results/tmp/. It needs the bundle (npm run bench builds it) and util-linux `script`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { loadCorpus } from '../source/corpus/load.js';
import type { Version } from '../source/corpus/types.js';
import { benchCompare } from './compare.js';
import { measureCollate } from './collate.js';
import { corpusOnDisk, readThrough } from './corpora.js';
import { generateVersions } from './generate.js';
import {
  firstFrames,
  keystrokeCosts,
  searchLatency,
  peakRssAfterSearch,
  scaleRun,
  STORIES_STATUS,
  type PtyArgs,
} from './interactive.js';
import { CLI, hasScript, PtySession } from './pty.js';
import {
  formatLine,
  median,
  result,
  round,
  spread,
  summarize,
  type CorpusName,
  type Figures,
  type Result,
  type Target,
} from './report.js';
import { parseOnly } from './groups.js';
import { benchOutput } from './output.js';
import { measureSearch, quantile } from './search.js';
import { measureStories } from './stories.js';

const SIZES = [100, 1_000, 10_000] as const;
const LARGEST = 10_000;
const SEED = 42;
const MB = 1024 * 1024;

/** The targets of issue 5: upper bounds on the figures named. */
export const TARGETS = {
  /** The reader's first frame on the seeds, after node's own bare start (`node -e 0`). */
  firstFrameSeeds: { over_node_ms: 120 },
  firstFrameLargest: { median_ms: 500 },
  firstFrameHuge: { median_ms: 500 },
  searchableHuge: { ms: 20_000 },
  rssHuge: { mb: 2048 },
  searchToResultsHuge: { median_ms: 50, p95_ms: 50 },
  // "Keys never wait more than 50 ms" while a large corpus loads and is grouped.
  keyWhileLoadingHuge: { max_ms: 50 },
  searchKeystroke: { median_ms: 30, p95_ms: 60 },
  listMove: { bytes: 400 },
  readerLine: { bytes: 250 },
  readerPage: { bytes: 1500 },
  framesPerKey: { max_frames: 1 },
  searchToResults: { median_ms: 30, p95_ms: 60, max_frames: 1 },
  compareSeeds: { median_ms: 10 },
  compareLong: { median_ms: 50 },
  rssSeeds: { mb: 150 },
  rssLargest: { mb: 300 },
  grouping: { median_ms: 1000 },
  textDiff: { text_vs_json: 3, color_vs_json: 3 },
  collate20: { median_ms: 300 },
  collate60: { median_ms: 2000 },
} as const satisfies Record<string, Target>;

const results: Result[] = [];

function emit(measure: string, corpus: CorpusName, figures: Figures, target?: Target): void {
  const r = result(measure, corpus, figures, target ?? null);
  results.push(r);
  console.log(formatLine(r));
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/** Byte counts: the median as `bytes`, with the spread. */
function bytesFigures(samples: readonly number[]): Figures {
  return {
    bytes: median(samples),
    min_bytes: Math.min(...samples),
    max_bytes: Math.max(...samples),
    samples: samples.length,
  };
}

const SEEDS: PtyArgs = {};

/** Starts of each kind measured for the first frame on the seeds, and for node's own start. */
const START_RUNS = 15;

/**
 * Node's bare start (`node -e 0`, spawn to exit) and the reader's first frame on the seeds
 * (spawn to the frame), alternated in one run, so that both meet the same machine: a busy machine
 * slows both alike, and the reader's own cost is the difference. One of each first, not counted:
 * the first start after a build reads the new files from disk, later ones find them cached.
 */
async function startsAgainstNode(runs: number): Promise<{ node: number[]; reader: number[] }> {
  const node: number[] = [];
  const reader: number[] = [];
  for (let i = -1; i < runs; i++) {
    const bare = async (): Promise<number> => new PtySession({ nodeArgs: ['-e', '0'] }).runTime();
    const frame = async (): Promise<number> => {
      const session = new PtySession(SEEDS);
      try {
        return (await session.waitFor((text) => STORIES_STATUS.test(text))) - session.startedAt;
      } finally {
        await session.close();
      }
    };
    // Which goes first alternates too, so neither always follows the other.
    let nodeMs: number;
    let readerMs: number;
    if (i % 2 === 0) {
      nodeMs = await bare();
      readerMs = await frame();
    } else {
      readerMs = await frame();
      nodeMs = await bare();
    }
    if (i >= 0) {
      node.push(nodeMs);
      reader.push(readerMs);
    }
  }
  return { node, reader };
}

async function frameMeasures(largest: PtyArgs): Promise<void> {
  progress(`node's bare start and the first frame on the seeds, ${START_RUNS} of each, alternated`);
  const starts = await startsAgainstNode(START_RUNS);
  emit('node-start', 'none', {
    ...spread(starts.node, 'ms'),
    command: 'node -e 0, spawn to exit',
    // Node reads this file of certificates before running any script: tens of milliseconds.
    node_extra_ca_certs: process.env.NODE_EXTRA_CA_CERTS ? 'set' : 'unset',
  });
  emit(
    'first-frame',
    'seeds',
    {
      ...spread(starts.reader, 'ms'),
      node_median_ms: round(median(starts.node)),
      over_node_ms: round(median(starts.reader) - median(starts.node)),
      // The same, start by start: each frame against the node start beside it.
      paired_over_ms: round(median(starts.reader.map((ms, i) => ms - starts.node[i]!))),
    },
    TARGETS.firstFrameSeeds,
  );

  progress(`first frame at ${LARGEST} versions`);
  const largeFrames = await firstFrames(largest, 5);
  emit('first-frame', LARGEST, spread(largeFrames, 'ms'), TARGETS.firstFrameLargest);
}

async function keyMeasures(): Promise<void> {
  progress('bytes per keystroke on the seeds');
  const costs = await keystrokeCosts(SEEDS);
  emit('bytes-list-move', 'seeds', bytesFigures(costs.listMove), TARGETS.listMove);
  emit('bytes-reader-line', 'seeds', bytesFigures(costs.readerLine), TARGETS.readerLine);
  emit('bytes-reader-page', 'seeds', bytesFigures(costs.readerPage), TARGETS.readerPage);
  emit('bytes-search-key', 'seeds', bytesFigures(costs.searchKey));
  emit(
    'frames-per-key',
    'seeds',
    { max_frames: Math.max(...costs.frames), keys: costs.frames.length },
    TARGETS.framesPerKey,
  );
  emit('peak-rss', 'seeds', { mb: round(costs.peakRss / MB) }, TARGETS.rssSeeds);
}

async function latencyMeasures(largest: PtyArgs): Promise<void> {
  progress(`search key to results, in the reader, at ${LARGEST} versions`);
  const { ms, frames } = await searchLatency(largest);
  emit(
    'search-key-to-results',
    LARGEST,
    {
      ...spread(ms, 'ms'),
      p95_ms: round(
        quantile(
          [...ms].sort((x, y) => x - y),
          0.95,
        ),
      ),
      max_frames: Math.max(...frames),
    },
    TARGETS.searchToResults,
  );
}

async function memoryMeasures(largest: PtyArgs): Promise<void> {
  progress(`peak memory at ${LARGEST} versions, grouped and indexed`);
  const rss = await peakRssAfterSearch(largest);
  emit('peak-rss', LARGEST, { mb: round(rss / MB) }, TARGETS.rssLargest);
}

function timeLoad(dir: string, runs = 3): { versions: readonly Version[]; ms: number[] } {
  const ms: number[] = [];
  let versions: readonly Version[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    versions = loadCorpus({ dir }).versions;
    ms.push(performance.now() - start);
  }
  return { versions, ms };
}

function corpusMeasures(dirs: ReadonlyMap<number, string>): void {
  // Unmeasured warm-ups, so the first size measured does not pay for the JIT.
  measureSearch(generateVersions({ versions: 200, seed: SEED + 1 }), 1);
  measureStories(200, SEED + 1, 1);
  for (const size of SIZES) {
    progress(`load, index and group ${size} versions`);
    const { versions, ms } = timeLoad(dirs.get(size)!);
    emit('corpus-load', size, { ...spread(ms, 'ms'), versions: versions.length });

    const [build, keys] = measureSearch(versions);
    emit('search-build', size, {
      median_ms: round(Number(build!.buildMs) + Number(build!.prepareMs)),
      slice_max_ms: build!.sliceMaxMs!,
      first_search_ms: build!.firstSearchMs!,
      passages: build!.passages!,
    });
    emit(
      'search-keystroke',
      size,
      {
        median_ms: keys!.medianMs!,
        p95_ms: keys!.p95Ms!,
        max_ms: keys!.maxMs!,
        keystrokes: keys!.keystrokes!,
      },
      size === LARGEST ? TARGETS.searchKeystroke : undefined,
    );

    const grouped = measureStories(size, SEED);
    emit(
      'stories-group',
      size,
      {
        median_ms: grouped.groupMs!,
        stories: grouped.stories!,
        generated_stories: grouped.generatedStories!,
        split_stories: grouped.splitStories!,
        mixed_groups: grouped.mixedGroups!,
      },
      size === LARGEST ? TARGETS.grouping : undefined,
    );
  }
}

async function compareMeasures(): Promise<void> {
  progress('compare');
  const measures = await benchCompare();
  const seeds = measures.find((m) => m.measure === 'compare-seeds')!;
  const big = measures.find((m) => m.measure === 'compare-5000-words')!;
  emit(
    'compare',
    'seeds',
    {
      median_ms: Number(seeds.median_ms),
      max_ms: Number(seeds.max_ms),
      pairs: Number(seeds.pairs),
    },
    TARGETS.compareSeeds,
  );
  emit(
    'compare-5000-words',
    'generated',
    { median_ms: Number(big.median_ms), max_ms: Number(big.max_ms), words: Number(big.words) },
    TARGETS.compareLong,
  );
}

function outputMeasures(): void {
  progress('text output of a 3 MB paragraph');
  const times = benchOutput(CLI);
  emit(
    'diff-text-3mb-paragraph',
    'generated',
    {
      ...times,
      text_vs_json: round(times.text_ms / times.json_ms),
      color_vs_json: round(times.color_ms / times.json_ms),
    },
    TARGETS.textDiff,
  );
}

function collateMeasures(): void {
  progress('collate: one story of 1,000 words in 20 and in 60 versions');
  for (const [count, runs, target] of [
    [20, 9, TARGETS.collate20],
    [60, 5, TARGETS.collate60],
  ] as const) {
    const { median_ms, max_ms, cpu_ms, words, rows } = measureCollate(count, runs);
    emit(
      `collate-${count}-versions`,
      'generated',
      { median_ms, max_ms, cpu_ms, words, rows },
      target,
    );
  }
}

/** A corpus of 100,000 versions (about 430 MB), generated once: only for the `scale` group. */
const HUGE = 100_000;

/** Peak RSS, in bytes, and wall time of a command, by GNU time; null where it is not installed. */
function timed(args: readonly string[]): { ms: number; rss: number } | null {
  if (!existsSync('/usr/bin/time')) return null;
  const start = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1024 * 1024,
  });
  const kb = Number(/(\d+)\s*$/.exec(run.stderr)?.[1]);
  return { ms: performance.now() - start, rss: kb * 1024 };
}

async function scaleMeasures(): Promise<void> {
  progress(`generating ${HUGE} versions (cached under bench/results/tmp/)`);
  const dir = corpusOnDisk({ versions: HUGE, seed: SEED });
  const huge: PtyArgs = { args: ['--corpus', dir] };
  progress(`reading the ${HUGE} files once: the figures below are of files in the page cache`);
  emit('files-read-by-the-bench', HUGE, { ms: round(readThrough(dir)) });

  progress(`first frame at ${HUGE} versions`);
  const frames = await firstFrames(huge, 3);
  emit('first-frame', HUGE, spread(frames, 'ms'), TARGETS.firstFrameHuge);

  progress(`${HUGE} versions loaded, grouped and searchable`);
  const run = await scaleRun(huge);
  emit('loaded-and-grouped', HUGE, { ms: round(run.groupedMs) });
  emit('searchable', HUGE, { ms: round(run.searchableMs) }, TARGETS.searchableHuge);
  emit('peak-rss', HUGE, { mb: round(run.peakRss / MB) }, TARGETS.rssHuge);
  const waits = [...run.keysWhileLoadingMs].sort((x, y) => x - y);
  emit(
    'key-while-loading',
    HUGE,
    {
      ...spread(waits, 'ms'),
      p95_ms: round(quantile(waits, 0.95)),
      over_50_ms: waits.filter((ms) => ms > 50).length,
    },
    TARGETS.keyWhileLoadingHuge,
  );

  progress(`search key to results, in the reader, at ${HUGE} versions`);
  const { ms, frames: keyFrames } = await searchLatency(huge);
  const sorted = [...ms].sort((x, y) => x - y);
  emit(
    'search-key-to-results',
    HUGE,
    {
      ...spread(ms, 'ms'),
      p95_ms: round(quantile(sorted, 0.95)),
      max_frames: Math.max(...keyFrames),
    },
    TARGETS.searchToResultsHuge,
  );

  progress(`list --json at ${HUGE} versions`);
  const list = timed(['list', '--json', '--corpus', dir]);
  if (list) emit('list-json', HUGE, { ms: round(list.ms), mb: round(list.rss / MB) });
}

function machine(): Record<string, string | number> {
  const cpus = os.cpus();
  return {
    cpus: os.availableParallelism?.() ?? cpus.length,
    model: cpus[0]?.model.trim() ?? 'unknown',
    ram_gb: round(os.totalmem() / 1024 ** 3),
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  };
}

async function main(): Promise<void> {
  const groups = parseOnly(process.argv.slice(2));
  if (!existsSync(CLI)) throw new Error(`no bundle at ${CLI}: run npm run build first`);
  if (!hasScript()) throw new Error('util-linux `script` is needed to make a pseudo-terminal');
  const started = performance.now();
  progress('generating corpora (cached under bench/results/tmp/)');
  const dirs = new Map(SIZES.map((size) => [size, corpusOnDisk({ versions: size, seed: SEED })]));
  // In the page cache, as in scaleMeasures.
  for (const dir of dirs.values()) readThrough(dir);

  const largest: PtyArgs = { args: ['--corpus', dirs.get(LARGEST)!] };
  // The pseudo-terminal measures first, while this process is idle and its heap small.
  if (groups.has('frames')) await frameMeasures(largest);
  if (groups.has('keys')) await keyMeasures();
  if (groups.has('keys')) await latencyMeasures(largest);
  if (groups.has('memory')) await memoryMeasures(largest);
  if (groups.has('corpus')) corpusMeasures(dirs);
  if (groups.has('compare')) await compareMeasures();
  if (groups.has('output')) outputMeasures();
  if (groups.has('collate')) collateMeasures();
  if (groups.has('scale')) await scaleMeasures();

  const seconds = (performance.now() - started) / 1000;
  const summary = summarize(results, seconds, { machine: machine() });
  console.log(JSON.stringify(summary));
  for (const miss of summary.missed) progress(`target missed: ${miss}`);
  process.exitCode = summary.ok ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench: ${error instanceof Error ? (error.stack ?? error.message) : error}\n`,
  );
  process.exitCode = 2;
});
