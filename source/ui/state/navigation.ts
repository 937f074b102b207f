/**
 * The way between panes: the pane on screen and a stack of panes to go back to. Stories is the
 * bottom of every way back, so Esc always leads home and q there quits. Pure.
 */

export type PaneName = 'stories' | 'story' | 'reader' | 'search' | 'compare';

/** The order Tab goes through the panes. */
export const PANE_ORDER: readonly PaneName[] = ['stories', 'reader', 'search', 'compare', 'story'];

export interface Navigation {
  readonly pane: PaneName;
  /** Panes to go back to, the latest last. */
  readonly history: readonly PaneName[];
}

/** Go to a pane: going to Stories clears the way back; a pane visited before moves to the top. */
export function goTo(nav: Navigation, next: PaneName): Navigation {
  if (next === nav.pane) return nav;
  if (next === 'stories') return { pane: next, history: [] };
  const trail = [...nav.history, nav.pane].filter(
    (p, i, all) => p !== next && all.indexOf(p) === i,
  );
  const history =
    trail[0] === 'stories' ? trail : ['stories' as const, ...trail.filter((p) => p !== 'stories')];
  return { pane: next, history };
}

/** One step back, or null at the bottom of the way back. */
export function goBack(nav: Navigation): Navigation | null {
  const previous = nav.history[nav.history.length - 1];
  if (previous === undefined) return null;
  return { pane: previous, history: nav.history.slice(0, -1) };
}

/** The next pane that is open, after the one on screen (Tab). */
export function nextOpen(nav: Navigation, isOpen: (pane: PaneName) => boolean): Navigation {
  const open = PANE_ORDER.filter((p) => p === nav.pane || isOpen(p));
  return goTo(nav, open[(open.indexOf(nav.pane) + 1) % open.length]!);
}
