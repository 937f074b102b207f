import type { Comparison } from '../compare/types.js';
import { compare } from '../compare/index.js';
import type { StoryMap } from '../corpus/stories.js';
import type { Corpus, Version } from '../corpus/types.js';
import { sanitizeLine } from '../corpus/sanitize.js';
import { foldForSearch } from '../text/fold.js';
import type { SearchHit } from '../search/types.js';
import type { Action } from './keymap.js';
import { layoutCompare, SIDE_BY_SIDE_MIN_WIDTH, type CompareLayout } from './layout/compare.js';
import { clamp, follow, moveCursor, MOVES, scrollBy, type Move } from './layout/scroll.js';
import { layoutReader, type Ranges, type ReaderLayout } from './layout/reader.js';
import type { Line } from './layout/line.js';
import { layoutStories, type StoryRows } from './panes/stories.js';
import { RESULT_HEIGHT } from './panes/search.js';
import { compareHeader } from './panes/compare.js';
import type { Theme } from './theme.js';
import { StoryLayouts, storyOf } from './layout/story.js';
import { previewPlacement } from './layout/preview.js';
import {
  openStoryState,
  STORY_ACTIONS,
  storyReducer,
  versionAtCursor,
  type StoryAction,
  type StoryViewState,
} from './state/story.js';
import { goBack, goTo, nextOpen, type PaneName } from './state/navigation.js';
import {
  choiceAtPlace,
  movePicker,
  openPickerState,
  pickerChoices,
  pickerListHeight,
  type PickerChoice,
  type PickerState,
} from './state/picker.js';

/**
 * The reader's state and every change a key makes to it, as plain functions. Keys are applied to
 * the latest state at once, in order, whether or not React has drawn in between: a fast typist
 * or a paste over SSH loses nothing.
 */

export type { PaneName } from './state/navigation.js';

export interface ReaderState {
  readonly versionId: string;
  readonly top: number;
  /** Paragraph of the search hit last jumped to. */
  readonly hitParagraph: number | null;
}

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

export interface SearchState {
  readonly query: string;
  /** Results, and the query they answer: while typing they may lag the query. */
  readonly hits: readonly SearchHit[] | null;
  readonly answered: string;
  readonly selected: number;
  readonly top: number;
}

export type Overlay = { readonly kind: 'help'; readonly top: number } | PickerState;

export interface UiState {
  readonly pane: PaneName;
  /** Panes to go back to, the latest last. */
  readonly history: readonly PaneName[];
  readonly overlay: Overlay | null;
  /** A passing message for the status line, cleared by the next key. */
  readonly message: string | null;
  readonly stories: { readonly cursor: number; readonly top: number };
  readonly reader: ReaderState | null;
  readonly compare: CompareState | null;
  /** The story view: every version of one story at once. */
  readonly story: StoryViewState | null;
  readonly sideBySide: boolean;
  readonly search: SearchState;
  readonly quit: boolean;
}

export function initialState(pair?: readonly [Version, Version]): UiState {
  return {
    pane: pair ? 'compare' : 'stories',
    history: pair ? ['stories'] : [],
    overlay: null,
    message: null,
    stories: { cursor: 0, top: 0 },
    reader: null,
    compare: pair ? comparePair(pair[0].id, pair[1].id) : null,
    story: null,
    sideBySide: false,
    search: { query: '', hits: null, answered: '', selected: 0, top: 0 },
    quit: false,
  };
}

/** Remember the last result of a function of a few arguments. */
function memoLast<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A): R => {
    if (
      last &&
      last.args.length === args.length &&
      last.args.every((a, i) => Object.is(a, args[i]))
    ) {
      return last.result;
    }
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}

/** Search ranges found in `passage`, carried over to a version whose text may differ slightly. */
export function rangesIn(text: string, passage: string, ranges: Ranges): Ranges {
  if (text === passage) return ranges;
  // The search's own folding keeps lengths, so offsets in folded text are offsets in the text.
  const folded = foldForSearch(text);
  const foldedPassage = foldForSearch(passage);
  const out: [number, number][] = [];
  for (const [start, end] of ranges) {
    const needle = foldedPassage.slice(start, end);
    if (!needle) continue;
    let at = folded.indexOf(needle, Math.max(0, start - 40));
    if (at < 0) at = folded.indexOf(needle);
    if (at >= 0) out.push([at, at + needle.length]);
  }
  return out.sort((x, y) => x[0] - y[0]);
}

/** Search highlights for one version: paragraph index to matched ranges. */
export function highlightsFor(
  version: Version,
  hits: readonly SearchHit[] | null,
): Map<number, Ranges> {
  const map = new Map<number, Ranges>();
  for (const hit of hits ?? []) {
    for (const place of hit.versions) {
      if (place.id !== version.id) continue;
      const text = version.paragraphs[place.paragraph];
      if (text !== undefined) map.set(place.paragraph, rangesIn(text, hit.passage, hit.matches));
    }
  }
  return map;
}

/** Layouts of what the panes show, each computed once for what it depends on. */
export class Layouts {
  readonly byId: ReadonlyMap<string, Version>;
  readonly labels: ReadonlyMap<string, string>;
  /** The story view's layouts and the collations they show. */
  readonly story: StoryLayouts;

  constructor(
    readonly corpus: Corpus,
    labels: ReadonlyMap<string, string>,
    readonly theme: Theme,
    readonly exact: boolean,
  ) {
    this.byId = new Map(corpus.versions.map((v) => [v.id, v]));
    this.labels = labels;
    this.story = new StoryLayouts(exact, labels, theme.markers);
  }

  readonly storyRows = memoLast((stories: StoryMap | null, width: number): StoryRows =>
    layoutStories(this.corpus, stories, this.labels, width),
  );

  private readonly highlights = memoLast((version: Version, hits: readonly SearchHit[] | null) =>
    highlightsFor(version, hits),
  );

  private readonly readerLayout = memoLast(
    (version: Version, width: number, highlights: ReadonlyMap<number, Ranges>): ReaderLayout =>
      layoutReader(version, width, highlights),
  );

  reader(version: Version, width: number, hits: readonly SearchHit[] | null): ReaderLayout {
    return this.readerLayout(version, width, this.highlights(version, hits));
  }

  readerHighlights(
    version: Version,
    hits: readonly SearchHit[] | null,
  ): ReadonlyMap<number, Ranges> {
    return this.highlights(version, hits);
  }

  /** The versions the compare picker offers for a base version. */
  readonly pickerChoices = memoLast((stories: StoryMap | null, base: Version): PickerChoice[] =>
    pickerChoices(this.corpus, stories, base),
  );

  readonly comparison = memoLast((a: Version, b: Version): Comparison =>
    compare(a, b, { exact: this.exact }),
  );

  private readonly compareLayout = memoLast(
    (comparison: Comparison, width: number, twoColumns: boolean): CompareLayout =>
      layoutCompare(comparison, width, this.theme, twoColumns),
  );

  private readonly header = memoLast(
    (comparison: Comparison, a: Version, b: Version, width: number): Line[] =>
      compareHeader(comparison, a, b, this.labels, width),
  );

  /** The comparison of a pair, laid out, with its summary header. */
  compare(pair: CompareState, width: number, sideBySide: boolean) {
    const a = this.byId.get(pair.a);
    const b = this.byId.get(pair.b);
    if (!a || !b) return null;
    const comparison = this.comparison(a, b);
    const twoColumns = sideBySide && width >= SIDE_BY_SIDE_MIN_WIDTH;
    return {
      a,
      b,
      comparison,
      twoColumns,
      layout: this.compareLayout(comparison, width, twoColumns),
      header: this.header(comparison, a, b, width),
    };
  }
}

/** What the transitions need to know besides the state. */
export interface Context {
  readonly layouts: Layouts;
  readonly stories: StoryMap | null;
  readonly width: number;
  /** Rows for a pane: the terminal less the status line and Ink's spare row. */
  readonly paneHeight: number;
  readonly helpLength: number;
  /** Search now, for a key that cannot wait for the results (Enter typed right after a query). */
  readonly search: (query: string) => readonly SearchHit[];
}

/** Rows of the stories list under its header and warnings. */
export function storyListHeight(ctx: Context): number {
  // The pane's heading, the column names, and up to three warning lines.
  return Math.max(1, ctx.paneHeight - 2 - Math.min(3, ctx.layouts.corpus.warnings.length));
}

export function resultsHeight(ctx: Context): number {
  // A tall narrow terminal shows the selected hit's preview below the results.
  return Math.max(1, previewPlacement(ctx.width, ctx.paneHeight).listHeight - 2);
}

export function compareBodyHeight(ctx: Context, headerLines: number): number {
  return Math.max(1, ctx.paneHeight - headerLines);
}

/** Search hits that answer the current query, or null while it is being searched. */
export function currentHits(state: UiState): readonly SearchHit[] | null {
  return state.search.answered === state.search.query ? state.search.hits : null;
}

/**
 * Go to a pane. Stories is the top: going there clears the way back, and every other pane has
 * Stories at the bottom of its way back, so Esc always leads home and q there quits.
 */
function go(state: UiState, next: PaneName): UiState {
  return { ...state, ...goTo(state, next), overlay: null };
}

function back(state: UiState): UiState | null {
  const previous = goBack(state);
  return previous ? { ...state, ...previous } : null;
}

export function openReader(
  state: UiState,
  ctx: Context,
  version: Version,
  paragraph: number | null,
): UiState {
  const layout = ctx.layouts.reader(version, ctx.width, state.search.hits);
  const line = paragraph === null ? 0 : (layout.paragraphStarts[paragraph] ?? 0);
  const top =
    paragraph === null ? 0 : clamp(line - 2, 0, Math.max(0, layout.lines.length - ctx.paneHeight));
  return go(
    { ...state, reader: { versionId: version.id, top, hitParagraph: paragraph } },
    'reader',
  );
}

export function startCompare(state: UiState, a: Version, b: Version): UiState {
  return go({ ...state, compare: comparePair(a.id, b.id), overlay: null }, 'compare');
}

function openPicker(state: UiState, ctx: Context, base: Version | undefined): UiState {
  if (!base) return state;
  if (ctx.layouts.corpus.versions.length < 2) {
    return { ...state, message: 'there is no other version to compare with' };
  }
  return { ...state, overlay: openPickerState(base) };
}

/** The choices of the open picker, and its base version. */
function openChoices(state: UiState, ctx: Context) {
  const overlay = state.overlay;
  if (overlay?.kind !== 'picker') return null;
  const base = ctx.layouts.byId.get(overlay.base);
  if (!base) return null;
  return { picker: overlay, base, choices: ctx.layouts.pickerChoices(ctx.stories, base) };
}

/** Compare the picker's base with a choice, closing the picker. */
function pick(
  state: UiState,
  ctx: Context,
  which: (choices: readonly PickerChoice[], cursor: number) => PickerChoice | undefined,
): UiState {
  const open = openChoices(state, ctx);
  const choice = open ? which(open.choices, open.picker.cursor) : undefined;
  return open && choice ? startCompare(state, open.base, choice.version) : state;
}

function nextPane(state: UiState): UiState {
  const open: Partial<Record<PaneName, boolean>> = {
    reader: state.reader !== null,
    compare: state.compare !== null,
    story: state.story !== null,
  };
  const next = nextOpen(state, (p) => open[p] ?? true);
  return { ...state, ...next, overlay: null };
}

function jumpToHit(state: UiState, ctx: Context, direction: 1 | -1): UiState {
  const reader = state.reader;
  const version = reader ? ctx.layouts.byId.get(reader.versionId) : undefined;
  if (!reader || !version) return state;
  const highlights = ctx.layouts.readerHighlights(version, state.search.hits);
  const paragraphs = [...highlights.keys()].sort((x, y) => x - y);
  if (paragraphs.length === 0) {
    const query = state.search.query;
    return {
      ...state,
      message: query ? `no hit for “${query}” in this version` : 'no search yet: press / to search',
    };
  }
  const current = reader.hitParagraph;
  let index: number;
  if (current === null) index = direction === 1 ? 0 : paragraphs.length - 1;
  else if (direction === 1) index = paragraphs.findIndex((p) => p > current);
  else index = paragraphs.findLastIndex((p) => p < current);
  let wrapped = false;
  if (index < 0) {
    wrapped = true;
    index = direction === 1 ? 0 : paragraphs.length - 1;
  }
  const paragraph = paragraphs[index]!;
  const layout = ctx.layouts.reader(version, ctx.width, state.search.hits);
  const line = layout.paragraphStarts[paragraph] ?? 0;
  const top = clamp(line - 2, 0, Math.max(0, layout.lines.length - ctx.paneHeight));
  const where = wrapped ? (direction === 1 ? ', from the top' : ', from the bottom') : '';
  return {
    ...state,
    reader: { ...reader, top, hitParagraph: paragraph },
    message: `hit ${index + 1} of ${paragraphs.length}${where}`,
  };
}

function jumpToChange(state: UiState, ctx: Context, direction: 1 | -1): UiState {
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

/** Open the story view on the story of the version under the cursor in Stories. */
function openStory(state: UiState, ctx: Context): UiState {
  const version = ctx.layouts.storyRows(ctx.stories, ctx.width).versions[state.stories.cursor];
  if (!version) return state;
  if (!ctx.stories) return { ...state, message: 'still grouping the stories; try again' };
  const story = storyOf(ctx.stories, version.id);
  if (!story) return state;
  if (story.versions.length < 2) {
    const name = ctx.layouts.labels.get(version.id) ?? version.id;
    return { ...state, message: `${name} is the only version of its story` };
  }
  const view = state.story?.story === story.id ? state.story : openStoryState(story.id);
  return go({ ...state, story: view }, 'story');
}

/** A key in the story view, through its own reducer (state/story.ts). */
function storyStep(state: UiState, ctx: Context, action: StoryAction): UiState {
  const view = state.story;
  const stories = ctx.layouts.story;
  const input = view ? stories.input(ctx.stories, view.story, ctx.width, ctx.paneHeight) : null;
  if (!view || !input) return state;
  const result = storyReducer(view, action, stories.frame(input, view));
  if (result.state === null) return back(state) ?? go(state, 'stories');
  return { ...state, story: result.state, message: result.message ?? state.message };
}

function move(state: UiState, ctx: Context, step: Move): UiState {
  const overlay = state.overlay;
  if (overlay?.kind === 'help') {
    return {
      ...state,
      overlay: { kind: 'help', top: scrollBy(overlay.top, step, ctx.paneHeight, ctx.helpLength) },
    };
  }
  if (overlay?.kind === 'picker') {
    const open = openChoices(state, ctx);
    if (!open) return state;
    const height = pickerListHeight(ctx.paneHeight);
    return { ...state, overlay: movePicker(open.picker, step, height, open.choices.length) };
  }
  switch (state.pane) {
    case 'story':
      return storyStep(state, ctx, step);
    case 'stories': {
      const rows = ctx.layouts.storyRows(ctx.stories, ctx.width);
      const height = storyListHeight(ctx);
      const cursor = moveCursor(state.stories.cursor, step, height, rows.versions.length);
      const line = rows.versionLines[cursor] ?? 0;
      // Keep a story's heading in view when the cursor reaches its first version.
      const start = line > 0 && rows.lines[line - 1]?.length ? line - 1 : line;
      const top = follow(state.stories.top, start, line + 1, height, rows.lines.length);
      return { ...state, stories: { cursor, top } };
    }
    case 'reader': {
      const reader = state.reader;
      const version = reader ? ctx.layouts.byId.get(reader.versionId) : undefined;
      if (!reader || !version) return state;
      const total = ctx.layouts.reader(version, ctx.width, state.search.hits).lines.length;
      return {
        ...state,
        reader: { ...reader, top: scrollBy(reader.top, step, ctx.paneHeight, total) },
      };
    }
    case 'compare': {
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
    case 'search': {
      const count = currentHits(state)?.length ?? 0;
      const height = resultsHeight(ctx);
      const perPage = Math.max(1, Math.floor(height / RESULT_HEIGHT));
      const selected = moveCursor(state.search.selected, step, perPage, count);
      const start = selected * RESULT_HEIGHT;
      const top = follow(
        state.search.top,
        start,
        start + RESULT_HEIGHT - 1,
        height,
        count * RESULT_HEIGHT,
      );
      return { ...state, search: { ...state.search, selected, top } };
    }
  }
}

/** Apply one action of the keymap; `key` is the key's name, for keys that say which (digits). */
export function applyAction(state: UiState, ctx: Context, action: Action, key = ''): UiState {
  if (MOVES.has(action)) return move(state, ctx, action as Move);
  const { layouts } = ctx;
  if (state.overlay?.kind === 'picker') {
    if (action === 'open') return pick(state, ctx, (choices, cursor) => choices[cursor]);
    if (action === 'pickPlace') return pick(state, ctx, (choices) => choiceAtPlace(choices, key));
  }
  if (state.pane === 'story' && !state.overlay && STORY_ACTIONS.has(action)) {
    return storyStep(state, ctx, action as StoryAction);
  }
  switch (action) {
    case 'openStory':
      return openStory(state, ctx);
    case 'forceQuit':
      return { ...state, quit: true };
    case 'quit':
      if (state.overlay) return { ...state, overlay: null };
      return back(state) ?? { ...state, quit: true };
    case 'back':
      if (state.overlay) return { ...state, overlay: null };
      return back(state) ?? state;
    case 'help':
      return {
        ...state,
        overlay: state.overlay?.kind === 'help' ? null : { kind: 'help', top: 0 },
      };
    case 'search':
      return go(state, 'search');
    case 'nextPane':
      return nextPane(state);
    case 'open': {
      if (state.pane === 'stories') {
        const version = layouts.storyRows(ctx.stories, ctx.width).versions[state.stories.cursor];
        return version ? openReader(state, ctx, version, null) : state;
      }
      if (state.pane === 'search') {
        // Enter before the results arrive: search now, as fzf does, rather than drop the key.
        const answered = currentHits(state)
          ? state
          : answerSearch(state, state.search.query, ctx.search(state.search.query));
        const place = currentHits(answered)?.[answered.search.selected]?.versions[0];
        state = answered;
        const version = place ? layouts.byId.get(place.id) : undefined;
        return version && place ? openReader(state, ctx, version, place.paragraph) : state;
      }
      return state;
    }
    case 'compare': {
      if (state.pane === 'stories') {
        return openPicker(
          state,
          ctx,
          layouts.storyRows(ctx.stories, ctx.width).versions[state.stories.cursor],
        );
      }
      if (state.pane === 'reader' && state.reader) {
        return openPicker(state, ctx, layouts.byId.get(state.reader.versionId));
      }
      if (state.pane === 'compare' && state.compare) {
        return openPicker(state, ctx, layouts.byId.get(state.compare.a));
      }
      if (state.pane === 'story' && state.story) {
        const input = layouts.story.input(ctx.stories, state.story.story, ctx.width, 1);
        return openPicker(
          state,
          ctx,
          input ? versionAtCursor(state.story, input.story.versions) : undefined,
        );
      }
      return state;
    }
    case 'nextHit':
      return jumpToHit(state, ctx, 1);
    case 'prevHit':
      return jumpToHit(state, ctx, -1);
    case 'nextChange':
      return jumpToChange(state, ctx, 1);
    case 'prevChange':
      return jumpToChange(state, ctx, -1);
    case 'sideBySide':
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
    case 'swap':
      return state.compare
        ? { ...state, compare: comparePair(state.compare.b, state.compare.a) }
        : state;
    case 'clearQuery':
      return { ...state, search: { ...state.search, query: '' } };
    case 'erase':
      return eraseQuery(state);
    default:
      return state;
  }
}

/** Type into the search query (text may be several characters: a paste). */
export function typeQuery(state: UiState, text: string): UiState {
  // What is typed or pasted is shown on screen: no byte of it may drive the terminal either. A
  // pasted line break or tab is a space in a one-line query.
  const typed = sanitizeLine(text.replace(/[\r\n\t]+/g, ' '));
  return { ...state, search: { ...state.search, query: state.search.query + typed } };
}

export function eraseQuery(state: UiState): UiState {
  return {
    ...state,
    search: { ...state.search, query: [...state.search.query].slice(0, -1).join('') },
  };
}

/** Results arrived for a query; they are dropped if the query has changed since. */
export function answerSearch(state: UiState, query: string, hits: readonly SearchHit[]): UiState {
  if (state.search.query !== query) return state;
  return { ...state, search: { ...state.search, hits, answered: query, selected: 0, top: 0 } };
}

/** The first line of the passage that holds `line`, as an index into `starts`. */
function passageAt(starts: readonly number[], line: number): number {
  const index = starts.findLastIndex((start) => start <= line);
  return Math.max(0, index);
}

/**
 * After a resize the text wraps anew: keep the same passage at the top of the reader and the
 * comparison, and the cursor's row in view in the lists.
 */
export function keepPlace(state: UiState, before: Context, after: Context): UiState {
  let next = state;
  const reader = state.reader;
  const version = reader ? after.layouts.byId.get(reader.versionId) : undefined;
  if (reader && version) {
    const old = before.layouts.reader(version, before.width, state.search.hits).paragraphStarts;
    const paragraph = passageAt(old, reader.top);
    const fresh = after.layouts.reader(version, after.width, state.search.hits).paragraphStarts;
    const top = Math.max(0, (fresh[paragraph] ?? 1) - 1);
    next = { ...next, reader: { ...reader, top } };
  }
  const pair = state.compare;
  if (pair) {
    const old = before.layouts.compare(pair, before.width, state.sideBySide);
    const fresh = after.layouts.compare(pair, after.width, state.sideBySide);
    if (old && fresh) {
      const row = passageAt(old.layout.rowStarts, pair.top);
      next = { ...next, compare: { ...pair, top: fresh.layout.rowStarts[row] ?? 0 } };
    }
  }
  const rows = after.layouts.storyRows(after.stories, after.width);
  const line = rows.versionLines[state.stories.cursor] ?? 0;
  const height = storyListHeight(after);
  const top = follow(state.stories.top, line, line + 1, height, rows.lines.length);
  return { ...next, stories: { ...state.stories, top } };
}
