import { previewPlacement } from '../layout/preview.js';
import { sanitizeLine } from '../../corpus/sanitize.js';
import type { SearchHit } from '../../search/types.js';
import { RESULT_HEIGHT } from '../layout/search.js';
import { follow, moveCursor, type Move } from '../layout/scroll.js';
import type { Context } from './context.js';
import { openReader } from './reader.js';
import type { UiState } from './ui.js';

/**
 * The search pane's model: the query as typed, its results, a cursor in them, and the queries
 * typed since the reader opened (fzf's history: Ctrl-P and Ctrl-N). A query is answered in the
 * same transition as the key that changed it, so the query and its results reach the screen in
 * one frame; only while the search index is still being built does a query wait (see
 * answerPending). Pure.
 */

export interface SearchState {
  readonly query: string;
  /** The query is selected, as when the pane opens again: typing replaces it, → or End keeps it. */
  readonly querySelected: boolean;
  /** Results, and the query they answer: they lag the query only while the index is built. */
  readonly hits: readonly SearchHit[] | null;
  readonly answered: string;
  /** The result under the cursor. */
  readonly cursor: number;
  /** The first line of the results in view. */
  readonly top: number;
  /** Queries searched since the reader opened, oldest first, each once. */
  readonly past: readonly string[];
  /** The entry of `past` shown while going through it with Ctrl-P and Ctrl-N, else null. */
  readonly recall: number | null;
  /** The query being typed when Ctrl-P was first pressed: Ctrl-N past the newest brings it back. */
  readonly draft: string;
  /** Enter came before the results could: open the first hit once they come. */
  readonly openWhenAnswered: boolean;
}

export const initialSearch: SearchState = {
  query: '',
  querySelected: false,
  hits: null,
  answered: '',
  cursor: 0,
  top: 0,
  past: [],
  recall: null,
  draft: '',
  openWhenAnswered: false,
};

export function resultsHeight(ctx: Context): number {
  // A tall narrow terminal shows the selected hit's preview below the results.
  return Math.max(1, previewPlacement(ctx.width, ctx.paneHeight).listHeight - 2);
}

/** Search hits that answer the current query, or null while it waits for the index. */
export function currentHits(search: SearchState): readonly SearchHit[] | null {
  return search.answered === search.query ? search.hits : null;
}

/** Answer the query now, if it needs answering and the index is ready. */
function answer(search: SearchState, ctx: Context): SearchState {
  if (search.answered === search.query && search.hits !== null) return search;
  const hits = ctx.search(search.query);
  if (hits === null) return search;
  return { ...search, hits, answered: search.query, cursor: 0, top: 0 };
}

/** A new query, typed or recalled, answered at once. */
function setQuery(search: SearchState, ctx: Context, query: string): SearchState {
  // An Enter that waited for the results was for the query it was typed after.
  const changed = query !== search.query;
  const openWhenAnswered = search.openWhenAnswered && !changed;
  return answer({ ...search, query, querySelected: false, recall: null, openWhenAnswered }, ctx);
}

/** Type into the query (text may be several characters: a paste); a selected query is replaced. */
export function typeQuery(search: SearchState, ctx: Context, text: string): SearchState {
  // What is typed or pasted is shown on screen: no byte of it may drive the terminal either. A
  // pasted line break or tab is a space in a one-line query. Anything else goes to the engine as
  // typed, so fzf's extended syntax ('exact !not ^start end$ a | b) reaches it whole.
  const typed = sanitizeLine(text.replace(/[\r\n\t]+/g, ' '));
  return setQuery(search, ctx, search.querySelected ? typed : search.query + typed);
}

/** Backspace: the last letter, or the whole query while it is selected. */
export function eraseQuery(search: SearchState, ctx: Context): SearchState {
  const query = search.querySelected ? '' : [...search.query].slice(0, -1).join('');
  return setQuery(search, ctx, query);
}

export function clearQuery(search: SearchState, ctx: Context): SearchState {
  return setQuery(search, ctx, '');
}

/** → or End on a selected query: keep it, and type after it. */
export function keepQuery(search: SearchState): SearchState {
  return search.querySelected ? { ...search, querySelected: false } : search;
}

/**
 * Ctrl-P (-1) and Ctrl-N (+1): the previous or next query of the history, as fzf goes through
 * its history. The query being typed is kept, and comes back after the newest.
 */
export function recallQuery(search: SearchState, ctx: Context, direction: -1 | 1): SearchState {
  const { past, recall } = search;
  if (direction === 1) {
    if (recall === null) return search;
    if (recall + 1 >= past.length) return { ...setQuery(search, ctx, search.draft), recall: null };
    return { ...setQuery(search, ctx, past[recall + 1]!), recall: recall + 1 };
  }
  let at = (recall ?? past.length) - 1;
  // Reopened on the query just searched: the step back goes to the one before it.
  if (recall === null && past[at] === search.query) at--;
  if (at < 0) return search;
  const draft = recall === null ? search.query : search.draft;
  return { ...setQuery(search, ctx, past[at]!), recall: at, draft };
}

/** The pane opens: the previous query is selected, so typing starts a new one. */
export function enterSearch(search: SearchState): SearchState {
  return { ...search, querySelected: search.query !== '', recall: null };
}

/** The pane closes: its query joins the history (once, as the newest). */
export function leaveSearch(search: SearchState): SearchState {
  const query = search.query.trim() === '' ? null : search.query;
  const past = query === null ? search.past : [...search.past.filter((q) => q !== query), query];
  return { ...search, past, recall: null, querySelected: false, openWhenAnswered: false };
}

export function moveSearch(search: SearchState, ctx: Context, step: Move): SearchState {
  const count = currentHits(search)?.length ?? 0;
  const height = resultsHeight(ctx);
  const perPage = Math.max(1, Math.floor(height / RESULT_HEIGHT));
  const cursor = moveCursor(search.cursor, step, perPage, count);
  const start = cursor * RESULT_HEIGHT;
  const top = follow(search.top, start, start + RESULT_HEIGHT - 1, height, count * RESULT_HEIGHT);
  return { ...search, cursor, top };
}

/** Enter: open the hit under the cursor in the reader, or as soon as the results come. */
export function openHit(state: UiState, ctx: Context): UiState {
  const search = answer(state.search, ctx);
  const hits = currentHits(search);
  if (hits === null) return { ...state, search: { ...search, openWhenAnswered: true } };
  const place = hits[search.cursor]?.versions[0];
  const version = place ? ctx.layouts.byId.get(place.id) : undefined;
  const next = { ...state, search };
  if (version && place) return openReader(next, ctx, version, place.paragraph);
  // A hit from a version loaded but not yet listed (the index reads versions as they load).
  return place ? { ...next, message: `${place.id} is still loading: open it in a moment` } : next;
}

/** The index is ready: answer the waiting query, and open its hit if Enter asked for it. */
export function answerPending(state: UiState, ctx: Context): UiState {
  const search = answer(state.search, ctx);
  if (search === state.search) return state;
  const answered = { ...state, search: { ...search, openWhenAnswered: false } };
  return search.openWhenAnswered && state.pane === 'search' ? openHit(answered, ctx) : answered;
}

/**
 * The index covers more versions than it did (the corpus is loading): answer the query again,
 * as fzf does as its input streams in, keeping the cursor where it was as far as the results go.
 */
export function answerAgain(state: UiState, ctx: Context): UiState {
  const { search } = state;
  if (search.answered !== search.query || search.hits === null) return answerPending(state, ctx);
  if (search.query.trim() === '') return state;
  const hits = ctx.search(search.query);
  if (hits === null) return state;
  const cursor = Math.min(search.cursor, Math.max(0, hits.length - 1));
  const top = Math.min(search.top, cursor * RESULT_HEIGHT);
  return { ...state, search: { ...search, hits, cursor, top } };
}

export interface SearchView {
  readonly query: string;
  readonly querySelected: boolean;
  readonly hits: readonly SearchHit[] | null;
  readonly pending: boolean;
  readonly cursor: number;
  readonly top: number;
}

/** The layout selector: what the search pane shows. */
export function selectSearch(search: SearchState): SearchView {
  const pending = search.query !== search.answered;
  return {
    query: search.query,
    querySelected: search.querySelected,
    hits: pending ? search.hits : currentHits(search),
    pending,
    cursor: search.cursor,
    top: search.top,
  };
}
