/**
 * Story grouping benchmark: how long groupStories takes at 100, 1,000 and 10,000 versions of a
 * synthetic corpus (bench/generate.ts), and how well it recovers the generated stories.
 *
 * Target (issue 5): 10,000 versions group in at most 1 s. Grouped in steps (StoryGrouper, as the
 * reader groups), the longest step of a 5 ms budget is reported too: what a key could wait for.
 *
 *   npx tsx bench/stories.ts            one JSON line per measure
 */
import { pathToFileURL } from 'node:url';
import { groupStories, StoryGrouper } from '../source/corpus/stories.js';
import { generateCorpus, toVersions, type GeneratedCorpus } from './generate.js';
import type { Version } from '../source/corpus/types.js';
import type { Measure } from './search.js';

export const SIZES = [100, 1_000, 10_000] as const;

export const TARGETS = { groupMs: 1000 } as const;

const round = (ms: number): number => Math.round(ms * 100) / 100;

/** Stories split across groups, and groups that mix stories, against the generator's truth. */
export function scoreGrouping(
  corpus: GeneratedCorpus,
  groups: readonly (readonly { readonly id: string }[])[],
  idOf: (file: string) => string,
): { split: number; mixed: number } {
  const storyOf = new Map(corpus.documents.map((doc) => [idOf(doc.file), doc.story]));
  const groupsOfStory = new Map<number, Set<number>>();
  let mixed = 0;
  groups.forEach((versions, g) => {
    const stories = new Set(versions.map((v) => storyOf.get(v.id)));
    if (stories.size > 1) mixed++;
    for (const story of stories) {
      if (story === undefined) continue;
      const seen = groupsOfStory.get(story) ?? new Set<number>();
      seen.add(g);
      groupsOfStory.set(story, seen);
    }
  });
  let split = 0;
  for (const seen of groupsOfStory.values()) if (seen.size > 1) split++;
  return { split, mixed };
}

/** Group one generated corpus `runs` times; the median time, and the quality of the grouping. */
export function measureStories(size: number, seed = 42, runs = 3): Measure {
  const corpus = generateCorpus({ versions: size, seed });
  const versions = toVersions(corpus);
  const times: number[] = [];
  let map = groupStories(versions);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    map = groupStories(versions);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const stepped = groupInSteps(versions, 5);
  const { split, mixed } = scoreGrouping(
    corpus,
    map.stories.map((s) => s.versions),
    (file) => file.replace(/\.txt$/, ''),
  );
  return {
    measure: 'stories-group',
    versions: size,
    stories: map.stories.length,
    generatedStories: corpus.stories,
    splitStories: split,
    mixedGroups: mixed,
    groupMs: round(times[Math.floor(times.length / 2)]!),
    targetMs: TARGETS.groupMs,
    steppedMs: round(stepped.ms),
    steps: stepped.steps,
    stepMaxMs: round(stepped.maxMs),
  };
}

/** Group with StoryGrouper in steps of `budgetMs`: the whole time, the steps, the longest. */
export function groupInSteps(
  versions: readonly Version[],
  budgetMs: number,
): { ms: number; steps: number; maxMs: number } {
  const start = performance.now();
  const grouper = new StoryGrouper(versions);
  let steps = 0;
  let maxMs = 0;
  for (let done = false; !done; steps++) {
    const stepStart = performance.now();
    done = grouper.step(budgetMs);
    maxMs = Math.max(maxMs, performance.now() - stepStart);
  }
  return { ms: performance.now() - start, steps, maxMs };
}

/** Run the grouping benchmark at each size (after an unmeasured warm-up, for the JIT). */
export function benchStories(sizes: readonly number[] = SIZES, seed = 42): Measure[] {
  measureStories(200, seed + 1, 1);
  return sizes.map((size) => measureStories(size, seed));
}

/** The misses of the targets, in words. */
export function missedTargets(measures: readonly Measure[]): string[] {
  return measures
    .filter((m) => m.versions === 10_000 && Number(m.groupMs) > TARGETS.groupMs)
    .map((m) => `grouping ${m.groupMs} ms > ${TARGETS.groupMs} ms`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const measures = benchStories();
  for (const m of measures) console.log(JSON.stringify(m));
  const missed = missedTargets(measures);
  for (const miss of missed) console.error(`bench/stories: target missed: ${miss}`);
  if (missed.length > 0) process.exitCode = 1;
}
