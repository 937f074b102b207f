import type { Corpus, Version } from '../../corpus/types.js';
import type { StoryMap } from '../../corpus/stories.js';
import type { LoadProgress } from '../../corpus/stream.js';
import { sanitizeLine } from '../../corpus/sanitize.js';
import { glyphs } from '../../render/glyphs.js';
import { percent, plural, thousands } from '../../render/labels.js';
import { padLine, seg, truncateLine, type Line } from '../../render/line.js';
import { finishSteps } from '../../text/steps.js';

/**
 * The stories list, laid out a line at a time as lines are shown: a corpus of 100,000 versions
 * has as many lines, and only a screenful is ever drawn.
 */
export interface StoryRows {
  /** How many lines the list has. */
  readonly count: number;
  /** Line i of the list (from 0 to count - 1), without the closest version's similarity. */
  line(i: number): Line;
  /** Versions in the order the cursor walks them. */
  readonly versions: readonly Version[];
  /** The line of each version, ascending. */
  readonly versionLines: Int32Array;
  /** Version v's closest other version, as grouping ranked them (null when it has none). */
  closest(v: number): Version | null;
  /** Columns of the version names, so the column names line up with them. */
  readonly labelWidth: number;
}

/**
 * How two versions' similarity is shown: compare's `stats.similarity`, from 0 to 1; null while it
 * is not known yet (the row shows the closest version without its figure).
 */
export type Similarity = (a: Version, b: Version) => number | null;

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

/** A line of the list that is not a version's: the blank line between two stories. */
const GAP = -1;

/** The name column's width, by a corpus's versions and their names: measured once. */
const labelWidths = new WeakMap<readonly Version[], WeakMap<ReadonlyMap<string, string>, number>>();

/** Versions measured between two yields of labelWidthSteps. */
const MEASURED_PER_STEP = 4096;

/**
 * The width of the Stories list's name column: the longest name of a version (its label, else its
 * id), at least 3. A generator, so that the names of a large corpus can be measured between keys
 * (at 100,000 versions, 15 ms or more) before the frame that shows them; measured once.
 */
export function* labelWidthSteps(
  versions: readonly Version[],
  labels: ReadonlyMap<string, string>,
): Generator<void, number> {
  const known = labelWidths.get(versions)?.get(labels);
  if (known !== undefined) return known;
  let width = 3;
  for (let i = 0; i < versions.length; i++) {
    const version = versions[i]!;
    width = Math.max(width, (labels.get(version.id) ?? version.id).length);
    if (i % MEASURED_PER_STEP === MEASURED_PER_STEP - 1) yield;
  }
  let byLabels = labelWidths.get(versions);
  if (!byLabels) labelWidths.set(versions, (byLabels = new WeakMap()));
  byLabels.set(labels, width);
  return width;
}

/** labelWidthSteps, all at once (at once too, when measured already). */
export function labelWidthOf(
  versions: readonly Version[],
  labels: ReadonlyMap<string, string>,
): number {
  return finishSteps(labelWidthSteps(versions, labels));
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
  const groups = stories ? stories.stories : null;
  const labelWidth = labelWidthOf(corpus.versions, labels);
  const closest = (version: Version): Version | null =>
    stories?.closest.get(version.id)?.version ?? null;
  if (!groups) {
    // Before grouping: one line a version, in corpus order.
    const { versions } = corpus;
    return {
      count: versions.length,
      line: (i) => versionLine(versions[i]!, null, null, labels, labelWidth),
      versions,
      versionLines: Int32Array.from(versions.keys()),
      closest: () => null,
      labelWidth,
    };
  }
  // What each line shows: a version (its place in `versions`), a story's heading (-2 - its
  // index), or the gap before a heading.
  const versions: Version[] = [];
  const count = groups.reduce((sum, story, i) => sum + story.versions.length + (i > 0 ? 2 : 1), 0);
  const shows = new Int32Array(count);
  const versionLines = new Int32Array(corpus.versions.length);
  let line = 0;
  groups.forEach((story, s) => {
    if (s > 0) shows[line++] = GAP;
    shows[line++] = -2 - s;
    for (const version of story.versions) {
      versionLines[versions.length] = line;
      shows[line++] = versions.length;
      versions.push(version);
    }
  });
  return {
    count,
    line(i) {
      const shown = shows[i]!;
      if (shown >= 0) {
        const version = versions[shown]!;
        return versionLine(version, closest(version), null, labels, labelWidth);
      }
      if (shown === GAP) return [];
      const story = groups[-2 - shown]!;
      return truncateLine(
        [
          seg(glyphs().bar, 'accent'),
          seg(`${plural(story.versions.length, 'version')} ${glyphs().dot} `, 'dim'),
          seg(story.title, 'heading'),
        ],
        width,
      );
    },
    versions,
    versionLines: versionLines.subarray(0, versions.length),
    closest: (v) => closest(versions[v]!),
    labelWidth,
  };
}

/** The first index in an ascending list whose value is at least `value`, or the list's length. */
function firstAtLeast(list: Int32Array, value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The Stories status line's place: the version under the cursor, and where it is in the list. */
export function storiesWhere(label: string, position: number, count: number): string {
  const { dot } = glyphs();
  return `Stories ${dot} ${label} ${dot} ${thousands(position)} of ${thousands(count)}`;
}

/** Lines made for a list of rows, by their place in it (see visibleStoryLines). */
interface MadeLines {
  readonly labels: ReadonlyMap<string, string>;
  /** Each line as the list has it. */
  readonly plain: Map<number, Line>;
  /** A version's line with its closest version's figure, and that figure. */
  readonly figured: Map<number, { readonly figure: number | null; readonly line: Line }>;
}

/**
 * The lines made for each list of rows while the labels stay the same: a key that moves the
 * cursor then hands the pane the very lines it drew before, and only the rows that changed are
 * drawn again (made afresh, every row of the screen was laid out and drawn again for every key).
 * A list laid out anew starts with none.
 */
const madeLines = new WeakMap<StoryRows, MadeLines>();

/** Lines of one list kept at most, a few screens' worth: then they are all let go. */
const MADE_LINES_KEPT = 1024;

/** The lines from `top`, `height` of them, with the closest versions' similarity filled in. */
export function visibleStoryLines(
  rows: StoryRows,
  top: number,
  height: number,
  labels: ReadonlyMap<string, string>,
  similarity: Similarity,
): Line[] {
  let made = madeLines.get(rows);
  if (made?.labels !== labels || made.plain.size + made.figured.size > MADE_LINES_KEPT) {
    made = { labels, plain: new Map(), figured: new Map() };
    madeLines.set(rows, made);
  }
  const { plain, figured } = made;
  const out: Line[] = [];
  for (let i = top; i < Math.min(rows.count, top + height); i++) {
    let line = plain.get(i);
    if (!line) plain.set(i, (line = rows.line(i)));
    out.push(line);
  }
  // The first version at or after `top`: versions' lines ascend.
  for (
    let v = firstAtLeast(rows.versionLines, top);
    v < rows.versions.length && rows.versionLines[v]! < top + height;
    v++
  ) {
    const version = rows.versions[v]!;
    const closest = rows.closest(v);
    if (!closest) continue;
    const figure = similarity(version, closest);
    const at = rows.versionLines[v]!;
    let known = figured.get(at);
    if (known?.figure !== figure) {
      known = { figure, line: versionLine(version, closest, figure, labels, rows.labelWidth) };
      figured.set(at, known);
    }
    out[at - top] = known.line;
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
