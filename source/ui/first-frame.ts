/**
 * The reader's first screen, laid out without Ink or React: the Stories list of a corpus read
 * whole, as the reader first shows it (stories not grouped yet, the cursor on the first version).
 * The same pure layout the Stories pane and the status bar draw with Ink makes its lines, so the
 * bin can put this screen on the terminal while the reader's bundle loads, and Ink's first frame,
 * the same screen, then costs the terminal nothing (test/ui/first-frame.test.tsx proves them
 * equal).
 */
import type { Corpus } from '../corpus/types.js';
import { shortLabels } from '../corpus/labels.js';
import { ansiLine } from '../render/ansi.js';
import { glyphs } from '../render/glyphs.js';
import { lineText, truncateLine, type Line } from '../render/line.js';
import { hintsFor } from './keymap.js';
import { layoutStories, storiesPaneLines, storiesWhere } from './layout/stories.js';
import { statusLine } from './layout/status.js';
import type { Context } from './state/context.js';
import type { Layouts } from './state/layouts.js';
import { initialStories, selectStories } from './state/stories.js';
import type { Theme } from './theme.js';

/**
 * The smallest terminal the reader lays out in (app.tsx's MIN_COLUMNS and MIN_ROWS, which the
 * test checks): below it the reader says the terminal is too small, and there is no list to draw.
 */
export const FIRST_SCREEN_MIN = { columns: 40, rows: 10 } as const;

export interface ScreenSize {
  readonly columns: number;
  readonly rows: number;
}

/**
 * The lines of the reader's first screen on a whole corpus, top to bottom: the Stories pane, then
 * the status line. Null where the reader would first show something else (a terminal too small).
 */
export function firstScreenLines(corpus: Corpus, size: ScreenSize): Line[] | null {
  const { columns: width, rows } = size;
  if (width < FIRST_SCREEN_MIN.columns || rows < FIRST_SCREEN_MIN.rows) return null;
  const paneHeight = Math.max(1, rows - 1);
  const labels = shortLabels(corpus.versions);
  // What selectStories reads of the reader's layouts, before any story is grouped: no version
  // has a closest one yet, so no similarity is ever asked for.
  const layouts: Pick<Layouts, 'corpus' | 'labels' | 'storyRows' | 'knownSimilarity'> = {
    corpus,
    labels,
    storyRows: (stories, w) => layoutStories(corpus, stories, labels, w),
    knownSimilarity: () => null,
  };
  // The state's other fields (search, help) are not read on the way to the list.
  const ctx = { layouts, stories: null, width, paneHeight } as unknown as Context;
  const view = selectStories(initialStories, ctx);
  const { heading, list } = storiesPaneLines({
    corpus,
    lines: view.lines,
    labelWidth: view.labelWidth,
    storyCount: null,
    loading: null,
    selectedRow: view.selectedRow,
    width,
  });
  const listHeight = Math.max(1, paneHeight - heading.length);
  const body: Line[] = [...heading];
  for (let i = 0; i < listHeight; i++) body.push(list[i] ?? []);
  const label = view.version ? (labels.get(view.version.id) ?? view.version.id) : glyphs().none;
  const where = storiesWhere(label, view.position, view.count);
  // No history yet: no "back".
  const hints = hintsFor('stories').filter((h) => h.hint !== 'back');
  return [...body, statusLine(where, null, hints, width)];
}

/**
 * Lines as one frame, the way Ink writes the reader's frames: each line cut to the width, its
 * tones as SGR codes (none when `styled` is false: Ink's colour support found none), one text line
 * a row. The frame writer (terminal/frames.ts) turns it into bytes for the terminal.
 */
export function frameText(lines: readonly Line[], theme: Theme, width: number, styled: boolean) {
  return lines
    .map((line) => {
      const cut = truncateLine(line, width);
      return styled ? ansiLine(cut, theme) : lineText(cut);
    })
    .join('\n');
}
