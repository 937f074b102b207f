import React, { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Box, Text, useApp } from 'ink';
import type { Corpus, Version } from '../corpus/types.js';
import { groupStories, type StoryMap } from '../corpus/stories.js';
import { buildSearchIndex } from '../search/index.js';
import type { SearchIndex } from '../search/types.js';
import { actionFor, hintsFor } from './keymap.js';
import { useKeys } from './hooks/use-keys.js';
import type { Theme } from './theme.js';
import { useTerminalSize } from './hooks/use-terminal-size.js';
import { clamp, MOVES } from './layout/scroll.js';
import { shortLabels } from '../corpus/labels.js';
import { StatusBar } from './components/status-bar.js';
import { TextPane } from './components/text-pane.js';
import { StoriesPane } from './panes/stories.js';
import { ReaderPane } from './panes/reader.js';
import { SearchPane } from './panes/search.js';
import { ComparePane } from './panes/compare.js';
import { helpLines } from './panes/help.js';
import { PickerPane, type PickerChoice } from './panes/picker.js';
import {
  answerSearch,
  applyAction,
  compareBodyHeight,
  currentHits,
  eraseQuery,
  initialState,
  keepPlace,
  Layouts,
  startCompare,
  storyListHeight,
  typeQuery,
  type Context,
  type UiState,
} from './state.js';

/** The smallest terminal the reader lays out in. */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;
/** How many versions the compare picker offers. */
const PICKER_SIZE = 40;

export interface AppProps {
  readonly corpus: Corpus;
  readonly theme: Theme;
  /** Open straight into a comparison of these two versions. */
  readonly initialPair?: readonly [Version, Version] | undefined;
  readonly exact?: boolean;
}

/** Versions to offer for comparison with `base`, the most similar first. */
function pickerChoices(corpus: Corpus, stories: StoryMap | null, base: Version): PickerChoice[] {
  const scored = corpus.versions
    .filter((v) => v.id !== base.id)
    .map((version) => ({
      version,
      similarity: stories ? stories.similarity(base, version) : null,
    }));
  if (stories) scored.sort((x, y) => (y.similarity ?? 0) - (x.similarity ?? 0));
  return scored.slice(0, PICKER_SIZE);
}

export function App({ corpus, theme, initialPair, exact = false }: AppProps) {
  const { exit } = useApp();
  const { columns: width, rows } = useTerminalSize();
  // One row short of the terminal, so Ink can redraw only the lines that change.
  const rootHeight = Math.max(1, rows - 1);
  const paneHeight = Math.max(1, rootHeight - 1);

  const labels = useMemo(() => shortLabels(corpus.versions), [corpus]);
  const layouts = useMemo(
    () => new Layouts(corpus, labels, theme, exact),
    [corpus, labels, theme, exact],
  );
  const help = useMemo(() => helpLines(), []);

  // Grouping and indexing wait until after the first frame, so the reader opens at once.
  const [stories, setStories] = useState<StoryMap | null>(null);
  const indexRef = useRef<SearchIndex | null>(null);
  const searchIndex = useCallback((): SearchIndex => {
    const index = indexRef.current ?? buildSearchIndex(corpus.versions);
    indexRef.current = index;
    return index;
  }, [corpus]);
  useEffect(() => {
    let stopped = false;
    // Build the search index in slices of a few milliseconds, so keys stay responsive meanwhile.
    const prepare = (): void => {
      if (!stopped && !searchIndex().prepareSlice(10)) setImmediate(prepare);
    };
    const timer = setTimeout(() => {
      setStories(groupStories(corpus.versions));
      setImmediate(prepare);
    }, 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [corpus, searchIndex]);

  // The state lives in a ref that keys update at once; a counter tells React to draw it.
  const store = useRef<UiState>(initialState(initialPair));
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const update = useCallback((change: (state: UiState) => UiState): void => {
    const next = change(store.current);
    if (next === store.current) return;
    store.current = next;
    redraw();
  }, []);

  const runSearch = useCallback(
    (query: string) => (query.trim() === '' ? [] : searchIndex().search(query, { limit: 200 })),
    [searchIndex],
  );
  const ctx: Context = {
    layouts,
    stories,
    width,
    paneHeight,
    helpLength: help.length,
    search: runSearch,
  };
  const ctxRef = useRef(ctx);
  // After a resize, keep the reader's place: the same passage at the top.
  if (ctxRef.current.width !== width || ctxRef.current.paneHeight !== paneHeight) {
    store.current = keepPlace(store.current, ctxRef.current, ctx);
  }
  ctxRef.current = ctx;
  const tooSmall = width < MIN_COLUMNS || rows < MIN_ROWS;
  const tooSmallRef = useRef(tooSmall);
  tooSmallRef.current = tooSmall;
  const state = store.current;

  useEffect(() => {
    if (state.quit) exit();
  }, [state.quit, exit]);

  // Searching happens after the keystroke has been drawn; a newer query makes an older one stale.
  const { query, answered } = state.search;
  useEffect(() => {
    if (query === answered) return;
    const timer = setTimeout(() => {
      const hits = runSearch(query);
      update((s) => answerSearch(s, query, hits));
    }, 0);
    return () => clearTimeout(timer);
  }, [query, answered, runSearch, update]);

  useKeys(({ name, text }) => {
    const current = store.current;
    const context = ctxRef.current;
    let next: UiState = current.message === null ? current : { ...current, message: null };
    if (name === 'ctrl+c') {
      next = { ...next, quit: true };
    } else if (tooSmallRef.current) {
      // Nothing else is on screen to act on; keys pressed blind would surprise later.
      if (name === 'q') next = { ...next, quit: true };
    } else if (next.overlay?.kind === 'picker') {
      if (name === 'escape' || name === 'q') next = { ...next, overlay: null };
    } else if (next.overlay?.kind === 'help') {
      const action = actionFor(name, 'reader');
      if (name === 'escape' || name === 'q' || name === '?') next = { ...next, overlay: null };
      else if (action && MOVES.has(action)) next = applyAction(next, context, action);
    } else if (next.pane === 'search' && text !== null) {
      next = typeQuery(next, text);
    } else if (next.pane === 'search' && name === 'backspace') {
      next = eraseQuery(next);
    } else {
      const action = actionFor(name, next.pane);
      if (action) next = applyAction(next, context, action);
    }
    update(() => next);
  });

  if (tooSmall) {
    return (
      <Box flexDirection="column" height={rootHeight}>
        <Text wrap="truncate-end">
          Terminal too small ({width}×{rows}).
        </Text>
        <Text wrap="truncate-end">
          Need {MIN_COLUMNS}×{MIN_ROWS}; q quits.
        </Text>
      </Box>
    );
  }

  const label = (id: string): string => labels.get(id) ?? id;
  let body: React.ReactNode;
  let where: string;
  const overlay = state.overlay;
  const reader = state.reader;
  const readerVersion = reader ? layouts.byId.get(reader.versionId) : undefined;
  const view = state.compare ? layouts.compare(state.compare, width, state.sideBySide) : null;

  if (overlay?.kind === 'help') {
    const top = clamp(overlay.top, 0, Math.max(0, help.length - paneHeight));
    body = <TextPane lines={help} top={top} width={width} height={paneHeight} theme={theme} />;
    where = 'Help';
  } else if (overlay?.kind === 'picker') {
    const base = layouts.byId.get(overlay.base)!;
    body = (
      <PickerPane
        base={base}
        choices={pickerChoices(corpus, stories, base)}
        labels={labels}
        width={width}
        height={paneHeight}
        theme={theme}
        onPick={(other) => update((s) => startCompare(s, base, other))}
      />
    );
    where = `Compare ${label(base.id)} with…`;
  } else if (state.pane === 'reader' && reader && readerVersion) {
    const layout = layouts.reader(readerVersion, width, state.search.hits);
    const top = clamp(reader.top, 0, Math.max(0, layout.lines.length - paneHeight));
    const end = Math.min(layout.lines.length, top + paneHeight);
    body = <ReaderPane layout={layout} top={top} width={width} height={paneHeight} theme={theme} />;
    where = `Reader · ${label(readerVersion.id)} · lines ${top + 1}–${end} of ${layout.lines.length}`;
  } else if (state.pane === 'compare' && state.compare && view) {
    const body_ = compareBodyHeight(ctx, view.header.length);
    const total = view.layout.lines.length;
    const top = clamp(state.compare.top, 0, Math.max(0, total - body_));
    const end = Math.min(total, top + body_);
    body = (
      <ComparePane
        header={view.header}
        layout={view.layout}
        top={top}
        width={width}
        height={paneHeight}
        theme={theme}
      />
    );
    where =
      `Compare · ${label(view.a.id)} → ${label(view.b.id)}` +
      `${view.twoColumns ? ' · side by side' : ''} · lines ${top + 1}–${end} of ${total}`;
  } else if (state.pane === 'search') {
    body = (
      <SearchPane
        query={state.search.query}
        hits={currentHits(state) ?? state.search.hits}
        pending={state.search.query !== state.search.answered}
        selected={state.search.selected}
        top={state.search.top}
        labels={labels}
        width={width}
        height={paneHeight}
        theme={theme}
      />
    );
    where = 'Search';
  } else {
    const storyRows = layouts.storyRows(stories, width);
    const version = storyRows.versions[state.stories.cursor];
    const top = clamp(
      state.stories.top,
      0,
      Math.max(0, storyRows.lines.length - storyListHeight(ctx)),
    );
    body = (
      <StoriesPane
        corpus={corpus}
        rows={storyRows}
        storyCount={stories ? stories.stories.length : null}
        cursor={state.stories.cursor}
        top={top}
        width={width}
        height={paneHeight}
        theme={theme}
      />
    );
    where = `Stories · ${version ? label(version.id) : '—'} · ${state.stories.cursor + 1} of ${storyRows.versions.length}`;
  }

  return (
    <Box flexDirection="column" width={width} height={rootHeight}>
      {body}
      <StatusBar
        where={where}
        message={state.message}
        hints={
          overlay
            ? [{ key: 'Esc', hint: 'close' }]
            : hintsFor(state.pane).filter((h) => h.hint !== 'back' || state.history.length > 0)
        }
        width={width}
        theme={theme}
      />
    </Box>
  );
}
