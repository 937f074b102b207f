import { compare } from '../../compare/index.js';
import type { Comparison } from '../../compare/types.js';
import type { Version } from '../../corpus/types.js';
import { glyphs } from '../../render/glyphs.js';
import { seg, type Line } from '../../render/line.js';
import type { Theme } from '../../render/theme.js';
import {
  compareHeader,
  layoutCompare,
  SIDE_BY_SIDE_MIN_WIDTH,
  substitutionLines,
  type CompareLayout,
  type PairNames,
} from '../layout/compare.js';
import { clamp, MOVES, scrollBy, type Move } from '../layout/scroll.js';
import { memoLast } from './memo.js';

/**
 * The Compare view's model: which pair, where the screen stands, which change is marked, and the
 * full list of substitutions over it. A pure reducer changes it; a selector says what the pane
 * draws. Nothing here knows Ink.
 */

export interface CompareState {
  readonly a: string;
  readonly b: string;
  /** The first line of the comparison on screen. */
  readonly top: number;
  /** The change marked in the margin, as an index into the layout's `changeRows`, or none yet. */
  readonly change: number | null;
}

/** A fresh comparison of two versions, at its top, no change marked. */
export function comparePair(a: string, b: string): CompareState {
  return { a, b, top: 0, change: null };
}

/** The full list of substitutions, drawn over the comparison. */
export interface SubstitutionsState {
  readonly kind: 'substitutions';
  readonly top: number;
}

/** A pair laid out for the screen. */
export interface CompareView {
  readonly a: Version;
  readonly b: Version;
  readonly names: PairNames;
  readonly comparison: Comparison;
  readonly twoColumns: boolean;
  readonly layout: CompareLayout;
  readonly header: readonly Line[];
}

/** Comparisons and their layouts, each computed once for what it depends on. */
export class CompareViews {
  constructor(
    /** The version of an id in the corpus. */
    private readonly versionOf: (id: string) => Version | undefined,
    private readonly labels: ReadonlyMap<string, string>,
    private readonly theme: Theme,
    private readonly exact: boolean,
  ) {}

  readonly comparison = memoLast((a: Version, b: Version): Comparison =>
    compare(a, b, { exact: this.exact }),
  );

  private readonly layout = memoLast(
    (comparison: Comparison, width: number, twoColumns: boolean): CompareLayout =>
      layoutCompare(comparison, width, this.theme, twoColumns),
  );

  private readonly header = memoLast(
    (comparison: Comparison, names: PairNames, width: number, twoColumns: boolean): Line[] =>
      compareHeader(comparison, names, width, twoColumns, this.theme.markers),
  );

  private readonly namesOf = memoLast((a: Version, b: Version): PairNames => ({
    a: this.labels.get(a.id) ?? a.id,
    b: this.labels.get(b.id) ?? b.id,
    aTitle: a.title,
    bTitle: b.title,
  }));

  private readonly list = memoLast(
    (comparison: Comparison, names: PairNames, width: number): Line[] =>
      substitutionLines(comparison, names, width),
  );

  view(pair: CompareState, width: number, sideBySide: boolean): CompareView | null {
    const a = this.versionOf(pair.a);
    const b = this.versionOf(pair.b);
    if (!a || !b) return null;
    const comparison = this.comparison(a, b);
    const twoColumns = sideBySide && width >= SIDE_BY_SIDE_MIN_WIDTH;
    const names = this.namesOf(a, b);
    return {
      a,
      b,
      names,
      comparison,
      twoColumns,
      layout: this.layout(comparison, width, twoColumns),
      header: this.header(comparison, names, width, twoColumns),
    };
  }

  /** Every substitution of the pair, as the list (w) shows it. */
  substitutions(pair: CompareState, width: number): Line[] {
    const a = this.versionOf(pair.a);
    const b = this.versionOf(pair.b);
    if (!a || !b) return [];
    return this.list(this.comparison(a, b), this.namesOf(a, b), width);
  }
}

/** What the reducer needs besides the state: the views, and the pane's size. */
export interface CompareContext {
  readonly views: CompareViews;
  readonly width: number;
  /** Rows for the whole pane: header and body. */
  readonly paneHeight: number;
}

/** The part of the reader's state the Compare view reads and changes. */
export interface CompareSlice {
  readonly compare: CompareState | null;
  readonly sideBySide: boolean;
  readonly message: string | null;
}

export type CompareAction = 'nextChange' | 'prevChange' | 'swap' | 'sideBySide' | Move;

export const COMPARE_ACTIONS: ReadonlySet<string> = new Set<string>([
  'nextChange',
  'prevChange',
  'swap',
  'sideBySide',
  ...MOVES,
]);

/** Rows of the comparison under its header. */
export function compareBodyHeight(paneHeight: number, headerLines: number): number {
  return Math.max(1, paneHeight - headerLines);
}

/** The first line of each change's row. */
function changeStarts(layout: CompareLayout): number[] {
  return layout.changeRows.map((row) => layout.rowStarts[row]!);
}

/**
 * ] and [: mark the next or previous change and bring it to the top of the screen, as far as the
 * text allows. The mark always moves, so the screen changes even on the last page. From a mark on
 * screen the step is one change; after scrolling the mark away, it starts from the screen's top.
 */
function jump<S extends CompareSlice>(state: S, ctx: CompareContext, direction: 1 | -1): S {
  const pair = state.compare;
  const view = pair ? ctx.views.view(pair, ctx.width, state.sideBySide) : null;
  if (!pair || !view) return state;
  const starts = changeStarts(view.layout);
  if (starts.length === 0) return { ...state, message: 'the two versions do not differ' };
  const body = compareBodyHeight(ctx.paneHeight, view.header.length);
  const last = Math.max(0, view.layout.lines.length - body);
  const at = Math.min(pair.top, last);
  const marked = pair.change === null ? undefined : starts[pair.change];
  let index: number;
  if (pair.change !== null && marked !== undefined && marked >= at && marked < at + body) {
    index = pair.change + direction;
  } else if (direction === 1) {
    index = starts.findIndex((s) => s >= at);
  } else {
    index = starts.findLastIndex((s) => s < at);
  }
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

/** Scrolling keeps the mark where it is; ] then steps from it while it is on screen. */
function scroll<S extends CompareSlice>(state: S, ctx: CompareContext, step: Move): S {
  const pair = state.compare;
  const view = pair ? ctx.views.view(pair, ctx.width, state.sideBySide) : null;
  if (!pair || !view) return state;
  const body = compareBodyHeight(ctx.paneHeight, view.header.length);
  const top = scrollBy(
    Math.min(pair.top, Math.max(0, view.layout.lines.length - body)),
    step,
    body,
    view.layout.lines.length,
  );
  return top === pair.top ? state : { ...state, compare: { ...pair, top } };
}

/** The first line of the row that holds `line`, as an index of `rowStarts`. */
function rowAt(rowStarts: readonly number[], line: number): number {
  return Math.max(
    0,
    rowStarts.findLastIndex((start) => start <= line),
  );
}

/** The same pair laid out anew (another width, or side by side): the same row stays at the top. */
function relaid(pair: CompareState, before: CompareView, after: CompareView): CompareState {
  const row = rowAt(before.layout.rowStarts, pair.top);
  return { ...pair, top: after.layout.rowStarts[row] ?? 0 };
}

function toggleSideBySide<S extends CompareSlice>(state: S, ctx: CompareContext): S {
  if (ctx.width < SIDE_BY_SIDE_MIN_WIDTH) {
    return {
      ...state,
      message: `side by side needs ${SIDE_BY_SIDE_MIN_WIDTH} columns; this terminal has ${ctx.width}`,
    };
  }
  const sideBySide = !state.sideBySide;
  const pair = state.compare;
  const before = pair ? ctx.views.view(pair, ctx.width, state.sideBySide) : null;
  const after = pair ? ctx.views.view(pair, ctx.width, sideBySide) : null;
  const compare = pair && before && after ? relaid(pair, before, after) : pair;
  return { ...state, sideBySide, compare };
}

/** The Compare view's reducer: one key's action, applied to the pair on screen. */
export function reduceCompare<S extends CompareSlice>(
  state: S,
  action: CompareAction,
  ctx: CompareContext,
): S {
  switch (action) {
    case 'nextChange':
      return jump(state, ctx, 1);
    case 'prevChange':
      return jump(state, ctx, -1);
    case 'sideBySide':
      return toggleSideBySide(state, ctx);
    case 'swap':
      return state.compare
        ? { ...state, compare: comparePair(state.compare.b, state.compare.a) }
        : state;
    default:
      return scroll(state, ctx, action);
  }
}

/** After a resize the text wraps anew: keep the same row at the top, and the mark. */
export function keepComparePlace<S extends CompareSlice>(
  state: S,
  before: CompareContext,
  after: CompareContext,
): S {
  const pair = state.compare;
  // A comparison at its top, with no change marked, stays at its top.
  if (!pair || (pair.top === 0 && pair.change === null)) return state;
  const old = before.views.view(pair, before.width, state.sideBySide);
  const fresh = after.views.view(pair, after.width, state.sideBySide);
  return old && fresh ? { ...state, compare: relaid(pair, old, fresh) } : state;
}

/** Open the full list of substitutions over the comparison. */
export function openSubstitutions(): SubstitutionsState {
  return { kind: 'substitutions', top: 0 };
}

/** Scroll the list of substitutions, `length` lines in a pane `height` rows tall. */
export function scrollSubstitutions(
  list: SubstitutionsState,
  step: Move,
  height: number,
  length: number,
): SubstitutionsState {
  return { ...list, top: scrollBy(list.top, step, height, length) };
}

/** The list of substitutions on screen: its first line, and the status line's place. */
export function substitutionsScreen(
  list: SubstitutionsState,
  length: number,
  paneHeight: number,
): { readonly top: number; readonly where: string } {
  const top = clamp(list.top, 0, Math.max(0, length - paneHeight));
  const end = Math.min(length, top + paneHeight);
  const { dot, range } = glyphs();
  return { top, where: `Substitutions ${dot} lines ${top + 1}${range}${end} of ${length}` };
}

/** What the Compare pane draws, and what the status line says of it. */
export interface CompareScreen {
  readonly header: readonly Line[];
  /** The rows of the body on screen, the current change marked in the margin. */
  readonly body: readonly Line[];
  readonly top: number;
  /** The last line on screen, counted from 1; `total` lines in all. */
  readonly end: number;
  readonly total: number;
  /** The marked change's lines on screen, counted from the body's top; empty when none is. */
  readonly marked: readonly number[];
}

/** The lines of the marked change's row: from its start to the blank before the next row. */
function markedLines(layout: CompareLayout, change: number | null): [number, number] | null {
  if (change === null) return null;
  const row = layout.changeRows[change];
  if (row === undefined) return null;
  const start = layout.rowStarts[row]!;
  const next = layout.rowStarts[row + 1];
  return [start, next === undefined ? layout.lines.length : next - 1];
}

/** The Compare pane's selector: the window on the comparison, with the current change marked. */
export function compareScreen(
  view: CompareView,
  pair: CompareState,
  paneHeight: number,
): CompareScreen {
  const { layout } = view;
  const height = compareBodyHeight(paneHeight, view.header.length);
  const total = layout.lines.length;
  const top = clamp(pair.top, 0, Math.max(0, total - height));
  const range = markedLines(layout, pair.change);
  const mark = seg(glyphs().mark, 'accent');
  const body: Line[] = [];
  const marked: number[] = [];
  for (let i = top; i < Math.min(total, top + height); i++) {
    const line = layout.lines[i]!;
    if (range && i >= range[0] && i < range[1]) {
      marked.push(i - top);
      body.push([mark, ...line.slice(1)]);
    } else body.push(line);
  }
  return { header: view.header, body, top, end: Math.min(total, top + height), total, marked };
}

/** The status line's place: "Compare · 000 → 003 · side by side · lines 1–19 of 300". */
export function compareWhere(view: CompareView, screen: CompareScreen): string {
  const { dot, arrow, range } = glyphs();
  return (
    `Compare ${dot} ${view.names.a} ${arrow} ${view.names.b}` +
    `${view.twoColumns ? ` ${dot} side by side` : ''} ${dot} ` +
    `lines ${screen.top + 1}${range}${screen.end} of ${screen.total}`
  );
}

/**
 * Compare's hints, from the keymap's, saying what `s` does now: "one column" side by side, and
 * nothing where the terminal is too narrow for two.
 */
export function compareHints<H extends { readonly key: string; readonly hint: string }>(
  hints: readonly H[],
  twoColumns: boolean,
  width: number,
): H[] {
  return hints.flatMap((h) => {
    if (h.key !== 's') return [h];
    if (width < SIDE_BY_SIDE_MIN_WIDTH) return [];
    return [twoColumns ? { ...h, hint: 'one column' } : h];
  });
}
