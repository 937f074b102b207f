/** Story grouping's samples compared on a thread of their own, as the reader compares them. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateVersions, writeCorpus } from '../../bench/generate.js';
import {
  findLinksOnThread,
  GrowingLinkSearch,
  LinksAsLoaded,
} from '../../source/corpus/group-thread.js';
import { openCorpus, type CorpusFeed } from '../../source/corpus/stream.js';
import { loadedSample } from '../../source/corpus/taken.js';
import { until } from '../helpers/wait.js';
import {
  groupStories,
  linksOf,
  shingleSampleOf,
  StoryGrouper,
} from '../../source/corpus/stories.js';

// The thread runs the bundle's worker script: `npm test` builds it first.
const SCRIPT = new URL('../../dist/load-worker.js', import.meta.url);

describe.skipIf(!existsSync(SCRIPT))('the grouping thread', () => {
  // More versions than a turn packs (4,096), so that packing takes several turns.
  const versions = generateVersions({ versions: 9_000, seed: 11 });
  const samples = versions.map((v) => shingleSampleOf(v.paragraphs));

  it('finds the links this thread would find, and they group as groupStories groups', async () => {
    const links = await findLinksOnThread(SCRIPT, samples.length, (i) => samples[i]!).links;
    expect(links).toEqual(linksOf(samples));
    const grouper = new StoryGrouper();
    grouper.add(versions, samples);
    grouper.useLinks(links);
    const map = grouper.result();
    const whole = groupStories(versions);
    expect(map.stories.map((s) => s.versions.map((v) => v.id))).toEqual(
      whole.stories.map((s) => s.versions.map((v) => v.id)),
    );
    expect([...map.closest]).toEqual([...whole.closest]);
  }, 60_000);

  it('ends with the reader: a search closed fails, and leaves nothing running', async () => {
    const search = findLinksOnThread(SCRIPT, samples.length, (i) => samples[i]!);
    search.close();
    await expect(search.links).rejects.toThrow(/closed/);
  });

  it('finds the same links for samples sent a few versions at a time', async () => {
    const search = new GrowingLinkSearch(SCRIPT);
    for (const [from, to] of [
      [0, 1],
      [1, 1],
      [1, 2_500],
      [2_500, 2_501],
      [2_501, samples.length],
    ] as const) {
      search.add(samples.slice(from, to));
    }
    expect(search.versions).toBe(samples.length);
    search.end();
    expect(await search.links).toEqual(linksOf(samples));
    expect(() => search.add(samples.slice(0, 1))).toThrow(/ended/);
  }, 60_000);
});

/** A folder of `versions` generated versions, streamed in on two loader threads. */
async function withStreamedCorpus(
  versions: number,
  test: (feed: CorpusFeed) => Promise<void>,
): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gaza-reader-links-as-loaded-'));
  try {
    writeCorpus(dir, { versions, seed: 4 });
    const options = { workers: 2, loader: SCRIPT, smallFiles: 10, chunkFiles: 4, publishMs: 1 };
    await test(openCorpus({ dir }, options));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!existsSync(SCRIPT))(
  'samples sent to the grouping thread as a corpus loads',
  () => {
    it('go as versions are gathered, and give the links of the whole corpus', async () => {
      await withStreamedCorpus(600, async (feed) => {
        const asLoaded = new LinksAsLoaded(feed, SCRIPT, 100);
        let sentWhileLoading = 0;
        feed.subscribe(() => {
          asLoaded.follow();
          if (feed.progress !== null) sentWhileLoading = asLoaded.sent;
        });
        asLoaded.follow();
        const corpus = (await feed.finished)!;
        expect(corpus.versions).toHaveLength(600);
        // Not the corpus followed (a copy of it): no search for it.
        expect(asLoaded.linksOf([...corpus.versions])).toBeNull();
        const search = asLoaded.linksOf(corpus.versions)!;
        const samples = corpus.versions.map((v) => loadedSample(v)!);
        expect(await search.links).toEqual(linksOf(samples));
        expect(asLoaded.sent).toBe(600);
        expect(sentWhileLoading).toBeGreaterThan(0);
        search.close();
        expect(asLoaded.linksOf(corpus.versions)).toBeNull();
      });
    }, 60_000);

    it('go as a record file is read, once it is expected to be large enough', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gaza-reader-links-as-loaded-'));
      try {
        const lines = generateVersions({ versions: 600, seed: 4 }).map((v) =>
          JSON.stringify({ id: v.id, text: v.body }),
        );
        const path = join(dir, 'archive.jsonl');
        writeFileSync(path, lines.join('\n') + '\n');
        const options = { workers: 2, loader: SCRIPT, smallBytes: 0, publishMs: 1 };
        const feed = openCorpus({ dir: path }, options);
        const asLoaded = new LinksAsLoaded(feed, SCRIPT, 300);
        feed.subscribe(() => asLoaded.follow());
        const corpus = (await feed.finished)!;
        const samples = corpus.versions.map((v) => loadedSample(v)!);
        expect(await asLoaded.linksOf(corpus.versions)!.links).toEqual(linksOf(samples));
        expect(asLoaded.sent).toBe(600);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);

    it('give up when the thread fails, and leave grouping to the reader', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gaza-reader-links-as-loaded-'));
      const broken = new URL(`file://${join(dir, 'broken.mjs')}`);
      writeFileSync(broken, "throw new Error('no grouping here');\n");
      try {
        await withStreamedCorpus(200, async (feed) => {
          const asLoaded = new LinksAsLoaded(feed, broken, 1);
          feed.subscribe(() => asLoaded.follow());
          asLoaded.follow();
          const corpus = (await feed.finished)!;
          const given = (): boolean => asLoaded.linksOf(corpus.versions) === null;
          await until(given, 'the search given up', () => `sent ${asLoaded.sent}`);
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('wait for a corpus expected to be large enough, and give nothing for a smaller one', async () => {
      await withStreamedCorpus(50, async (feed) => {
        const asLoaded = new LinksAsLoaded(feed, SCRIPT, 51);
        feed.subscribe(() => asLoaded.follow());
        const corpus = (await feed.finished)!;
        expect(asLoaded.sent).toBe(0);
        expect(asLoaded.linksOf(corpus.versions)).toBeNull();
      });
    });
  },
);
