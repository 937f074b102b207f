import type { Line } from '../../render/line.js';
import type { Version } from '../../corpus/types.js';
import { clamp, follow, moveCursor, type Move } from '../layout/scroll.js';
import { storyListHeight, visibleStoryLines } from '../layout/stories.js';
import type { Context } from './context.js';

/** The stories list's model: a cursor on a version, and the first line in view. Pure. */

export interface StoriesState {
  readonly cursor: number;
  readonly top: number;
}

export const initialStories: StoriesState = { cursor: 0, top: 0 };

/** Rows of the list under its heading and warnings. */
export function storiesListHeight(ctx: Context): number {
  return storyListHeight(ctx.layouts.corpus, ctx.paneHeight);
}

/** The version under the cursor. */
export function storiesVersion(stories: StoriesState, ctx: Context): Version | undefined {
  return ctx.layouts.storyRows(ctx.stories, ctx.width).versions[stories.cursor];
}

/** Move the cursor, scrolling only when it would leave the window. */
export function moveStories(stories: StoriesState, ctx: Context, step: Move): StoriesState {
  const rows = ctx.layouts.storyRows(ctx.stories, ctx.width);
  const height = storiesListHeight(ctx);
  const cursor = moveCursor(stories.cursor, step, height, rows.versions.length);
  const line = rows.versionLines[cursor] ?? 0;
  // Keep a story's heading in view when the cursor reaches its first version.
  const start = line > 0 && rows.line(line - 1).length > 0 ? line - 1 : line;
  const top = follow(stories.top, start, line + 1, height, rows.count);
  return { cursor, top };
}

/** After a resize: the cursor's row stays in view. */
export function keepStoriesPlace(stories: StoriesState, after: Context): StoriesState {
  const rows = after.layouts.storyRows(after.stories, after.width);
  const line = rows.versionLines[stories.cursor] ?? 0;
  const height = storiesListHeight(after);
  return { ...stories, top: follow(stories.top, line, line + 1, height, rows.count) };
}

export interface StoriesView {
  /** The list's lines on screen, with each closest version's similarity. */
  readonly lines: readonly Line[];
  /** The cursor's row among them, or -1. */
  readonly selectedRow: number;
  readonly labelWidth: number;
  readonly version: Version | undefined;
  readonly position: number;
  readonly count: number;
}

/** The layout selector: what the Stories pane shows. */
export function selectStories(stories: StoriesState, ctx: Context): StoriesView {
  const { layouts } = ctx;
  const rows = layouts.storyRows(ctx.stories, ctx.width);
  const height = storiesListHeight(ctx);
  const top = clamp(stories.top, 0, Math.max(0, rows.count - height));
  const lines = visibleStoryLines(rows, top, height, layouts.labels, layouts.knownSimilarity);
  const selectedLine = rows.versionLines[stories.cursor];
  return {
    lines,
    selectedRow: selectedLine === undefined ? -1 : selectedLine - top,
    labelWidth: rows.labelWidth,
    version: rows.versions[stories.cursor],
    position: stories.cursor + 1,
    count: rows.versions.length,
  };
}
