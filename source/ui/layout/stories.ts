import type { Corpus, Version } from '../../corpus/types.js';
import type { StoryMap } from '../../corpus/stories.js';
import type { LoadProgress } from '../../corpus/stream.js';
import { sanitizeLine } from '../../corpus/sanitize.js';
import { glyphs } from '../../render/glyphs.js';
import { percent, plural, thousands } from '../../render/labels.js';
import { padLine, seg, truncateLine, type Line } from '../../render/line.js';

export interface StoryRows {
  readonly lines: readonly Line[];
  /** Versions in the order the cursor walks them. */
  readonly versions: readonly Version[];
  /** The line of each version in `lines`. */
  readonly versionLines: readonly number[];
  /** Each version's closest other version, as grouping ranked them (null when it has none). */
  readonly closest: readonly (Version | null)[];
  /** Columns of the version names, so the column names line up with them. */
  readonly labelWidth: number;
}

/** How two versions' similarity is shown: compare's `stats.similarity`, from 0 to 1. */
export type Similarity = (a: Version, b: Version) => number;

/** One version's row; its closest version's figure is filled in only for rows on screen. */
function versionLine(
  version: Version,
  closest: Version | null,
  figure: number | null,
  labels: ReadonlyMap<string, string>,
  labelWidth: number,
): Line {
  const name = (v: Version): string => labels.get(v.id) ?? v.id;
  const near = closest
    ? `${glyphs().near}${name(closest)}${figure === null ? '' : ' ' + percent(figure)}`.padEnd(
        labelWidth + 6,
      )
    : ''.padEnd(labelWidth + 6);
  return [
    seg('  '),
    seg(name(version).padEnd(labelWidth), 'accent'),
    seg('  ' + (version.date ?? glyphs().none).padEnd(10), 'dim'),
    seg(String(version.words).padStart(6) + 'w', 'dim'),
    seg('  ' + near, 'dim'),
    seg('  ' + version.title),
  ];
}

/**
 * The stories list: a heading per story, then its versions. The closest version is named here;
 * its similarity is costly (a full comparison), so `visibleStoryLines` adds it for the rows shown.
 */
export function layoutStories(
  corpus: Corpus,
  stories: StoryMap | null,
  labels: ReadonlyMap<string, string>,
  width: number,
): StoryRows {
  const lines: Line[] = [];
  const versions: Version[] = [];
  const versionLines: number[] = [];
  const closestOf: (Version | null)[] = [];
  const byId = new Map(corpus.versions.map((v) => [v.id, v]));
  const groups = stories ? stories.stories : [{ id: '', title: '', versions: corpus.versions }];
  const labelWidth = Math.max(3, ...corpus.versions.map((v) => (labels.get(v.id) ?? v.id).length));
  for (const story of groups) {
    if (stories) {
      if (lines.length > 0) lines.push([]);
      const count = story.versions.length;
      lines.push(
        truncateLine(
          [
            seg(glyphs().bar, 'accent'),
            seg(`${plural(count, 'version')} ${glyphs().dot} `, 'dim'),
            seg(story.title, 'heading'),
          ],
          width,
        ),
      );
    }
    for (const version of story.versions) {
      const neighbour = stories?.closest.get(version.id);
      const closest = neighbour ? (byId.get(neighbour.id) ?? null) : null;
      versionLines.push(lines.length);
      versions.push(version);
      closestOf.push(closest);
      lines.push(versionLine(version, closest, null, labels, labelWidth));
    }
  }
  return { lines, versions, versionLines, closest: closestOf, labelWidth };
}

/** The lines from `top`, `height` of them, with the closest versions' similarity filled in. */
export function visibleStoryLines(
  rows: StoryRows,
  top: number,
  height: number,
  labels: ReadonlyMap<string, string>,
  similarity: Similarity,
): Line[] {
  const out = rows.lines.slice(top, top + height);
  // The first version at or after `top`: versions' lines ascend.
  let v = rows.versionLines.findIndex((line) => line >= top);
  if (v < 0) return out;
  for (; v < rows.versions.length && rows.versionLines[v]! < top + height; v++) {
    const version = rows.versions[v]!;
    const closest = rows.closest[v] ?? null;
    if (!closest) continue;
    out[rows.versionLines[v]! - top] = versionLine(
      version,
      closest,
      similarity(version, closest),
      labels,
      rows.labelWidth,
    );
  }
  return out;
}

/** The column names above the list, lined up with its rows. */
export function storiesColumns(labelWidth: number): Line {
  return [
    seg(
      '  ' +
        'id'.padEnd(labelWidth) +
        '  ' +
        'date'.padEnd(10) +
        'words'.padStart(7) +
        '  ' +
        'closest'.padEnd(labelWidth + 6) +
        '  title',
      'dim',
    ),
  ];
}

/** The warnings above the list: the first two, then how many more. */
export function storiesWarnings(corpus: Corpus): Line[] {
  const warnings: Line[] = corpus.warnings
    .slice(0, 2)
    .map((w) => [seg('⚠ ' + w.message, 'warning')]);
  if (corpus.warnings.length > 2) {
    warnings.push([seg(`⚠ and ${corpus.warnings.length - 2} more skipped files`, 'warning')]);
  }
  return warnings;
}

/** Rows of the list in a pane `height` rows tall: less its heading, column names and warnings. */
export function storyListHeight(corpus: Corpus, height: number): number {
  return Math.max(1, height - 2 - storiesWarnings(corpus).length);
}

/** "loading 12,345 of 100,000", or "loading 12,345 versions (40%)" when the total is not known. */
export function loadingText({ loaded, total, fraction }: LoadProgress): string {
  const count = thousands(loaded);
  return total === null
    ? `loading ${count} version${loaded === 1 ? '' : 's'} (${Math.floor(fraction * 100)}%)${glyphs().ellipsis}`
    : `loading ${count} of ${thousands(total)}${glyphs().ellipsis}`;
}

export interface StoriesPaneInput {
  readonly corpus: Corpus;
  /** The list's lines on screen (see state/stories.ts). */
  readonly lines: readonly Line[];
  readonly labelWidth: number;
  /** Stories found, once grouping is done; null until then. */
  readonly storyCount: number | null;
  /** How far loading has gone, while the corpus streams in. */
  readonly loading: LoadProgress | null;
  /** The cursor's row among `lines`, or -1 when it is not on screen. */
  readonly selectedRow: number;
  readonly width: number;
}

/**
 * The Stories pane's lines: its heading (title, column names and warnings, fixed above the list)
 * and the list's lines on screen, the cursor's row highlighted. The pane draws them with Ink; the
 * first frame (ui/first-frame.ts) draws the same lines before Ink is loaded.
 */
export function storiesPaneLines(input: StoriesPaneInput): { heading: Line[]; list: Line[] } {
  const { corpus, storyCount, loading, width } = input;
  const count = corpus.versions.length;
  const { dot, ellipsis } = glyphs();
  const title: Line = [
    seg('Stories', 'heading'),
    seg(
      (loading
        ? `  ${loadingText(loading)}`
        : `  ${thousands(count)} version${count === 1 ? '' : 's'}`) +
        (loading
          ? ''
          : storyCount === null
            ? ` ${dot} grouping${ellipsis}`
            : ` in ${thousands(storyCount)} stor${storyCount === 1 ? 'y' : 'ies'}`) +
        ` ${dot} ${corpus.bundled ? 'bundled seeds' : sanitizeLine(corpus.dir)}`,
      'dim',
    ),
  ];
  const list = input.lines.map((line, i) =>
    i === input.selectedRow
      ? padLine(
          line.map((s) => seg(s.text, 'selected')),
          width,
          'selected',
        )
      : line,
  );
  return {
    heading: [title, storiesColumns(input.labelWidth), ...storiesWarnings(corpus)],
    list,
  };
}
