import { beforeAll, describe, expect, it } from 'vitest';
import { collate } from '../../../source/collate/index.js';
import type { Collation } from '../../../source/collate/types.js';
import { loadCorpus } from '../../../source/corpus/load.js';
import { shortLabels } from '../../../source/corpus/labels.js';
import { groupStories, type Story } from '../../../source/corpus/stories.js';
import { lineText } from '../../../source/render/line.js';
import { buildSearchIndex } from '../../../source/search/index.js';
import type { SearchHit } from '../../../source/search/types.js';
import {
  hitRow,
  previewLines,
  previewPlacement,
  storyOfHit,
} from '../../../source/ui/layout/preview.js';
import { storyOf } from '../../../source/ui/layout/story.js';
import { generateVersions } from '../../../bench/generate.js';

/** Search's preview without Ink: where it goes, and what it shows of a hit. */

let story: Story;
let collation: Collation;
let hayya: SearchHit;
let label: (id: string) => string;
beforeAll(() => {
  const versions = loadCorpus().versions;
  story = groupStories(versions).stories[0]!;
  collation = collate(story.versions);
  hayya = buildSearchIndex(versions).search('Khalil al-Hayya legitimate right')[0]!;
  const labels = shortLabels(versions);
  label = (id) => labels.get(id) ?? id;
});

describe('the search preview', () => {
  it("finds each hit's story: the story its first version is in, none before grouping", () => {
    const versions = [...loadCorpus().versions, ...generateVersions({ versions: 60, seed: 5 })];
    const stories = groupStories(versions);
    const index = buildSearchIndex(versions);
    const hits = ['ceasefire', 'hostages', 'Rafah crossing', 'Witkoff'].flatMap((q) =>
      index.search(q, { limit: 20 }),
    );
    expect(hits.length).toBeGreaterThan(20);
    for (const hit of hits) {
      const story = storyOfHit(stories, hit);
      expect(story).toBe(storyOf(stories, hit.versions[0]!.id));
      expect(story?.versions.map((v) => v.id)).toContain(hit.versions[0]!.id);
    }
    expect(storyOfHit(null, hits[0])).toBeUndefined();
    expect(storyOfHit(stories, undefined)).toBeUndefined();
  });

  it('stands beside the results from 100 columns, below them when tall, else nowhere', () => {
    expect(previewPlacement(150, 40)).toMatchObject({ where: 'beside', listWidth: 67 });
    expect(previewPlacement(100, 22).where).toBe('beside');
    expect(previewPlacement(99, 22).where).toBe('none');
    expect(previewPlacement(80, 40)).toMatchObject({
      where: 'below',
      listHeight: 20,
      previewHeight: 20,
    });
  });

  it("finds the hit's row: the al-Hayya passage, which 000 to 003 carry", () => {
    const r = hitRow(collation, hayya);
    const row = collation.rows[r]!;
    expect(row.reading).toContain('al-Hayya');
    expect(row.cells.filter((c) => c.state !== 'absent').map((c) => c.version.slice(0, 3))).toEqual(
      ['000', '003', '001', '002'],
    );
  });

  it('shows the passage in every version, changes marked, absent versions named, cut to its size', () => {
    const input = {
      hit: hayya,
      story,
      collation,
      progress: null,
      label,
      width: 80,
      height: 14,
      markers: true,
    };
    const beside = previewLines(input, 'beside').map(lineText);
    expect(beside).toHaveLength(14);
    for (const line of beside) {
      expect(line.startsWith('│ ')).toBe(true);
      expect(line.length).toBeLessThanOrEqual(80);
    }
    const text = beside.join('\n');
    expect(text).toContain('= 000 ¶17, 001 ¶14');
    expect(text).toContain('~ 003 ¶9 moved');
    expect(text).toContain('{+resistance+}');
    // Too long for 14 lines: the last line says there is more.
    expect(beside.at(-1)).toBe('│ …');
    const below = previewLines({ ...input, height: 40 }, 'below').map(lineText);
    expect(below[0]).toBe('─'.repeat(80));
    expect(below.join('\n')).toMatch(/^ {2}\. 004$/m);
    const aligning = previewLines({ ...input, collation: null }, 'beside').map(lineText);
    expect(aligning[0]).toContain("Aligning the story's 5 versions… 0 of 4");
  });
});
