import { actionFor, type Action, type View } from '../keymap.js';
import { applyAction, typeQuery, type Context, type UiState } from '../state.js';
import { isTyping, typeStoryQuery } from '../state/story.js';
import type { KeyEvent } from './keys.js';

/**
 * The one place a key becomes a change: every pane, the picker and the help screen resolve keys
 * through the keymap here. Pure: the state and what the terminal should do come back.
 */

/** What a key asks of the terminal rather than of the reader's state. */
export type TerminalRequest = 'redraw' | 'suspend' | 'copy' | 'export';

export interface Dispatched {
  readonly state: UiState;
  readonly request: TerminalRequest | null;
}

/** The keys that still work when the terminal is too small to show anything. */
const WHEN_TOO_SMALL: ReadonlySet<Action> = new Set(['quit', 'forceQuit', 'redraw', 'suspend']);

/** Where keys go now: the screen over the pane, if one is open, or the pane. */
export function viewOf(state: UiState): View {
  return state.overlay?.kind ?? state.pane;
}

export function dispatch(
  state: UiState,
  ctx: Context,
  event: KeyEvent,
  tooSmall = false,
): Dispatched {
  const unchanged: Dispatched = { state, request: null };
  const view = viewOf(state);
  // After / in the story view, what is typed or pasted goes into the phrase.
  if (
    view === 'story' &&
    state.story &&
    isTyping(state.story) &&
    event.text !== null &&
    !tooSmall
  ) {
    return {
      state: { ...cleared(state), story: typeStoryQuery(state.story, event.text) },
      request: null,
    };
  }
  if (event.kind === 'paste') {
    // A paste is text for the search box; anywhere else it is not a string of commands.
    return view === 'search' && !tooSmall
      ? { state: typeQuery(cleared(state), ctx, event.text), request: null }
      : unchanged;
  }
  if (view === 'search' && event.text !== null && !tooSmall) {
    return { state: typeQuery(cleared(state), ctx, event.text), request: null };
  }
  const action = actionFor(event.name, view);
  if (action === undefined || (tooSmall && !WHEN_TOO_SMALL.has(action))) return unchanged;
  if (action === 'redraw' || action === 'suspend') return { state, request: action };
  // Copy and export write outside the reader (the terminal, a file): the app does them.
  if (action === 'copy' || action === 'export') return { state: cleared(state), request: action };
  // Nothing is on screen to close in a terminal too small to draw: q quits.
  if (tooSmall) return { state: { ...state, quit: true }, request: null };
  return { state: applyAction(cleared(state), ctx, action, event.name), request: null };
}

/** The status line's passing message lasts until the next key that does something. */
function cleared(state: UiState): UiState {
  return state.message === null ? state : { ...state, message: null };
}
