import type { CompareState, SubstitutionsState } from './compare.js';
import type { StoryViewState } from './story.js';
import type { HelpState } from './help.js';
import { goBack, goTo, type PaneName } from './navigation.js';
import type { PickerState } from './picker.js';
import type { ReaderState } from './reader.js';
import type { SearchState } from './search.js';
import type { StoriesState } from './stories.js';

/**
 * The reader's whole state: one slice per view, the navigation stack between the panes, and
 * the screen drawn over them (help, the compare picker). Each view's module (stories.ts,
 * reader.ts, search.ts, compare.ts, help.ts, picker.ts) holds its slice's transitions; the root
 * (../state.ts) routes the keymap's actions to them.
 */

export type { PaneName } from './navigation.js';

export type Overlay = HelpState | PickerState | SubstitutionsState;

export interface UiState {
  readonly pane: PaneName;
  /** Panes to go back to, the latest last. */
  readonly history: readonly PaneName[];
  readonly overlay: Overlay | null;
  /** A passing message for the status line, cleared by the next key. */
  readonly message: string | null;
  readonly stories: StoriesState;
  readonly reader: ReaderState | null;
  readonly compare: CompareState | null;
  /** The story view: every version of one story at once. */
  readonly story: StoryViewState | null;
  readonly sideBySide: boolean;
  readonly search: SearchState;
  readonly quit: boolean;
}

/**
 * Go to a pane. Stories is the top: going there clears the way back, and every other pane has
 * Stories at the bottom of its way back, so Esc always leads home and q there quits.
 */
export function go(state: UiState, next: PaneName): UiState {
  return { ...state, ...goTo(state, next), overlay: null };
}

export function back(state: UiState): UiState | null {
  const previous = goBack(state);
  return previous ? { ...state, ...previous } : null;
}
