/**
 * Where the reader's memory goes at a generated corpus: resident set, V8 heap and buffers after
 * each step the reader takes (load, group, index, a first search), each after a full collection.
 * A breakdown to read, not a target: `npm run bench -- --only=memory` checks the reader's peak.
 *
 *   node --expose-gc --import tsx bench/memory.ts [versions=10000]
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadCorpus } from '../source/corpus/load.js';
import { groupStories } from '../source/corpus/stories.js';
import { buildSearchIndex } from '../source/search/index.js';
import { corpusOnDisk } from './corpora.js';

const MB = 1024 * 1024;
const mb = (bytes: number): number => Math.round((bytes / MB) * 10) / 10;

/** The process's peak resident set so far (VmHWM), in bytes. */
function peakRss(): number {
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

export interface MemoryStep {
  readonly step: string;
  readonly ms: number;
  readonly rssMb: number;
  readonly peakRssMb: number;
  readonly heapUsedMb: number;
  readonly externalMb: number;
}

/** Load, group, index and search a generated corpus of `size` versions; memory after each step. */
export function memorySteps(size: number, seed = 42): MemoryStep[] {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error('run node with --expose-gc');
  const dir = corpusOnDisk({ versions: size, seed });
  const steps: MemoryStep[] = [];
  let last = performance.now();
  const record = (step: string): void => {
    const ms = Math.round(performance.now() - last);
    collect();
    const usage = process.memoryUsage();
    steps.push({
      step,
      ms,
      rssMb: mb(usage.rss),
      peakRssMb: mb(peakRss()),
      heapUsedMb: mb(usage.heapUsed),
      externalMb: mb(usage.external),
    });
    last = performance.now();
  };
  record('start');
  const corpus = loadCorpus({ dir });
  record('loaded');
  const stories = groupStories(corpus.versions);
  record('grouped');
  const index = buildSearchIndex(corpus.versions);
  index.prepare();
  record('indexed');
  index.search('ceasefire talks', { limit: 200 });
  record('searched');
  // Keep everything alive until the last measure.
  if (stories.stories.length === 0 || index.size < 0) console.error('nothing grouped');
  return steps;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const size = Number(process.argv[2] ?? 10_000);
  for (const step of memorySteps(size)) console.log(JSON.stringify(step));
}
