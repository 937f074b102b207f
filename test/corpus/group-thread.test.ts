/** Story grouping's samples compared on a thread of their own, as the reader compares them. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateVersions } from '../../bench/generate.js';
import { findLinksOnThread } from '../../source/corpus/group-thread.js';
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
    const links = await findLinksOnThread(SCRIPT, samples).links;
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
    const search = findLinksOnThread(SCRIPT, samples);
    search.close();
    await expect(search.links).rejects.toThrow(/closed/);
  });
});
