/**
 * Search's preview of the selected hit: its passage as every version of its story carries it, the
 * reading first, then each group of versions with its changes against the reading, and the
 * versions that lack it. Shown beside the results where the terminal has 100 columns or more (as
 * fzf does), or below them in a tall narrow one. Pure: a hit and its story's collation in, lines
 * out.
 */
import type { Collation } from '../../collate/types.js';
import type { Story, StoryMap } from '../../corpus/stories.js';
import { glyphs } from '../../render/glyphs.js';
import { flat, rowLines } from '../../render/collation.js';
import { plural } from '../../render/labels.js';
import { seg, truncateLine, type Line } from '../../render/line.js';
import type { SearchHit } from '../../search/types.js';
import { foldForSearch } from '../../text/fold.js';
import { MARK_TONES, type StoryInput } from './story.js';

/** Beside the list from this many columns. */
export const PREVIEW_MIN_WIDTH = 100;
/** Below the list, in a narrower terminal, from this many rows for the pane. */
export const PREVIEW_BELOW_MIN_HEIGHT = 30;

export interface PreviewPlacement {
  readonly where: 'beside' | 'below' | 'none';
  /** The results list's size. */
  readonly listWidth: number;
  readonly listHeight: number;
  /** The preview's size, its divider included. */
  readonly previewWidth: number;
  readonly previewHeight: number;
}

/** Where the preview goes in a search pane of this size, if anywhere. */
export function previewPlacement(width: number, height: number): PreviewPlacement {
  if (width >= PREVIEW_MIN_WIDTH) {
    const listWidth = Math.floor(width * 0.45);
    return {
      where: 'beside',
      listWidth,
      listHeight: height,
      previewWidth: width - listWidth,
      previewHeight: height,
    };
  }
  if (height >= PREVIEW_BELOW_MIN_HEIGHT) {
    const listHeight = Math.floor(height / 2);
    return {
      where: 'below',
      listWidth: width,
      listHeight,
      previewWidth: width,
      previewHeight: height - listHeight,
    };
  }
  return { where: 'none', listWidth: width, listHeight: height, previewWidth: 0, previewHeight: 0 };
}

/** The row of the collation that holds the hit: the first version's paragraph, at the match. */
export function hitRow(collation: Collation, hit: SearchHit): number {
  const place = hit.versions[0];
  if (!place) return -1;
  const v = collation.versions.indexOf(place.id);
  if (v < 0) return -1;
  const rows = collation.rows.flatMap((row, r) =>
    row.cells[v]!.paragraph === place.paragraph ? [r] : [],
  );
  const first = hit.matches[0];
  const needle = first ? foldForSearch(hit.passage.slice(first[0], first[1])) : '';
  const matching = needle
    ? rows.find((r) => foldForSearch(collation.rows[r]!.cells[v]!.text).includes(needle))
    : undefined;
  return matching ?? rows[0] ?? -1;
}

/** Each grouping's stories by version id, made once per grouping. */
const storiesByVersion = new WeakMap<StoryMap, Map<string, Story>>();

/**
 * The story of the hit's first version, once stories are grouped. Looked up in a map made once
 * per grouping: the preview asks on every key, and a search over 10,000 stories took milliseconds.
 */
export function storyOfHit(
  stories: StoryMap | null,
  hit: SearchHit | undefined,
): Story | undefined {
  const place = hit?.versions[0];
  if (!stories || !place) return undefined;
  let byVersion = storiesByVersion.get(stories);
  if (!byVersion) {
    byVersion = new Map();
    for (const story of stories.stories) {
      // The first story that holds a version is its story, as storyOf (layout/story.ts) finds.
      for (const version of story.versions) {
        if (!byVersion.has(version.id)) byVersion.set(version.id, story);
      }
    }
    storiesByVersion.set(stories, byVersion);
  }
  return byVersion.get(place.id);
}

/** What the story view shows (layout/story.ts), for the hit's story, and the hit. */
export interface PreviewInput extends Omit<StoryInput, 'story'> {
  readonly hit: SearchHit | undefined;
  /** The story of the hit's first version, once stories are grouped. */
  readonly story: Story | undefined;
}

/** The preview's lines, its divider included, cut to its size. */
export function previewLines(input: PreviewInput, where: 'beside' | 'below'): Line[] {
  const { hit, story, collation, progress, label, markers, height } = input;
  // Beside the list, a divider and a space take two columns; below it, a rule takes a line.
  const width = where === 'beside' ? input.width - 2 : input.width;
  const rows = where === 'beside' ? height : height - 1;
  let body: Line[];
  if (!hit) body = [[seg('The selected hit shows here in every version of its story.', 'dim')]];
  else if (!story) body = [[seg(`grouping stories${glyphs().ellipsis}`, 'dim')]];
  else if (story.versions.length < 2) {
    body = [
      [
        seg('Only ', 'dim'),
        seg(label(story.versions[0]!.id), 'accent'),
        seg(' carries this story.', 'dim'),
      ],
    ];
  } else if (!collation) {
    const done = progress?.done ?? 0;
    const total = progress?.total ?? story.versions.length - 1;
    body = [
      [
        seg(
          `Aligning the story's ${plural(story.versions.length, 'version')}${glyphs().ellipsis} ${done} of ${total}`,
          'dim',
        ),
      ],
    ];
  } else {
    const r = hitRow(collation, hit);
    const row = collation.rows[r];
    body = [
      [
        seg('Story ', 'heading'),
        seg(`${glyphs().dot} ${plural(story.versions.length, 'version')} ${glyphs().dot} `, 'dim'),
        seg(flat(story.title)),
      ],
      [
        seg('=', MARK_TONES['=']),
        seg(' as the reading  ', 'dim'),
        seg('~', MARK_TONES['~']),
        seg(' changed  ', 'dim'),
        seg('.', MARK_TONES['.']),
        seg(' lack the passage', 'dim'),
      ],
      [],
      ...(row
        ? rowLines(row, r, collation.versions.length, label, { width, markers })
        : [[seg('This passage is not in the collation.', 'dim')]]),
    ];
  }
  const shown = body.slice(0, rows).map((line) => truncateLine(line, width));
  if (body.length > rows && rows > 0) shown[rows - 1] = [seg(glyphs().ellipsis, 'dim')];
  if (where === 'below') return [[seg(glyphs().rule.repeat(input.width), 'gutter')], ...shown];
  const out: Line[] = [];
  for (let i = 0; i < height; i++)
    out.push([seg(`${glyphs().divider} `, 'gutter'), ...(shown[i] ?? [])]);
  return out;
}
