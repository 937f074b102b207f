/** A search index that grows as the corpus streams in: what it finds on the way, and at the end. */
import { describe, expect, it } from 'vitest';
import { generateVersions } from '../../bench/generate.js';
import { loadCorpus } from '../../source/corpus/load.js';
import {
  buildSearchIndex,
  growingSearchIndex,
  type BlockTexts,
  type GrowingSearchIndex,
  type TrigramBlock,
} from '../../source/search/index.js';
import { until } from '../helpers/wait.js';
import { buildTrigramIndex, textsOf } from '../helpers/blocks.js';

const versions = [...loadCorpus().versions, ...generateVersions({ versions: 300, seed: 11 })];
const QUERIES = ['ceasefire talks', 'Witkof', 'rafah crosing', 'hostages', "'Miami !Hamas", 'zz'];

/** Blocks built "on another thread": later, in a promise, as a worker would answer. */
const elsewhere = (texts: BlockTexts): Promise<TrigramBlock> =>
  new Promise((resolve) => setImmediate(() => resolve(buildTrigramIndex(textsOf(texts)))));

/** Work until nothing is left to do here and every block sent away is back. */
async function settle(index: GrowingSearchIndex, searched: number): Promise<void> {
  await until(
    () => {
      index.work(50);
      return index.searchedVersions >= searched;
    },
    `${searched} versions searched`,
    () => `${index.searchedVersions} of ${index.versions} searched`,
  );
}

/**
 * An index of blocks of 50 passages and more, those of `threadFrom` or more built "elsewhere";
 * `sent` is the size of each block sent there, and `released` how often the builder was told the
 * index is whole, with the blocks sent by then.
 */
function sending(threadFrom: number): {
  growing: GrowingSearchIndex;
  sent: number[];
  released: number[];
} {
  const sent: number[] = [];
  const released: number[] = [];
  const build = (texts: BlockTexts) => (sent.push(texts.length), elsewhere(texts));
  const growing = growingSearchIndex({
    build: Object.assign(build, { release: () => released.push(sent.length) }),
    firstBlock: 50,
    threadFrom,
  });
  return { growing, sent, released };
}

/** Add the versions from `from` on, ten at a time as a corpus loads, then finish and settle. */
async function addTheRest(growing: GrowingSearchIndex, from: number): Promise<void> {
  for (let at = from; at < versions.length; at += 10) {
    growing.add(versions.slice(at, at + 10));
    growing.work(50);
  }
  growing.finish();
  await settle(growing, versions.length);
}

describe('a growing search index', () => {
  it('finds, once whole, what an index of the whole corpus finds: in blocks, here or elsewhere', async () => {
    const whole = buildSearchIndex(versions);
    for (const build of [null, elsewhere]) {
      const growing = growingSearchIndex({ build, firstBlock: 200 });
      for (let from = 0; from < versions.length; from += 70) {
        growing.add(versions.slice(from, from + 70));
        growing.work(5);
      }
      growing.finish();
      await settle(growing, versions.length);
      expect(growing.complete).toBe(true);
      expect(growing.size).toBe(whole.size);
      for (const query of QUERIES) {
        expect(growing.search(query, { limit: 100 })).toEqual(whole.search(query, { limit: 100 }));
      }
    }
  });

  it('searches the versions indexed so far, and says how many they are', async () => {
    const growing = growingSearchIndex({ build: elsewhere, firstBlock: 50 });
    const grown: number[] = [];
    growing.onGrow(() => grown.push(growing.searchedVersions));
    const half = versions.slice(0, 150);
    for (let from = 0; from < half.length; from += 10) {
      growing.add(half.slice(from, from + 10));
      growing.work(50);
    }
    await settle(growing, 1);
    const searched = growing.searchedVersions;
    expect(searched).toBeGreaterThan(0);
    expect(searched).toBeLessThanOrEqual(half.length);
    expect(growing.complete).toBe(false);
    const early = new Set(versions.slice(0, searched).map((v) => v.id));
    const hits = growing.search('the', { limit: 200 });
    expect(hits.length).toBeGreaterThan(0);
    // Every hit is a passage of a version searched.
    for (const hit of hits) expect(hit.versions.some(({ id }) => early.has(id))).toBe(true);

    growing.add(versions.slice(150));
    growing.finish();
    await settle(growing, versions.length);
    expect(growing.complete).toBe(true);
    expect(grown.at(-1)).toBe(versions.length);
    // Block by block, in order.
    expect(new Set(grown).size).toBeGreaterThan(2);
    expect(grown).toEqual([...grown].sort((a, b) => a - b));
    const last = versions.at(-1)!;
    const [hit] = growing.search(last.paragraphs.at(-1)!, { limit: 1 });
    expect(hit?.versions.some(({ id }) => id === last.id)).toBe(true);
  });

  it('builds small blocks here and sends only large ones to the other thread', async () => {
    const { growing, sent, released } = sending(400);
    await addTheRest(growing, 0);
    expect(sent.length).toBeGreaterThan(0);
    expect(Math.min(...sent)).toBeGreaterThanOrEqual(400);
    // The last blocks were built here: the builder is told all the same, once.
    expect(released).toEqual([sent.length]);
    expect(growing.search('ceasefire talks', { limit: 100 })).toEqual(
      buildSearchIndex(versions).search('ceasefire talks', { limit: 100 }),
    );
  });

  it('sends every block to the other thread once its threshold is lowered, small ones too', async () => {
    const { growing, sent, released } = sending(100_000);
    growing.add(versions.slice(0, 40));
    await settle(growing, 40);
    // Indexed here so far: nothing was sent, and the index is not whole, so nothing released.
    expect(sent).toEqual([]);
    expect(released).toEqual([]);
    const before = growing.size;
    // The corpus turns out to be large.
    growing.threadFrom = 0;
    await addTheRest(growing, 40);
    // Every passage read after that went to the other thread, in blocks far below 100,000.
    expect(sent.reduce((sum, n) => sum + n, 0)).toBe(growing.size - before);
    expect(Math.max(...sent)).toBeLessThan(100_000);
    // Told once, once the index was whole and every block sent (so that the thread can end).
    expect(growing.complete).toBe(true);
    expect(released).toEqual([sent.length]);
    expect(growing.search('ceasefire talks', { limit: 100 })).toEqual(
      buildSearchIndex(versions).search('ceasefire talks', { limit: 100 }),
    );
  });

  it('refuses versions after it is finished', () => {
    const growing = growingSearchIndex();
    growing.finish();
    expect(() => growing.add(versions.slice(0, 1))).toThrow(/finished/);
  });
});
