import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../source/corpus/load.js';
import { groupStories, type Story, type StoryMap } from '../../../source/corpus/stories.js';
import { shortLabels } from '../../../source/corpus/labels.js';
import { lineText } from '../../../source/render/line.js';
import { overviewGeometry, StoryLayouts } from '../../../source/ui/layout/story.js';
import { openStoryState, type StoryViewState } from '../../../source/ui/state/story.js';

/** The story view's layout selector: a collation, a state and a size in, lines out. */

let stories: StoryMap;
let story: Story;
let layouts: StoryLayouts;
beforeAll(() => {
  const versions = loadCorpus().versions;
  stories = groupStories(versions);
  story = stories.stories[0]!;
  layouts = new StoryLayouts(false, shortLabels(versions), true);
});

const ids = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => String(i).padStart(3, '0'));
const same = (id: string): string => id;

/** Lay out the story at a size, its collation built at once. */
function laidOut(state: StoryViewState, width = 100, height = 22) {
  layouts.collations.want(story);
  while (layouts.collations.busy()) layouts.collations.step(50);
  const input = layouts.input(stories, story.id, width, height)!;
  return layouts.layout(input, state);
}

describe('the story view layout', () => {
  it('fits 8 version columns in 80 columns, 20 in 200, and fewer of 20 in 80', () => {
    expect(overviewGeometry(ids(8), 40, same, 80).columnsFit).toBe(8);
    expect(overviewGeometry(ids(20), 40, same, 200).columnsFit).toBe(20);
    const narrow = overviewGeometry(ids(20), 40, same, 80).columnsFit;
    expect(narrow).toBeGreaterThan(5);
    expect(narrow).toBeLessThan(20);
    // However narrow, one column shows.
    expect(overviewGeometry(ids(20), 40, same, 20).columnsFit).toBe(1);
  });

  it('shows progress while the story aligns', () => {
    const fresh = new StoryLayouts(false, new Map(), true);
    const input = fresh.input(stories, story.id, 80, 22)!;
    expect(input.collation).toBeNull();
    const text = fresh.layout(input, openStoryState(story.id)).lines.map(lineText).join('\n');
    expect(text).toMatch(/0 of 4 alignments/);
    fresh.collations.want(story);
    fresh.collations.step(0);
    const later = fresh.input(stories, story.id, 80, 22)!;
    expect(later.progress).toEqual({ done: 0, total: 4 });
  });

  it('draws one line per row in view, cells as marks, cut to the width', () => {
    const layout = laidOut(openStoryState(story.id), 100, 22);
    const header = layout.header.map(lineText);
    expect(header[1]).toMatch(/^5 versions · 31 rows, 31 where versions differ · rows follow 000/);
    expect(header[3]).toMatch(/row +share +000 003 001 002 004 +reading/);
    expect(layout.lines).toHaveLength(22 - 4);
    expect(lineText(layout.lines[0]!)).toMatch(/^▶ +1 +1\/5 {3}\. {3}\. {3}\. {3}\. {3}= /);
    for (const line of layout.lines) expect(lineText(line).length).toBeLessThanOrEqual(100);
    expect(layout.where).toBe('Story · row 1 of 31 · versions 1–5 of 5');
  });

  it('lays out the variants, fingerprints and changes of a phrase', () => {
    const variants = laidOut({ ...openStoryState(story.id), mode: 'variants', row: 29 });
    const text = variants.lines.map(lineText).join('\n');
    expect(text).toContain('= 000 ¶17, 001 ¶14');
    expect(text).toContain('[-militant-] {+resistance+}');
    const prints = laidOut({ ...openStoryState(story.id), mode: 'fingerprints' });
    expect(prints.lines.map((l) => lineText(l).slice(0, 3))).toEqual([
      '000',
      '003',
      '001',
      '002',
      '004',
    ]);
    const found = laidOut({ ...openStoryState(story.id), mode: 'find', phrase: 'genocidal' });
    expect(lineText(found.lines[0]!)).toBe('Inserted by 2 versions, removed by 0 versions');
    expect(found.where).toBe('Story · “genocidal”');
  });
});

describe('the story view after a resize', () => {
  it('keeps the cursor row and column in view', () => {
    const state = { ...openStoryState(story.id), row: 25, top: 20, column: 4, left: 0 };
    const short = laidOut(state, 40, 10);
    expect(short.lines.some((l) => lineText(l).startsWith('▶'))).toBe(true);
    expect(short.where).toMatch(/row 26 of 31 · versions \d–5 of 5/);
  });
});
