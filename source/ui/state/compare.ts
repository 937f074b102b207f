import type { Version } from '../../corpus/types.js';
import { SIDE_BY_SIDE_MIN_WIDTH } from '../layout/compare.js';
import { clamp, scrollBy, type Move } from '../layout/scroll.js';
import type { Context } from './context.js';
import { passageAt } from './reader.js';
import { go, type UiState } from './ui.js';

/**
 * The comparison's model: a pair of versions, the first line in view and the change last jumped
 * to. Moved here from ui/state.ts as it was; the compare view's own work goes on here.
 */

export interface CompareState {
  readonly a: string;
  readonly b: string;
  readonly top: number;
  /** The change ] or [ last went to, or null after scrolling by other keys. */
  readonly change: number | null;
}

/** A fresh comparison of two versions, at its top. */
export function comparePair(a: string, b: string): CompareState {
  return { a, b, top: 0, change: null };
}

export function compareBodyHeight(ctx: Context, headerLines: number): number {
  return Math.max(1, ctx.paneHeight - headerLines);
}

export function startCompare(state: UiState, a: Version, b: Version): UiState {
  return go({ ...state, compare: comparePair(a.id, b.id), overlay: null }, 'compare');
}

export function jumpToChange(state: UiState, ctx: Context, direction: 1 | -1): UiState {
  const pair = state.compare;
  const view = pair ? ctx.layouts.compare(pair, ctx.width, state.sideBySide) : null;
  if (!pair || !view) return state;
  const { rowStarts, changeRows, lines } = view.layout;
  const starts = changeRows.map((r) => rowStarts[r]!);
  if (starts.length === 0) return { ...state, message: 'the two versions do not differ' };
  const body = compareBodyHeight(ctx, view.header.length);
  const last = Math.max(0, lines.length - body);
  const at = Math.min(pair.top, last);
  // From the change last jumped to, step by one; after other scrolling, start from the screen's top.
  let index: number;
  if (pair.change !== null) index = pair.change + direction;
  else if (direction === 1) index = starts.findIndex((s) => s >= at);
  else index = starts.findLastIndex((s) => s < at);
  if (index < 0 || index >= starts.length) {
    return {
      ...state,
      message: direction === 1 ? 'no more changes below' : 'no more changes above',
    };
  }
  return {
    ...state,
    compare: { ...pair, top: clamp(starts[index]!, 0, last), change: index },
    message: `change ${index + 1} of ${starts.length}`,
  };
}

export function moveCompare(state: UiState, ctx: Context, step: Move): UiState {
  const pair = state.compare;
  const view = pair ? ctx.layouts.compare(pair, ctx.width, state.sideBySide) : null;
  if (!pair || !view) return state;
  const body = compareBodyHeight(ctx, view.header.length);
  return {
    ...state,
    compare: {
      ...pair,
      change: null,
      top: scrollBy(pair.top, step, body, view.layout.lines.length),
    },
  };
}

export function toggleSideBySide(state: UiState, ctx: Context): UiState {
  if (ctx.width < SIDE_BY_SIDE_MIN_WIDTH) {
    return {
      ...state,
      message: `side by side needs ${SIDE_BY_SIDE_MIN_WIDTH} columns; this terminal has ${ctx.width}`,
    };
  }
  return {
    ...state,
    sideBySide: !state.sideBySide,
    compare: state.compare ? comparePair(state.compare.a, state.compare.b) : null,
  };
}

export function swapCompare(state: UiState): UiState {
  return state.compare
    ? { ...state, compare: comparePair(state.compare.b, state.compare.a) }
    : state;
}

/** After a resize the text wraps anew: keep the same row at the top. */
export function keepComparePlace(state: UiState, before: Context, after: Context): UiState {
  const pair = state.compare;
  if (!pair) return state;
  const old = before.layouts.compare(pair, before.width, state.sideBySide);
  const fresh = after.layouts.compare(pair, after.width, state.sideBySide);
  if (!old || !fresh) return state;
  const row = passageAt(old.layout.rowStarts, pair.top);
  return { ...state, compare: { ...pair, top: fresh.layout.rowStarts[row] ?? 0 } };
}
