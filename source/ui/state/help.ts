import { scrollBy, type Move } from '../layout/scroll.js';
import type { Context } from './context.js';
import type { UiState } from './ui.js';

/** The help screen's model: the first line in view. Moved here from ui/state.ts as it was. */

export interface HelpState {
  readonly kind: 'help';
  readonly top: number;
}

export function toggleHelp(state: UiState): UiState {
  return {
    ...state,
    overlay: state.overlay?.kind === 'help' ? null : { kind: 'help', top: 0 },
  };
}

export function moveHelp(help: HelpState, ctx: Context, step: Move): HelpState {
  return { kind: 'help', top: scrollBy(help.top, step, ctx.paneHeight, ctx.helpLength) };
}
