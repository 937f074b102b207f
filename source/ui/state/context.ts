import type { StoryMap } from '../../corpus/stories.js';
import type { SearchHit } from '../../search/types.js';
import type { Layouts } from './layouts.js';

/** What the views' transitions need to know besides the state: the screen and the corpus. */
export interface Context {
  readonly layouts: Layouts;
  readonly stories: StoryMap | null;
  readonly width: number;
  /** Rows for a pane: the screen less the status line. */
  readonly paneHeight: number;
  readonly helpLength: number;
  /**
   * Search at once: the hits for a query, or null while the search index is still being built
   * (the query is answered once it is ready; see answerPending in state/search.ts).
   */
  readonly search: (query: string) => readonly SearchHit[] | null;
}
