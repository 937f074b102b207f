import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import React from 'react';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateVersions, writeCorpus } from '../../bench/generate.js';
import { findLinksOnThread, type LinkSearch } from '../../source/corpus/group-thread.js';
import { withFields } from '../../source/corpus/build.js';
import { loadCorpus } from '../../source/corpus/load.js';
import { groupStories } from '../../source/corpus/stories.js';
import { CorpusFeed, openCorpus } from '../../source/corpus/stream.js';
import type { TrigramBlock } from '../../source/search/trigrams.js';
import { App } from '../../source/ui/app.js';
import { FeedApp } from '../../source/ui/feed.js';
import type { FindLinks } from '../../source/ui/hooks/use-stories.js';
import { monoTheme } from '../../source/ui/theme.js';
import { until } from '../helpers/ink.js';
import { buildTrigramIndex, textsOf } from '../helpers/blocks.js';
import type { BlockTexts } from '../../source/search/index.js';
import type * as YoungGeneration from '../../source/corpus/young-generation.js';

// The reader lifts the cap on its young generation once the corpus is in, grouped and indexed:
// counted here, since the cap is the whole process's (test/corpus/young-generation.test.ts).
const lifts = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../source/corpus/young-generation.js', async (importOriginal) => ({
  ...(await importOriginal<typeof YoungGeneration>()),
  liftYoungGenerationCap: () => {
    lifts.count++;
  },
}));

const seeds = loadCorpus();
// Loader and grouping threads run the bundle's worker script: `npm test` builds it first.
const LOADER = new URL('../../dist/load-worker.js', import.meta.url);
let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

/** 600 generated versions, and a feed of them, loading, that the test fills by hand. */
function loadingFeed() {
  const versions = generateVersions({ versions: 600, seed: 8 });
  const corpus = { ...seeds, versions };
  const feed = new CorpusFeed({ ...corpus, versions: [] }, { loaded: 0, total: 600, fraction: 0 });
  return { versions, corpus, feed };
}

/** The reader over a feed the test fills by hand. */
function open(feed: CorpusFeed) {
  const instance = render(<FeedApp feed={feed} theme={monoTheme} />);
  unmount = () => instance.unmount();
  const frame = (): string => instance.lastFrame() ?? '';
  const waitFor = async (text: string): Promise<string> => {
    await until(() => frame().includes(text), `"${text}"`, frame);
    return frame();
  };
  return { instance, frame, waitFor };
}

describe('the reader over a corpus that streams in', () => {
  it('opens at once with a count, works on what has loaded, and groups once all is in', async () => {
    const feed = new CorpusFeed({ ...seeds, versions: [] }, { loaded: 0, total: 5, fraction: 0 });
    const { instance, waitFor } = open(feed);
    expect(await waitFor('loading 0 of 5…')).not.toContain('grouping');

    feed.publish(
      { ...seeds, versions: seeds.versions.slice(0, 2) },
      {
        loaded: 3,
        total: 5,
        fraction: 0.6,
      },
    );
    await waitFor('loading 3 of 5…');
    // The two loaded are listed (once named), and keys move among them.
    await waitFor('1 of 2');
    instance.stdin.write('j');
    const moved = await waitFor('2 of 2');
    expect(moved).toContain('Stories · 001');

    feed.publish(seeds, null);
    const whole = await waitFor('5 versions in 1 story');
    expect(whole).not.toContain('loading');
    expect(whole).toContain('2 of 5');
  });

  it('searches what has loaded, says how much, answers again as more comes, then settles', async () => {
    const { versions, corpus, feed } = loadingFeed();
    lifts.count = 0;
    const { instance, waitFor, frame } = open(feed);
    await waitFor('loading 0 of 600…');
    feed.publish(
      { ...corpus, versions: versions.slice(0, 400) },
      { loaded: 400, total: 600, fraction: 0.6 },
    );
    await waitFor('loading 400 of 600…');
    instance.stdin.write('/');
    await waitFor('Type to search');
    instance.stdin.write('ceasefire');
    const partial = await waitFor('in 400 of 600 versions');
    expect(partial).toMatch(/\d+ passages in 400 of 600 versions · 1 of \d+/);
    expect(lifts.count).toBe(0);

    feed.publish(corpus, null);
    const whole = await waitFor('passages · 1 of');
    expect(whole).not.toContain('of 600 versions');
    // In, grouped and indexed: the young generation may grow again.
    await until(() => lifts.count > 0, 'the cap on the young generation lifted', frame);
  });

  it('searches every version loaded, before the corpus shown has them', async () => {
    const { versions, corpus, feed } = loadingFeed();
    // A word only version 400 holds.
    const word = 'zanzibarquux';
    versions[400] = withFields(versions[400]!, { paragraphs: [`Talks in ${word} resumed.`] });
    // The list of versions loaded grows as they come; the corpus shown, now and then.
    const loaded: typeof versions = [];
    feed.loaded = loaded;
    const { instance, waitFor } = open(feed);
    await waitFor('loading 0 of 600…');
    loaded.push(...versions.slice(0, 500));
    feed.publish(
      { ...corpus, versions: versions.slice(0, 250) },
      { loaded: 500, total: 600, fraction: 500 / 600 },
    );
    await waitFor('loading 500 of 600…');
    instance.stdin.write('/');
    await waitFor('Type to search');
    instance.stdin.write('ceasefire');
    // Hits from versions the list does not show yet, named by their ids until it does.
    expect(await waitFor('in 500 of 600 versions')).toMatch(/\b(2[5-9]\d|[34]\d\d)_[0-9a-f]{6}/);
    // One that only such a version holds cannot open yet, and says so.
    instance.stdin.write('\u0015');
    await waitFor('Type to search');
    instance.stdin.write(word);
    await waitFor(`1 of 1`);
    instance.stdin.write('\r');
    expect(await waitFor('is still loading: open it in a moment')).toContain(versions[400]!.id);
  });
});

describe('indexing on a thread', () => {
  it('sends every block to the thread when the corpus will be large, and none when small', async () => {
    const versions = generateVersions({ versions: 400, seed: 8 });
    for (const total of [600, 20_000]) {
      const sent: number[] = [];
      const build = (texts: BlockTexts): Promise<TrigramBlock> => {
        sent.push(texts.length);
        return Promise.resolve(buildTrigramIndex(textsOf(texts)));
      };
      const instance = render(
        <App
          corpus={{ ...seeds, versions }}
          loading={{ loaded: 400, total, fraction: 400 / total }}
          indexBlocks={build}
          theme={monoTheme}
        />,
      );
      unmount = () => instance.unmount();
      const frame = (): string => instance.lastFrame() ?? '';
      await until(() => frame().includes('1 of 400'), 'the list', frame);
      instance.stdin.write('/');
      await until(() => frame().includes('Type to search'), 'the search box', frame);
      instance.stdin.write('ceasefire');
      const searched = new RegExp(
        `passages in [\\d,]+ of ${total.toLocaleString('en-US')} versions`,
      );
      await until(() => searched.test(frame()), 'a search of what is indexed', frame);
      // Small: the blocks are built here, between keys. Large: on the thread, the first too.
      if (total === 600) expect(sent).toEqual([]);
      else expect(sent.length).toBeGreaterThan(0);
      instance.unmount();
      unmount = undefined;
    }
  });
});

describe.skipIf(!existsSync(LOADER))('story grouping on a thread', () => {
  it('groups with the links the thread finds, and by itself should the thread fail', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gaza-reader-group-thread-'));
    try {
      writeCorpus(dir, { versions: 600, seed: 4 });
      // Read by loader threads, which take each version's sample for grouping.
      const corpus = await openCorpus({ dir }, { workers: 2, loader: LOADER, smallFiles: 10 })
        .finished;
      const count = groupStories(corpus!.versions).stories.length;
      for (const fails of [false, true]) {
        let asked = 0;
        const findLinks: FindLinks = (versions, samples): LinkSearch => {
          asked++;
          if (!fails) {
            return findLinksOnThread(LOADER, versions.length, (i) => samples.of(versions[i]!)!);
          }
          return { links: Promise.reject(new Error('no thread here')), close: () => undefined };
        };
        const instance = render(<App corpus={corpus!} theme={monoTheme} findLinks={findLinks} />);
        unmount = () => instance.unmount();
        const frame = (): string => instance.lastFrame() ?? '';
        await until(() => frame().includes(`600 versions in ${count} stories`), 'grouped', frame);
        expect(asked).toBe(1);
        instance.unmount();
        unmount = undefined;
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
