/**
 * The story view laid out: what each of its modes shows, as lines of toned segments, and the
 * geometry the reducer needs (version columns that fit, rows in view). Pure: a collation, a state
 * and a size in; lines out.
 */
import { cellMark, phraseChanges } from '../../collate/index.js';
import type { Collation, CollateProgress, CollationRow } from '../../collate/types.js';
import type { Story, StoryMap } from '../../corpus/stories.js';
import { changeLines, fingerprintLine, flat, rowLines } from '../../render/collation.js';
import { glyphs } from '../../render/glyphs.js';
import { plural } from '../../render/labels.js';
import { append, padLine, seg, truncateLine, type Line, type Segment } from '../../render/line.js';
import type { Tone } from '../../render/theme.js';
import { Collations } from '../state/collations.js';
import type { StoryFrame, StoryViewState } from '../state/story.js';
import { follow } from './scroll.js';

/** Columns a version's name takes at most in the overview. */
const MAX_LABEL = 7;
/** Columns the overview keeps for the reading's excerpt, at least. */
const MIN_READING = 16;

/** The tone of a cell's mark: same quiet, changed, moved and absent each in a color of its own. */
export const MARK_TONES: Readonly<Record<ReturnType<typeof cellMark>, Tone>> = {
  '=': 'dim',
  '~': 'warning',
  '>': 'moved',
  '.': 'delete',
};

export interface OverviewGeometry {
  /** Columns of a version's name (and its mark). */
  readonly labelWidth: number;
  /** Digits of the row numbers. */
  readonly digits: number;
  /** Columns of the share ("12/20"). */
  readonly shareWidth: number;
  /** Version columns that fit beside each other. */
  readonly columnsFit: number;
}

export function overviewGeometry(
  versions: readonly string[],
  rows: number,
  label: (id: string) => string,
  width: number,
): OverviewGeometry {
  const labelWidth = Math.min(MAX_LABEL, Math.max(3, ...versions.map((id) => label(id).length)));
  const digits = Math.max(3, String(rows).length);
  const shareWidth = `${versions.length}/${versions.length}`.length;
  // The cursor mark, the row number, the share, the scroll marks either side of the columns.
  const fixed = 2 + digits + 2 + shareWidth + 2 + 2;
  const fit = Math.floor((width - fixed - MIN_READING) / (labelWidth + 1));
  return {
    labelWidth,
    digits,
    shareWidth,
    columnsFit: Math.max(1, Math.min(versions.length, fit)),
  };
}

/** Lines above the scrolling part: the title and what is shown, the legend and column names. */
export function headerHeight(state: StoryViewState): number {
  return (state.mode === 'overview' ? 4 : 2) + (state.query !== null ? 1 : 0);
}

export interface StoryInput {
  readonly story: Story;
  readonly collation: Collation | null;
  readonly progress: CollateProgress | null;
  readonly label: (id: string) => string;
  readonly width: number;
  /** Rows for the whole pane. */
  readonly height: number;
  /** Mark changes in the text, for a terminal without color. */
  readonly markers: boolean;
}

export interface StoryLayout {
  readonly header: readonly Line[];
  /** The scrolling part, from `top`. */
  readonly lines: readonly Line[];
  readonly top: number;
  /** Where the reader is, for the status line. */
  readonly where: string;
}

const centre = (text: string, width: number): string => {
  const before = Math.floor((width - text.length) / 2);
  return ' '.repeat(Math.max(0, before)) + text.padEnd(width - Math.max(0, before));
};

/** The story with this id. */
export function findStory(stories: StoryMap | null, id: string): Story | undefined {
  return stories?.stories.find((story) => story.id === id);
}

/** The story a version belongs to. */
export function storyOf(stories: StoryMap | null, versionId: string): Story | undefined {
  return stories?.stories.find((story) => story.versions.some((v) => v.id === versionId));
}

/**
 * The story view's layouts and the collations they show, each story collated once when first
 * asked for; the long texts of the modes are kept from one frame to the next.
 */
export class StoryLayouts {
  readonly collations: Collations;
  private readonly texts = new WeakMap<Collation, Map<string, Line[]>>();

  constructor(
    exact: boolean,
    private readonly labels: ReadonlyMap<string, string>,
    private readonly markers: boolean,
  ) {
    this.collations = new Collations(exact);
  }

  /** A version's short name. */
  readonly label = (id: string): string => this.labels.get(id) ?? id;

  /** What the view of a story shows at this size, with its collation if it is ready. */
  input(stories: StoryMap | null, id: string, width: number, height: number): StoryInput | null {
    const story = findStory(stories, id);
    if (!story) return null;
    return {
      story,
      collation: this.collations.get(story),
      progress: this.collations.progress(story),
      label: this.label,
      width,
      height,
      markers: this.markers,
    };
  }

  /** The text a mode shows (variants, fingerprints, phrase changes), laid out once per width. */
  text(input: StoryInput, state: StoryViewState): Line[] {
    const { collation, width, label, markers } = input;
    if (!collation || state.mode === 'overview') return [];
    const key = `${state.mode}\u0000${width}\u0000${state.mode === 'variants' ? state.row : state.mode === 'find' ? state.phrase : ''}`;
    let cache = this.texts.get(collation);
    if (!cache) this.texts.set(collation, (cache = new Map()));
    let lines = cache.get(key);
    if (!lines) {
      lines = modeText(collation, state, label, width, markers);
      if (cache.size > 64) cache.clear();
      cache.set(key, lines);
    }
    return lines;
  }

  /** What the reducer needs to know of the view on screen. */
  frame(input: StoryInput, state: StoryViewState): StoryFrame {
    const { collation, story, label, width, height } = input;
    const ids = story.versions.map((v) => v.id);
    const geometry = overviewGeometry(ids, collation?.rows.length ?? 0, label, width);
    const body = Math.max(1, height - headerHeight(state));
    return {
      rows: collation?.rows ?? null,
      versions: ids.length,
      columnsFit: geometry.columnsFit,
      listHeight: body,
      textHeight: body,
      textLength: (s) => this.text(input, s).length,
    };
  }

  layout(input: StoryInput, state: StoryViewState): StoryLayout {
    const { story, collation, progress, label, width, height } = input;
    const ids = story.versions.map((v) => v.id);
    const geometry = overviewGeometry(ids, collation?.rows.length ?? 0, label, width);
    const body = Math.max(1, height - headerHeight(state));
    const header: Line[] = [truncateLine([seg(flat(story.title), 'heading')], width)];
    const prompt: Line[] =
      state.query === null
        ? []
        : [
            truncateLine(
              [
                seg('/', 'accent'),
                seg(state.query),
                seg(' ', 'selected'),
                seg(
                  `  Enter: the versions that inserted or removed it ${glyphs().dot} Esc cancels`,
                  'dim',
                ),
              ],
              width,
            ),
          ];
    if (!collation) {
      const done = progress?.done ?? 0;
      const total = progress?.total ?? Math.max(0, ids.length - 1);
      header.push(
        truncateLine(
          [
            seg(
              `${plural(ids.length, 'version')} ${glyphs().dot} aligning each to the most central${glyphs().ellipsis}`,
              'dim',
            ),
          ],
          width,
        ),
      );
      if (state.mode === 'overview') header.push([], []);
      header.push(...prompt);
      const barWidth = Math.max(10, Math.min(40, width - 20));
      const filled = total === 0 ? barWidth : Math.round((barWidth * done) / total);
      const lines: Line[] = [
        [],
        [
          seg('  '),
          seg('█'.repeat(filled), 'accent'),
          seg('░'.repeat(barWidth - filled), 'dim'),
          seg(`  ${done} of ${plural(total, 'alignment')}`),
        ],
      ];
      return { header, lines, top: 0, where: `Story ${glyphs().dot} aligning ${done} of ${total}` };
    }
    const rows = collation.rows;
    const differ = rows.filter((r) => r.varies).length;
    if (state.mode === 'overview') {
      // After a resize, the cursor's column and row stay in view.
      const left = follow(
        state.left,
        state.column,
        state.column + 1,
        geometry.columnsFit,
        ids.length,
      );
      const shown = ids.slice(left, left + geometry.columnsFit);
      const right = left + shown.length;
      header.push(
        truncateLine(
          [
            seg(
              `${plural(ids.length, 'version')} ${glyphs().dot} ${plural(rows.length, 'row')}, ${differ} where versions differ ${glyphs().dot} rows follow `,
              'dim',
            ),
            seg(label(collation.central), 'accent'),
          ],
          width,
        ),
      );
      const legend: Segment[] = [
        seg('=', MARK_TONES['=']),
        seg(' same  '),
        seg('~', MARK_TONES['~']),
        seg(' changed  '),
        seg('>', MARK_TONES['>']),
        seg(' moved  '),
        seg('.', MARK_TONES['.']),
        seg(' absent'),
      ];
      if (shown.length < ids.length) {
        legend.push(
          seg(
            ` ${glyphs().dot} versions ${left + 1}${glyphs().range}${right} of ${ids.length}, h/l scroll sideways`,
            'dim',
          ),
        );
      }
      header.push(truncateLine(legend, width));
      const names: Segment[] = [
        seg(
          `  ${'row'.padStart(geometry.digits)}  ${'share'.padStart(geometry.shareWidth)} `,
          'dim',
        ),
        seg(left > 0 ? glyphs().moreLeft : ' ', 'accent'),
      ];
      shown.forEach((id, k) => {
        const name = truncateLine([seg(label(id))], geometry.labelWidth, '')[0]?.text ?? '';
        names.push(
          seg(centre(name, geometry.labelWidth), left + k === state.column ? 'selected' : 'accent'),
          seg(' '),
        );
      });
      names.push(
        seg(right < ids.length ? glyphs().moreRight : ' ', 'accent'),
        seg(' reading', 'dim'),
      );
      header.push(truncateLine(names, width));
      header.push(...prompt);
      const top = follow(state.top, state.row, state.row + 1, body, rows.length);
      const lines: Line[] = [];
      for (let r = top; r < Math.min(rows.length, top + body); r++) {
        lines.push(
          overviewLine(rows[r]!, r, r === state.row, shown, left, right, ids, geometry, width),
        );
      }
      return {
        header,
        lines,
        top: 0,
        where: `Story ${glyphs().dot} row ${state.row + 1} of ${rows.length} ${glyphs().dot} versions ${left + 1}${glyphs().range}${right} of ${ids.length}`,
      };
    }
    const text = this.text(input, state);
    const top = Math.min(state.scroll, Math.max(0, text.length - body));
    let heading: Line;
    let where: string;
    if (state.mode === 'variants') {
      heading = [
        seg(`Variants of row ${state.row + 1} of ${rows.length}`, 'accent'),
        seg(
          ` ${glyphs().dot} ] and [: the next and previous rows where versions differ ${glyphs().dot} Esc: overview`,
          'dim',
        ),
      ];
      where = `Story ${glyphs().dot} variants of row ${state.row + 1}`;
    } else if (state.mode === 'fingerprints') {
      heading = [
        seg('Fingerprints against the readings', 'accent'),
        seg(
          ` ${glyphs().dot} words inserted and deleted, passages added, dropped and moved`,
          'dim',
        ),
      ];
      where = `Story ${glyphs().dot} fingerprints`;
    } else {
      heading = [
        seg(
          `Changes to ${glyphs().open}${flat(state.phrase)}${glyphs().close} in this story`,
          'accent',
        ),
      ];
      where = `Story ${glyphs().dot} ${glyphs().open}${flat(state.phrase)}${glyphs().close}`;
    }
    header.push(truncateLine(heading, width), ...prompt);
    return { header, lines: text, top, where };
  }
}

function overviewLine(
  row: CollationRow,
  r: number,
  here: boolean,
  shown: readonly string[],
  left: number,
  right: number,
  ids: readonly string[],
  geometry: OverviewGeometry,
  width: number,
): Line {
  const lead = `${String(r + 1).padStart(geometry.digits)}  ${`${row.carriers}/${ids.length}`.padStart(geometry.shareWidth)}`;
  const out: Segment[] = [
    seg(here ? `${glyphs().selected} ` : '  ', 'accent'),
    seg(lead, here ? 'selected' : row.varies ? 'plain' : 'dim'),
    seg(' '),
    seg(left > 0 ? glyphs().moreLeft : ' ', 'dim'),
  ];
  shown.forEach((_, k) => {
    const mark = cellMark(row.cells[left + k]!);
    out.push(seg(centre(mark, geometry.labelWidth), MARK_TONES[mark]), seg(' '));
  });
  out.push(seg(right < ids.length ? glyphs().moreRight : ' ', 'dim'), seg(' '));
  out.push(seg(flat(row.reading).slice(0, width * 2), row.varies ? 'plain' : 'dim'));
  return here ? padLine(out, width) : truncateLine(out, width);
}

function modeText(
  collation: Collation,
  state: StoryViewState,
  label: (id: string) => string,
  width: number,
  markers: boolean,
): Line[] {
  const total = collation.versions.length;
  if (state.mode === 'variants') {
    const row = collation.rows[state.row];
    return row ? rowLines(row, state.row, total, label, { width, markers }) : [];
  }
  if (state.mode === 'fingerprints') {
    const idWidth = Math.max(3, ...collation.versions.map((id) => label(id).length));
    return collation.fingerprints.map((f) => fingerprintLine(f, label, idWidth, width));
  }
  const changes = phraseChanges(collation, state.phrase);
  if (changes.length === 0) {
    return [
      [
        seg(
          `No version inserted or removed ${glyphs().open}${flat(state.phrase)}${glyphs().close} in this story.`,
          'dim',
        ),
      ],
    ];
  }
  const count = (change: 'inserted' | 'removed'): number =>
    new Set(changes.filter((c) => c.change === change).map((c) => c.version)).size;
  const lines: Line[] = [
    truncateLine(
      [
        seg('Inserted by '),
        seg(plural(count('inserted'), 'version'), 'insert'),
        seg(', removed by '),
        seg(plural(count('removed'), 'version'), 'delete'),
      ],
      width,
    ),
  ];
  for (const change of changes) {
    lines.push([]);
    append(lines, changeLines(change, collation, label, width, markers));
  }
  return lines;
}
