/**
 * Compare speed. Two measures, each printed as one JSON line with the median of many runs:
 *
 * - compare-5000-words: two 5,000-word versions, B made from A by changing 5% of its words
 *   (swaps, insertions, deletions) and moving 10 paragraphs. Budget: 50 ms.
 * - compare-seeds: one seed with another, over all ten pairs of the bundled seeds. Budget: 10 ms (issue 11).
 *
 * The pair is generated from a seeded PRNG, so every run measures the same texts.
 * Run with `npx tsx bench/compare.ts`.
 */
import { pathToFileURL } from 'node:url';
import { compare } from '../source/compare/index.js';
import { loadCorpus } from '../source/corpus/load.js';
import type { Comparable } from '../source/compare/types.js';

export interface Measure {
  readonly measure: string;
  readonly [key: string]: unknown;
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words to write with: the seeds' own vocabulary, common words drawn more often (as in news). */
function vocabulary(): string[] {
  const words: string[] = [];
  for (const version of loadCorpus().versions) {
    for (const word of version.body.split(/\s+/)) {
      const bare = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
      if (bare) words.push(bare.toLowerCase());
    }
  }
  return words;
}

export interface EditedPair {
  readonly a: Comparable;
  readonly b: Comparable;
}

/**
 * A version of about `words` words in paragraphs of 30 to 70 words, and a copy with `changeRate` of
 * its words changed and `moves` paragraphs moved elsewhere.
 */
export function editedPair(seed: number, words = 5000, changeRate = 0.05, moves = 10): EditedPair {
  const random = randomFrom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const vocab = vocabulary();
  const sentence = (): string[] => {
    const length = 8 + Math.floor(random() * 18);
    const out = Array.from({ length }, () => pick(vocab));
    out[0] = out[0]![0]!.toUpperCase() + out[0]!.slice(1);
    out[length - 1] += '.';
    return out;
  };
  const paragraphs: string[][] = [];
  let total = 0;
  while (total < words) {
    const target = 30 + Math.floor(random() * 40);
    const paragraph: string[] = [];
    while (paragraph.length < target) paragraph.push(...sentence());
    paragraphs.push(paragraph);
    total += paragraph.length;
  }
  const edited = paragraphs.map((p) => [...p]);
  for (let n = Math.round(total * changeRate); n > 0;) {
    const paragraph = pick(edited);
    const at = Math.floor(random() * paragraph.length);
    const kind = random();
    if (kind < 0.5) paragraph[at] = pick(vocab);
    else if (kind < 0.75) paragraph.splice(at, 0, pick(vocab));
    else if (paragraph.length > 5) paragraph.splice(at, 1);
    else continue;
    n--;
  }
  for (let m = 0; m < moves; m++) {
    const [moved] = edited.splice(Math.floor(random() * edited.length), 1);
    edited.splice(Math.floor(random() * (edited.length + 1)), 0, moved!);
  }
  return {
    a: { paragraphs: paragraphs.map((p) => p.join(' ')) },
    b: { paragraphs: edited.map((p) => p.join(' ')) },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function time(run: () => void, runs: number, warmup = 5): number[] {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

export async function benchCompare(): Promise<Measure[]> {
  const pair = editedPair(20251219);
  const words = pair.a.paragraphs.join(' ').split(/\s+/).length;
  const big = time(() => compare(pair.a, pair.b), 30);

  const versions = loadCorpus().versions;
  const seedPairs: Array<[Comparable, Comparable]> = [];
  for (let i = 0; i < versions.length; i++) {
    for (let j = i + 1; j < versions.length; j++) seedPairs.push([versions[i]!, versions[j]!]);
  }
  const perPair: number[] = [];
  time(() => seedPairs.forEach(([x, y]) => compare(x, y)), 1, 5);
  for (let run = 0; run < 20; run++) {
    for (const [x, y] of seedPairs) perPair.push(...time(() => compare(x, y), 1, 0));
  }
  return [
    {
      measure: 'compare-5000-words',
      median_ms: round(median(big)),
      max_ms: round(Math.max(...big)),
      budget_ms: 50,
      words,
      paragraphs: pair.a.paragraphs.length,
    },
    {
      measure: 'compare-seeds',
      median_ms: round(median(perPair)),
      max_ms: round(Math.max(...perPair)),
      budget_ms: 10,
      pairs: seedPairs.length,
    },
  ];
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void benchCompare().then((results) => {
    for (const result of results) console.log(JSON.stringify(result));
  });
}
