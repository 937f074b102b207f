import { loadCorpus } from '../../../source/corpus/load.js';
import { shortLabels } from '../../../source/corpus/labels.js';
import { groupStories } from '../../../source/corpus/stories.js';
import { findVersion } from '../../../source/corpus/resolve.js';
import type { Corpus, Version } from '../../../source/corpus/types.js';
import { buildSearchIndex } from '../../../source/search/index.js';
import { dispatch } from '../../../source/ui/input/dispatch.js';
import { parseKeys } from '../../../source/ui/input/keys.js';
import { Layouts, type Context, type UiState } from '../../../source/ui/state.js';
import { monoTheme } from '../../../source/ui/theme.js';

/** The seeds, and what a view's transitions know of the screen, without Ink. */

let seeds: Corpus | null = null;
export function corpus(): Corpus {
  seeds ??= loadCorpus();
  return seeds;
}

export const version = (id: string): Version => findVersion(corpus(), id);

let layouts: Layouts | null = null;

/** A context for a `width`×`paneHeight` pane over the seeds, grouped and indexed. */
export function context(
  width = 80,
  paneHeight = 22,
  options: { indexed?: boolean; searched?: string[] } = {},
): Context {
  layouts ??= new Layouts(corpus(), shortLabels(corpus().versions), monoTheme, false);
  const index = buildSearchIndex(corpus().versions);
  return {
    layouts,
    stories: groupStories(corpus().versions),
    width,
    paneHeight,
    helpLength: 60,
    search: (query) => {
      options.searched?.push(query);
      if (query.trim() === '') return [];
      return options.indexed === false ? null : index.search(query, { limit: 200 });
    },
  };
}

/** Apply every key in `bytes` through the one dispatcher, as keys read together. */
export function run(state: UiState, ctx: Context, bytes: string): UiState {
  for (const event of parseKeys(bytes)) state = dispatch(state, ctx, event).state;
  return state;
}
