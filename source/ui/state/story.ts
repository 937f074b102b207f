import type { CollationRow } from '../../collate/types.js';
import { sanitizeLine } from '../../corpus/sanitize.js';
import { clamp, follow, moveCursor, MOVES, scrollBy, type Move } from '../layout/scroll.js';

/**
 * The story view's model: every version of one story at once. An overview (one line per row of
 * the collation, one column per version), a row's variants, the versions' fingerprints, and the
 * versions that changed a phrase. Pure: the pane draws it, keys change it through `storyReducer`.
 */

export type StoryMode = 'overview' | 'variants' | 'fingerprints' | 'find';

export interface StoryViewState {
  /** The story's id (its first version's). */
  readonly story: string;
  readonly mode: StoryMode;
  /** The overview's cursor: a row of the collation. */
  readonly row: number;
  /** The first row in view. */
  readonly top: number;
  /** The version column under the cursor, in the story's order. */
  readonly column: number;
  /** The first version column in view. */
  readonly left: number;
  /** The first line in view of the variants, fingerprints or phrase changes. */
  readonly scroll: number;
  /** The phrase being typed after `/`, or null when no prompt is open. */
  readonly query: string | null;
  /** The phrase whose changes the `find` mode lists. */
  readonly phrase: string;
}

export function openStoryState(story: string): StoryViewState {
  return {
    story,
    mode: 'overview',
    row: 0,
    top: 0,
    column: 0,
    left: 0,
    scroll: 0,
    query: null,
    phrase: '',
  };
}

/** What the reducer needs to know of the view on screen. */
export interface StoryFrame {
  /** The collation's rows, or null while the story is being aligned. */
  readonly rows: readonly CollationRow[] | null;
  readonly versions: number;
  /** Version columns that fit beside each other. */
  readonly columnsFit: number;
  /** Rows of the overview in view. */
  readonly listHeight: number;
  /** Lines of text in view in the other modes. */
  readonly textHeight: number;
  /** Lines of the text a state shows in the variants, fingerprints or find mode. */
  textLength(state: StoryViewState): number;
}

export type StoryAction =
  | Move
  | 'left'
  | 'right'
  | 'nextChange'
  | 'prevChange'
  | 'open'
  | 'fingerprints'
  | 'findInStory'
  | 'erase'
  | 'back';

/** The keymap's actions the story view handles itself, moves aside. */
export const STORY_ACTIONS: ReadonlySet<string> = new Set<StoryAction>([
  'left',
  'right',
  'nextChange',
  'prevChange',
  'open',
  'fingerprints',
  'findInStory',
  'erase',
  'back',
]);

export interface StoryResult {
  /** The new state, or null to leave the story view. */
  readonly state: StoryViewState | null;
  /** A passing message for the status line. */
  readonly message?: string;
}

/** Whether `/` has opened a prompt that takes the letters typed. */
export function isTyping(state: StoryViewState | null): boolean {
  return state?.query !== null && state?.query !== undefined;
}

/** Type into the prompt (text may be a paste): a line of plain text, no control byte. */
export function typeStoryQuery(state: StoryViewState, text: string): StoryViewState {
  if (state.query === null) return state;
  return { ...state, query: state.query + sanitizeLine(text.replace(/[\r\n\t]+/g, ' ')) };
}

function withRow(state: StoryViewState, row: number, frame: StoryFrame): StoryViewState {
  const count = frame.rows?.length ?? 0;
  const top = follow(state.top, row, row + 1, frame.listHeight, count);
  return { ...state, row, top, scroll: 0 };
}

function withColumn(state: StoryViewState, column: number, frame: StoryFrame): StoryViewState {
  const fit = Math.max(1, frame.columnsFit);
  const left = follow(state.left, column, column + 1, fit, frame.versions);
  return { ...state, column, left };
}

/** The next (or previous) row where the versions disagree, from the cursor. */
function disagreeing(rows: readonly CollationRow[], from: number, direction: 1 | -1): number {
  for (let r = from + direction; r >= 0 && r < rows.length; r += direction) {
    if (rows[r]!.varies) return r;
  }
  return -1;
}

export function storyReducer(
  state: StoryViewState,
  action: StoryAction,
  frame: StoryFrame,
): StoryResult {
  // The prompt takes Enter, Backspace and Esc; other keys have typed into it already.
  if (state.query !== null) {
    switch (action) {
      case 'open': {
        const phrase = state.query.trim();
        if (phrase === '') return { state: { ...state, query: null } };
        return { state: { ...state, query: null, phrase, mode: 'find', scroll: 0 } };
      }
      case 'erase':
        return { state: { ...state, query: [...state.query].slice(0, -1).join('') } };
      case 'back':
        return { state: { ...state, query: null } };
      default:
        return { state };
    }
  }
  const rows = frame.rows;
  if (MOVES.has(action)) {
    const step = action as Move;
    if (state.mode === 'overview') {
      if (!rows) return { state };
      return {
        state: withRow(state, moveCursor(state.row, step, frame.listHeight, rows.length), frame),
      };
    }
    const total = frame.textLength(state);
    return { state: { ...state, scroll: scrollBy(state.scroll, step, frame.textHeight, total) } };
  }
  switch (action) {
    case 'left':
    case 'right': {
      const column = clamp(state.column + (action === 'right' ? 1 : -1), 0, frame.versions - 1);
      return { state: withColumn(state, column, frame) };
    }
    case 'nextChange':
    case 'prevChange': {
      if (!rows) return { state, message: 'still aligning the versions' };
      const direction = action === 'nextChange' ? 1 : -1;
      const row = disagreeing(rows, state.row, direction);
      if (row < 0) {
        return {
          state,
          message:
            direction === 1
              ? 'no row below where versions differ'
              : 'no row above where versions differ',
        };
      }
      const mode = state.mode === 'variants' ? 'variants' : 'overview';
      const where = rows.filter((r, i) => r.varies && i <= row).length;
      const of = rows.filter((r) => r.varies).length;
      return {
        state: { ...withRow(state, row, frame), mode },
        message: `row ${row + 1}: difference ${where} of ${of}`,
      };
    }
    case 'open':
      if (state.mode === 'overview' && rows && rows.length > 0) {
        return { state: { ...state, mode: 'variants', scroll: 0 } };
      }
      return { state };
    case 'fingerprints':
      return {
        state: {
          ...state,
          mode: state.mode === 'fingerprints' ? 'overview' : 'fingerprints',
          scroll: 0,
        },
      };
    case 'findInStory':
      return { state: { ...state, query: '' } };
    case 'back':
      if (state.mode !== 'overview') return { state: { ...state, mode: 'overview', scroll: 0 } };
      return { state: null };
    default:
      return { state };
  }
}

/** The version under the cursor, for `c`: compare it with another. */
export function versionAtCursor<T>(state: StoryViewState, versions: readonly T[]): T | undefined {
  return versions[clamp(state.column, 0, versions.length - 1)];
}
