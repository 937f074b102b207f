/** Story grouping: which versions are copies of one story, and which copy is closest to which. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateCorpus, toVersions, writeCorpus } from '../../bench/generate.js';
import { withFields } from '../../source/corpus/build.js';
import { loadCorpus, versionFromText } from '../../source/corpus/load.js';
import { normalizeText } from '../../source/corpus/normalize.js';
import {
  groupStories,
  linksOf,
  SampleHolders,
  shingleSampleOf,
  StoryGrouper,
  type TakenSamples,
  STORY_OVERLAP,
  type Story,
  type StoryMap,
} from '../../source/corpus/stories.js';
import type { Version } from '../../source/corpus/types.js';
import { sharedSorted } from '../../source/text/sorted.js';

const seeds = loadCorpus().versions;
const seed = (prefix: string): Version => seeds.find((v) => v.id.startsWith(prefix))!;

function version(id: string, text: string): Version {
  return versionFromText(`${id}.txt`, `/stories/${id}.txt`, normalizeText(text));
}

/** A story that has nothing to do with the seeds. */
const weather = version(
  'weather',
  `Heavy snow closed mountain passes across the Alps on Tuesday, stranding hundreds of skiers in
resorts as avalanche warnings reached their highest level of the season.

Rail operators cancelled trains between Zurich and Milan, and motorists were told to carry
chains and blankets. Forecasters expect another metre of snow to fall by Thursday evening.

Hotels in the valleys said guests were calm, with many using the unplanned break to visit
spas, while ski schools moved lessons indoors to climbing walls and swimming pools.`,
);

describe('groupStories on the seeds', () => {
  const map = groupStories(seeds);

  it('makes one story of the five seed versions: dated ones first, then in corpus order', () => {
    expect(map.stories).toHaveLength(1);
    const [story] = map.stories;
    expect(story!.id).toBe('000_a709085c31b1a02c');
    expect(story!.versions.map((v) => v.id.slice(0, 3))).toEqual([
      '000',
      '003',
      '001',
      '002',
      '004',
    ]);
    // 000 and 003 share the earliest date; the first of them titles the story.
    expect(story!.title).toBe(seed('000').title);
  });

  it('joins the heavily rewritten 004 to its story through its closest copy', () => {
    const closest = map.closest.get(seed('004').id);
    expect(closest).toBeTruthy();
    expect(closest!.similarity).toBeGreaterThanOrEqual(STORY_OVERLAP);
    expect(closest!.similarity).toBeLessThan(0.6);
  });

  it('finds each version its closest copy', () => {
    expect(map.closest.get(seed('000').id)).toEqual({ version: seed('001'), similarity: 0.942 });
    expect(map.closest.get(seed('001').id)?.version).toBe(seed('000'));
    for (const [id, neighbour] of map.closest) {
      expect(neighbour).not.toBeNull();
      expect(neighbour!.version.id).not.toBe(id);
      expect(neighbour!.similarity).toBeGreaterThan(0);
      expect(neighbour!.similarity).toBeLessThanOrEqual(1);
    }
  });

  it('estimates the similarity of any two versions, symmetrically', () => {
    for (const a of seeds) {
      expect(map.similarity(a, a)).toBe(1);
      for (const b of seeds) expect(map.similarity(a, b)).toBe(map.similarity(b, a));
    }
    expect(map.similarity(seed('000'), seed('001'))).toBeGreaterThan(0.8);
    expect(map.similarity(seed('000'), seed('004'))).toBeLessThan(0.6);
    // A version the map was not built from still gets an estimate.
    expect(map.similarity(seed('000'), weather)).toBeLessThan(0.05);
  });
});

describe('groupStories on unrelated texts', () => {
  it('keeps two unrelated stories apart', () => {
    const map = groupStories([seed('000'), weather, seed('003')]);
    expect(map.stories.map((s) => s.versions.map((v) => v.id))).toEqual([
      [seed('000').id, seed('003').id],
      ['weather'],
    ]);
    expect(map.stories[1]!.title).toBe(weather.title);
    expect(map.closest.get('weather')).toBeNull();
  });

  it('gives an empty corpus no stories, and a lone version a story of its own', () => {
    expect(groupStories([]).stories).toEqual([]);
    const lone = groupStories([weather]);
    expect(lone.stories.map((s) => s.id)).toEqual(['weather']);
    expect(lone.closest.get('weather')).toBeNull();
  });

  it('groups identical copies, however many, and very short ones', () => {
    const copies = Array.from({ length: 50 }, (_, i) =>
      version(`copy-${String(i).padStart(2, '0')}`, weather.body),
    );
    const short = [
      version('short-a', 'Snow closed the passes.'),
      version('short-b', '“Snow closed the passes”'),
      version('short-c', 'Rain closed the passes.'),
    ];
    const map = groupStories([...copies, ...short, seed('000')]);
    // The dated story first (newest first), then the undated ones in corpus order.
    expect(map.stories.map((s) => s.versions.map((v) => v.id.slice(0, 7)))).toEqual([
      ['000_a70'],
      copies.map((v) => v.id),
      ['short-a', 'short-b'],
      ['short-c'],
    ]);
    expect(map.closest.get('copy-07')?.similarity).toBe(1);
    expect(map.closest.get('short-b')).toEqual({ version: short[0], similarity: 1 });
    expect(map.similarity(short[0]!, short[1]!)).toBe(1);
    expect(map.similarity(short[0]!, short[2]!)).toBe(0);
  });
});

describe('groupStories on versions with stated dates and outlets', () => {
  const stated = (id: string, text: string, date: string | null, outlet: string | null): Version =>
    withFields(version(id, text), { date, outlet });

  it('lists stories newest first, and a story by date, then outlet, then corpus order', () => {
    const body = seed('001').body;
    const map = groupStories([
      stated('weather-old', weather.body, '2025-11-01', 'Gazette'),
      stated('c', body, '2025-12-20', 'Zeta News'),
      stated('b', body, '2025-12-19', 'Post'),
      stated('a', body, '2025-12-20', 'Argus'),
      stated('d', body, null, 'Argus'),
      stated('e', body, '2025-12-20', null),
    ]);
    expect(map.stories.map((s) => s.versions.map((v) => v.id))).toEqual([
      ['b', 'a', 'c', 'e', 'd'],
      ['weather-old'],
    ]);
    expect(map.stories[0]!.id).toBe('b');
  });
});

describe('groupStories on a generated corpus', () => {
  const corpus = generateCorpus({ versions: 400, seed: 11 });
  const versions = toVersions(corpus);
  const storyOf = new Map(versions.map((v, i) => [v.id, corpus.documents[i]!.story]));
  const map = groupStories(versions);

  it('recovers the generated stories: one story per generated story, never two mixed', () => {
    expect(map.stories).toHaveLength(corpus.stories);
    for (const story of map.stories) {
      expect(new Set(story.versions.map((v) => storyOf.get(v.id))).size).toBe(1);
    }
  });

  it('orders stories newest first, and versions by date, then outlet, then corpus order', () => {
    const position = new Map(versions.map((v, i) => [v.id, i]));
    // Undated sorts after every date, in both orders.
    const day = (v: Version): string => v.date ?? '~';
    // Stories of one date stay in corpus order: the order of their first version in the corpus.
    const start = (s: Story): number => Math.min(...s.versions.map((v) => position.get(v.id)!));
    for (let i = 1; i < map.stories.length; i++) {
      const [x, y] = [map.stories[i - 1]!, map.stories[i]!];
      const [a, b] = [x.versions[0]!, y.versions[0]!];
      if (a.date === null) expect(b.date).toBeNull();
      else if (b.date !== null) expect(a.date >= b.date).toBe(true);
      if (a.date === b.date) expect(start(x)).toBeLessThan(start(y));
    }
    for (const story of map.stories) {
      for (let i = 1; i < story.versions.length; i++) {
        const [a, b] = [story.versions[i - 1]!, story.versions[i]!];
        expect(day(a) <= day(b)).toBe(true);
        if (a.date === b.date && a.outlet === b.outlet) {
          expect(position.get(a.id)!).toBeLessThan(position.get(b.id)!);
        }
      }
      expect(story.id).toBe(story.versions[0]!.id);
    }
  });

  it('finds each version a closest copy from its own story', () => {
    for (const v of versions) {
      const closest = map.closest.get(v.id);
      expect(closest).toBeTruthy();
      expect(storyOf.get(closest!.version.id)).toBe(storyOf.get(v.id));
    }
  });

  it('groups the same way every time', () => {
    const again = groupStories(toVersions(generateCorpus({ versions: 400, seed: 11 })));
    expect(again.stories.map((s) => s.versions.map((v) => v.id))).toEqual(
      map.stories.map((s) => s.versions.map((v) => v.id)),
    );
    expect([...again.closest]).toEqual([...map.closest]);
  });
});

/** What a grouping says, as plain data: its stories, and each version's closest. */
function grouping(map: StoryMap): unknown {
  return {
    stories: map.stories.map((s) => [s.id, s.title, s.versions.map((v) => v.id)]),
    closest: [...map.closest].map(([id, n]) => [id, n && [n.version.id, n.similarity]]),
  };
}

describe('StoryGrouper', () => {
  const versions = toVersions(generateCorpus({ versions: 300, seed: 7 }));
  const whole = grouping(groupStories(versions));

  it('groups in many short steps exactly as groupStories groups at once', () => {
    const grouper = new StoryGrouper(versions);
    expect(grouper.done).toBe(false);
    expect(grouper.latest).toBeNull();
    let steps = 0;
    while (!grouper.step(0)) steps++;
    expect(steps).toBeGreaterThan(10);
    expect(grouper.done).toBe(true);
    expect(grouper.progress).toEqual({ sampled: 300, versions: 300 });
    expect(grouping(grouper.result())).toEqual(whole);
    expect(grouper.latest).toBe(grouper.result());
  });

  it('groups versions added in batches, between steps, as if they came at once', () => {
    const grouper = new StoryGrouper();
    for (let from = 0; from < versions.length; from += 70) {
      grouper.add(versions.slice(from, from + 70));
      for (let i = 0; i < 5; i++) grouper.step(0);
    }
    expect(grouping(grouper.result())).toEqual(whole);
  });

  it('keeps the last finished grouping while it regroups with more versions', () => {
    const grouper = new StoryGrouper(versions.slice(0, 100));
    const first = grouper.result();
    expect(grouping(first)).toEqual(grouping(groupStories(versions.slice(0, 100))));
    grouper.add(versions.slice(100));
    expect(grouper.done).toBe(false);
    expect(grouper.latest).toBe(first);
    grouper.step(0);
    expect(grouper.progress.versions).toBe(300);
    expect(grouping(grouper.result())).toEqual(whole);
    expect(grouper.latest).not.toBe(first);
  });

  it('takes samples taken elsewhere (a loading worker) as its own', () => {
    const grouper = new StoryGrouper();
    grouper.add(
      versions.slice(0, 150),
      versions.slice(0, 150).map((v) => shingleSampleOf(v.paragraphs)),
    );
    grouper.add(versions.slice(150));
    expect(grouping(grouper.result())).toEqual(whole);
    expect(() => grouper.add(versions.slice(0, 2), [])).toThrow('0 samples for 2 versions');
  });

  it('applies links found elsewhere (a grouping thread) as it would find them itself', () => {
    const samples = versions.map((v) => shingleSampleOf(v.paragraphs));
    const links = linksOf(samples);
    // Each pair once, a before b, sharing at least three samples.
    expect(links.length % 3).toBe(0);
    expect(links.length).toBeGreaterThan(3 * 100);
    for (let k = 0; k < links.length; k += 3) {
      expect(links[k]!).toBeLessThan(links[k + 1]!);
      expect(links[k + 2]!).toBeGreaterThanOrEqual(3);
    }
    const grouper = new StoryGrouper();
    grouper.add(versions, samples);
    grouper.useLinks(links);
    let steps = 0;
    while (!grouper.step(0)) steps++;
    expect(steps).toBeGreaterThan(2);
    expect(grouping(grouper.result())).toEqual(whole);
  });

  /** Samples as the loader threads leave them: sizes at once, each sample when asked for. */
  function takenSamples(of: readonly Version[]): TakenSamples & { asked: number } {
    const samples = new Map(of.map((v) => [v, shingleSampleOf(v.paragraphs)]));
    const taken = {
      asked: 0,
      sizes: Int32Array.from(of, (v) => samples.get(v)!.length),
      of(version: Version): Uint32Array | undefined {
        taken.asked++;
        return samples.get(version);
      },
    };
    return taken;
  }

  it('groups with links from samples read where they lie, asking for none but to compare two', () => {
    const taken = takenSamples(versions);
    const grouper = new StoryGrouper();
    grouper.add(versions, taken);
    grouper.useLinks(linksOf(versions.map((v) => shingleSampleOf(v.paragraphs))));
    const map = grouper.result();
    expect(grouping(map)).toEqual(whole);
    expect(taken.asked).toBe(0);
    const [a, b] = versions;
    expect(map.similarity(a!, b!)).toBe(groupStories(versions).similarity(a!, b!));
    expect(taken.asked).toBe(2);
  });

  it('reads the samples taken elsewhere after all when no links come, or more versions do', () => {
    const alone = new StoryGrouper();
    alone.add(versions, takenSamples(versions));
    expect(grouping(alone.result())).toEqual(whole);
    const more = new StoryGrouper();
    more.add(versions.slice(0, 200), takenSamples(versions.slice(0, 200)));
    more.add(versions.slice(200), takenSamples(versions.slice(200)));
    expect(grouping(more.result())).toEqual(whole);
    // Compared here, the samples read are what counts, not the sizes given with them; a version
    // the threads had no sample of is sampled here once more versions come.
    // (Two versions too short to sample are one story only if their samples are read as short.)
    const short = ['a.txt', 'b.txt'].map((file) => versionFromText(file, `/c/${file}`, 'Brief.'));
    const withShort = [...versions, ...short];
    const wrongSizes = { ...takenSamples(withShort), sizes: new Int32Array(302).fill(1000) };
    const compared = new StoryGrouper();
    compared.add(withShort, wrongSizes);
    expect(grouping(compared.result())).toEqual(grouping(groupStories(withShort)));
    expect(
      compared
        .result()
        .stories.some(
          (story) => story.versions.length === 2 && story.versions.every((v) => short.includes(v)),
        ),
    ).toBe(true);
    const gappy = takenSamples(versions.slice(0, 200));
    const lacking = new StoryGrouper();
    lacking.add(versions.slice(0, 200), {
      sizes: gappy.sizes,
      of: (v) => (v === versions[3] ? undefined : gappy.of(v)),
    });
    lacking.add(versions.slice(200));
    expect(grouping(lacking.result())).toEqual(whole);
    // Taken of fewer versions than added: refused.
    expect(() => new StoryGrouper().add(versions, takenSamples(versions.slice(1)))).toThrow(
      '299 samples for 300 versions',
    );
  });

  it('drops links found elsewhere once more versions are added', () => {
    const first = versions.slice(0, 150);
    const grouper = new StoryGrouper();
    grouper.add(first);
    grouper.useLinks(linksOf(first.map((v) => shingleSampleOf(v.paragraphs))));
    grouper.add(versions.slice(150));
    expect(grouping(grouper.result())).toEqual(whole);
  });

  it('gives no stories before any version is added, and similarity for any two', () => {
    const grouper = new StoryGrouper();
    expect(grouper.result().stories).toEqual([]);
    expect(grouper.done).toBe(true);
    expect(grouper.step(0)).toBe(true);
    const [a, b] = versions;
    expect(grouper.result().similarity(a!, b!)).toBe(groupStories(versions).similarity(a!, b!));
  });
});

/** Every step of a generator, and what it returns. */
function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done === true) return next.value;
  }
}

describe('linksOf', () => {
  /**
   * Samples of `count / 2` to `count` values drawn from `pool`, for `versions` to 90 versions:
   * ascending and distinct, as shingleSampleOf gives them.
   */
  const samplesOf = (pool: number, count: number, versions = 2) =>
    fc
      .array(
        fc.uniqueArray(fc.integer({ min: 0, max: pool - 1 }), {
          minLength: count >> 1,
          maxLength: count,
        }),
        { minLength: versions, maxLength: 90 },
      )
      .map((lists) => lists.map((list) => Uint32Array.from(list.sort((a, b) => a - b))));

  /** Links (a, b, shared) as strings, in any order. */
  const triples = (flat: ArrayLike<number>): string[] =>
    Array.from({ length: flat.length / 3 }, (_, k) =>
      Array.from({ length: 3 }, (_, i) => flat[3 * k + i]).join(' '),
    ).sort();

  /** linksOf the slow way, as triples: every pair of versions, by the rules in stories.ts. */
  const slowLinks = (samples: readonly Uint32Array[]): string[] => {
    const holders = new Map<number, number[]>();
    samples.forEach((sample, v) =>
      sample.forEach((x) => holders.set(x, [...(holders.get(x) ?? []), v])),
    );
    const short = new Map<string, number>();
    const linked = new Map<string, number>();
    const bump = (map: Map<string, number>, a: number, b: number): void => {
      map.set(`${a} ${b}`, (map.get(`${a} ${b}`) ?? 0) + 1);
    };
    for (const list of holders.values()) {
      // A value held by more than 32 versions links each only to the next one holding it.
      if (list.length > 32) list.slice(1).forEach((b, i) => bump(linked, list[i]!, b));
      else list.forEach((a, i) => list.slice(i + 1).forEach((b) => bump(short, a, b)));
    }
    const links: string[] = [];
    for (const pair of new Set([...short.keys(), ...linked.keys()])) {
      const [a, b] = pair.split(' ').map(Number) as [number, number];
      const count = short.get(pair) ?? 0;
      const smaller = Math.min(samples[a]!.length, samples[b]!.length);
      if ((linked.get(pair) ?? 0) < 3 && (count < 3 || count < 0.1 * smaller)) continue;
      const shared = sharedSorted(samples[a]!, samples[b]!);
      if (shared >= 3) links.push(`${pair} ${shared}`);
    }
    return links.sort();
  };

  it('links the pairs the rules link, with what each shares, boilerplate among it', () => {
    // Thirty values for 50 to 90 versions: many are held by more than 32 of them.
    fc.assert(
      fc.property(samplesOf(30, 25, 50), (samples) => {
        const expected = slowLinks(samples);
        expect(expected.length).toBeGreaterThan(0);
        expect(triples(linksOf(samples))).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('links every pair sharing enough, where no value is held by more than 32 versions', () => {
    fc.assert(
      fc.property(
        samplesOf(400, 20).filter((samples) => samples.length <= 32),
        (samples) => {
          const expected: number[] = [];
          samples.forEach((a, i) =>
            samples.forEach((b, j) => {
              const shared = sharedSorted(a, b);
              const smaller = Math.min(a.length, b.length);
              if (i < j && shared >= 3 && shared >= 0.1 * smaller) expected.push(i, j, shared);
            }),
          );
          expect(triples(linksOf(samples))).toEqual(triples(expected));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('SampleHolders', () => {
  /** A version's sample: ascending and distinct, from a few values so that versions share some. */
  const sample = fc
    .uniqueArray(
      fc.oneof(
        fc.integer({ min: 0, max: 40 }),
        // Many distinct samples, few shared: a run each.
        fc.integer({ min: 0, max: 0x3fffff }),
        // The top bits choose the bucket: the same low bits in other buckets, and the ends.
        fc.integer({ min: 0, max: 40 }).map((low) => (low | (0x7ff << 21)) >>> 0),
        fc.integer({ min: 0, max: 3 }).map((top) => (0x1234 + top * (1 << 21)) >>> 0),
        fc.constantFrom(0xffffffff, 0x80000000, 0x1fffff, 0x200000),
      ),
      { maxLength: 60 },
    )
    .map((values) => Uint32Array.from(values).sort());

  it('lists, for each distinct sample in ascending order, the versions holding it, ascending', () => {
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 40 }), (samples) => {
        const holders = new SampleHolders();
        for (const s of samples) holders.add(s);
        expect(holders.versions).toBe(samples.length);
        const { versions, runs } = finish(holders.runsSteps());
        const expected = new Map<number, number[]>();
        samples.forEach((s, v) =>
          s.forEach((key) => expected.set(key, [...(expected.get(key) ?? []), v])),
        );
        const keys = [...expected.keys()].sort((a, b) => a - b);
        expect(runs.length).toBe(keys.length + 1);
        expect(runs[keys.length]).toBe(versions.length);
        keys.forEach((key, r) => {
          expect([...versions.subarray(runs[r]!, runs[r + 1]!)]).toEqual(expected.get(key));
        });
      }),
    );
  });

  it('gives the links of samples gathered as they came, and is sorted once', () => {
    const versions = toVersions(generateCorpus({ versions: 400, seed: 5 }));
    const samples = versions.map((v) => shingleSampleOf(v.paragraphs));
    const holders = new SampleHolders();
    for (const s of samples) holders.add(s);
    expect(linksOf(samples, undefined, holders)).toEqual(linksOf(samples));
    expect(() => holders.add(samples[0]!)).toThrow(/once the holders are sorted/);
    expect(() => finish(holders.runsSteps())).toThrow(/sorted once/);
  });
});

describe('the corpus generator', () => {
  it('writes files that load as the versions it generates, the same for the same seed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gaza-reader-generated-'));
    try {
      const written = writeCorpus(dir, { versions: 30, seed: 5 });
      expect(written).toEqual(generateCorpus({ versions: 30, seed: 5 }));
      const loaded = loadCorpus({ dir }).versions;
      const generated = toVersions(written, dir);
      expect(loaded.map((v) => [v.id, v.title, v.date, v.paragraphs])).toEqual(
        generated.map((v) => [v.id, v.title, v.date, v.paragraphs]),
      );
      // Stories of 3 to 6 versions (the last may be cut short), of about 500 words each.
      const sizes = new Map<number, number>();
      for (const doc of written.documents) sizes.set(doc.story, (sizes.get(doc.story) ?? 0) + 1);
      expect(sizes.size).toBe(written.stories);
      for (const [story, count] of sizes) {
        if (story < written.stories - 1) expect(count).toBeGreaterThanOrEqual(3);
        expect(count).toBeLessThanOrEqual(6);
      }
      const words = loaded.reduce((sum, v) => sum + v.words, 0) / loaded.length;
      expect(words).toBeGreaterThan(350);
      expect(words).toBeLessThan(700);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
