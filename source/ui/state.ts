import type { Version } from '../corpus/types.js';
import type { Action } from './keymap.js';
import { MOVES, type Move } from './layout/scroll.js';
import type { Context } from './state/context.js';
import {
  COMPARE_ACTIONS,
  comparePair,
  keepComparePlace,
  openSubstitutions,
  reduceCompare,
  scrollSubstitutions,
  type CompareAction,
  type CompareContext,
} from './state/compare.js';
import { openHelp, scrollHelp } from './state/help.js';
import { nextOpen } from './state/navigation.js';
import {
  choiceAtPlace,
  movePicker,
  openPickerState,
  pickerListHeight,
  type PickerChoice,
} from './state/picker.js';
import { jumpToHit, keepReaderPlace, moveReader, openReader } from './state/reader.js';
import {
  clearQuery,
  enterSearch,
  eraseQuery,
  initialSearch,
  keepQuery,
  leaveSearch,
  moveSearch,
  openHit,
  recallQuery,
  typeQuery as typeIntoQuery,
} from './state/search.js';
import { initialStories, keepStoriesPlace, moveStories, storiesVersion } from './state/stories.js';
import { back, go, type PaneName, type UiState } from './state/ui.js';
import { storyOf } from './layout/story.js';
import {
  openStoryState,
  STORY_ACTIONS,
  storyReducer,
  versionAtCursor,
  type StoryAction,
} from './state/story.js';

/**
 * The root of the reader's state: it routes each action of the keymap to the model of the view
 * on screen (state/stories.ts, reader.ts, search.ts, compare.ts, help.ts, picker.ts), and moves
 * between views with the navigation stack (state/navigation.ts). Keys are applied to the latest
 * state at once, in order, whether or not React has drawn in between: a fast typist or a paste
 * over SSH loses nothing. Pure.
 */

export type { Context } from './state/context.js';
export { Layouts } from './state/layouts.js';
export type { Overlay, PaneName, UiState } from './state/ui.js';
export { comparePair, type CompareState } from './state/compare.js';
export { rangesIn, highlightsFor, openReader, type ReaderState } from './state/reader.js';
export {
  answerAgain,
  answerPending,
  currentHits,
  resultsHeight,
  type SearchState,
} from './state/search.js';

/** Open a comparison of two versions, at its top. */
export function startCompare(state: UiState, a: Version, b: Version): UiState {
  return go({ ...state, compare: comparePair(a.id, b.id), overlay: null }, 'compare');
}

/** What the Compare view's reducer needs of the context. */
function compareContext(ctx: Context): CompareContext {
  return { views: ctx.layouts.compareViews, width: ctx.width, paneHeight: ctx.paneHeight };
}

export function initialState(pair?: readonly [Version, Version]): UiState {
  return {
    pane: pair ? 'compare' : 'stories',
    history: pair ? ['stories'] : [],
    overlay: null,
    message: null,
    stories: initialStories,
    reader: null,
    compare: pair ? comparePair(pair[0].id, pair[1].id) : null,
    story: null,
    sideBySide: false,
    search: initialSearch,
    quit: false,
  };
}

function openPicker(state: UiState, ctx: Context, base: Version | undefined): UiState {
  if (!base) return state;
  if (ctx.layouts.corpus.versions.length < 2) {
    return { ...state, message: 'there is no other version to compare with' };
  }
  return { ...state, overlay: openPickerState(base) };
}

/** The choices of the open picker, and its base version. */
export function openChoices(state: UiState, ctx: Context) {
  const overlay = state.overlay;
  if (overlay?.kind !== 'picker') return null;
  const base = ctx.layouts.byId.get(overlay.base);
  if (!base) return null;
  const height = pickerListHeight(ctx.paneHeight);
  return {
    picker: overlay,
    base,
    height,
    choices: ctx.layouts.pickerChoices(ctx.stories, base, height),
  };
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

/** Open the story view on the story of the version under the cursor in Stories. */
function openStory(state: UiState, ctx: Context): UiState {
  const version = storiesVersion(state.stories, ctx);
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
    return { ...state, overlay: scrollHelp(overlay, step, ctx.paneHeight, ctx.helpLength) };
  }
  if (overlay?.kind === 'substitutions') {
    const pair = state.compare;
    const length = pair ? ctx.layouts.compareViews.substitutions(pair, ctx.width).length : 0;
    return { ...state, overlay: scrollSubstitutions(overlay, step, ctx.paneHeight, length) };
  }
  if (overlay?.kind === 'picker') {
    const open = openChoices(state, ctx);
    if (!open) return state;
    return { ...state, overlay: movePicker(open.picker, step, open.height, open.choices.length) };
  }
  switch (state.pane) {
    case 'story':
      return storyStep(state, ctx, step);
    case 'stories':
      return { ...state, stories: moveStories(state.stories, ctx, step) };
    case 'reader':
      return moveReader(state, ctx, step);
    case 'compare':
      return reduceCompare(state, step, compareContext(ctx));
    case 'search':
      return { ...state, search: moveSearch(state.search, ctx, step) };
  }
}

/** The version the pane on screen is about: the one to compare from. */
function currentVersion(state: UiState, ctx: Context): Version | undefined {
  const { byId } = ctx.layouts;
  if (state.pane === 'stories') return storiesVersion(state.stories, ctx);
  if (state.pane === 'reader' && state.reader) return byId.get(state.reader.versionId);
  if (state.pane === 'compare' && state.compare) return byId.get(state.compare.a);
  if (state.pane === 'story' && state.story) {
    const input = ctx.layouts.story.input(ctx.stories, state.story.story, ctx.width, 1);
    return input ? versionAtCursor(state.story, input.story.versions) : undefined;
  }
  return undefined;
}

function route(state: UiState, ctx: Context, action: Action, key: string): UiState {
  if (MOVES.has(action)) return move(state, ctx, action as Move);
  if (state.pane === 'compare' && !state.overlay && COMPARE_ACTIONS.has(action)) {
    return reduceCompare(state, action as CompareAction, compareContext(ctx));
  }
  if (state.pane === 'story' && !state.overlay && STORY_ACTIONS.has(action)) {
    return storyStep(state, ctx, action as StoryAction);
  }
  if (state.overlay?.kind === 'picker') {
    if (action === 'open') return pick(state, ctx, (choices, cursor) => choices[cursor]);
    if (action === 'pickPlace') return pick(state, ctx, (choices) => choiceAtPlace(choices, key));
  }
  const search = (change: (s: UiState['search']) => UiState['search']): UiState => ({
    ...state,
    search: change(state.search),
  });
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
      return { ...state, overlay: state.overlay?.kind === 'help' ? null : openHelp() };
    case 'search':
      return go(state, 'search');
    case 'nextPane':
      return nextPane(state);
    case 'open': {
      if (state.pane === 'stories') {
        const version = storiesVersion(state.stories, ctx);
        return version ? openReader(state, ctx, version, null) : state;
      }
      return state.pane === 'search' ? openHit(state, ctx) : state;
    }
    case 'compare':
      return state.pane === 'search' ? state : openPicker(state, ctx, currentVersion(state, ctx));
    case 'nextHit':
      return jumpToHit(state, ctx, 1);
    case 'prevHit':
      return jumpToHit(state, ctx, -1);
    case 'substitutions':
      return state.pane === 'compare' && state.compare
        ? { ...state, overlay: openSubstitutions() }
        : state;
    case 'clearQuery':
      return search((s) => clearQuery(s, ctx));
    case 'erase':
      return search((s) => eraseQuery(s, ctx));
    case 'keepQuery':
      return search(keepQuery);
    case 'olderQuery':
      return search((s) => recallQuery(s, ctx, -1));
    case 'newerQuery':
      return search((s) => recallQuery(s, ctx, 1));
    default:
      return state;
  }
}

/** Coming to the search pane selects its query; leaving it keeps the query in the history. */
function crossSearch(before: UiState, after: UiState): UiState {
  if (before.pane !== 'search' && after.pane === 'search') {
    return { ...after, search: enterSearch(after.search) };
  }
  if (before.pane === 'search' && after.pane !== 'search') {
    return { ...after, search: leaveSearch(after.search) };
  }
  return after;
}

/** Apply one action of the keymap; `key` is the key's name, for keys that say which (digits). */
export function applyAction(state: UiState, ctx: Context, action: Action, key = ''): UiState {
  return crossSearch(state, route(state, ctx, action, key));
}

/** Type into the search query (text may be several characters: a paste), answered at once. */
export function typeQuery(state: UiState, ctx: Context, text: string): UiState {
  return { ...state, search: typeIntoQuery(state.search, ctx, text) };
}

/**
 * After a resize the text wraps anew: keep the same passage at the top of the reader and the
 * comparison, and the cursor's row in view in the lists.
 */
export function keepPlace(state: UiState, before: Context, after: Context): UiState {
  const placed = keepComparePlace(
    keepReaderPlace(state, before, after),
    compareContext(before),
    compareContext(after),
  );
  return { ...placed, stories: keepStoriesPlace(state.stories, after) };
}
