import React, {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import { Box, Text, useApp, useStdout } from 'ink';
import type { Corpus, Version } from '../corpus/types.js';
import { groupStories, type StoryMap } from '../corpus/stories.js';
import { buildSearchIndex } from '../search/index.js';
import type { SearchIndex } from '../search/types.js';
import { hintsFor } from './keymap.js';
import { useKeys } from './hooks/use-keys.js';
import type { Theme } from './theme.js';
import { readSize, useTerminalSize } from './hooks/use-terminal-size.js';
import { clamp } from './layout/scroll.js';
import { shortLabels } from '../corpus/labels.js';
import { StatusBar } from './components/status-bar.js';
import { TextPane } from './components/text-pane.js';
import { StoriesPane } from './panes/stories.js';
import { ReaderPane } from './panes/reader.js';
import { SearchPane } from './panes/search.js';
import { ComparePane } from './panes/compare.js';
import { helpLines } from './panes/help.js';
import { PickerPane } from './panes/picker.js';
import { StoryPane } from './panes/story.js';
import { PreviewSlot } from './panes/preview.js';
import { previewLines, previewPlacement } from './layout/preview.js';
import { storyOf } from './layout/story.js';
import { useCollationSteps } from './hooks/use-collations.js';
import {
  answerSearch,
  compareBodyHeight,
  currentHits,
  initialState,
  keepPlace,
  Layouts,
  storyListHeight,
  type Context,
  type UiState,
} from './state.js';
import { pickerListHeight } from './state/picker.js';
import { dispatch } from './input/dispatch.js';
import { CLEAR_SCREEN, type TerminalControl } from './terminal/lifecycle.js';

/** The smallest terminal the reader lays out in. */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;

export interface AppProps {
  readonly corpus: Corpus;
  readonly theme: Theme;
  /** Open straight into a comparison of these two versions. */
  readonly initialPair?: readonly [Version, Version] | undefined;
  readonly exact?: boolean;
  /** The terminal, for the keys that act on it (Ctrl-L, Ctrl-Z); none in tests. */
  readonly terminal?: TerminalControl;
  /** Receives a way to ask whether the reader is idle: for tests that wait for a frame. */
  readonly probe?: (probe: ReaderProbe) => void;
}

export interface ReaderProbe {
  /**
   * Whether the frame on screen shows the latest state, with no work under way: no search
   * waiting for results, stories grouped, no key waiting for the rest of its sequence.
   */
  idle(): boolean;
  /** Whether the reader has been told to quit. */
  quitting(): boolean;
}

export function App({ corpus, theme, initialPair, exact = false, terminal, probe }: AppProps) {
  const { exit } = useApp();
  const { stdout, write } = useStdout();
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
  // Collations for the story view and the search preview are built between frames.
  useCollationSteps(layouts.story.collations, redraw);
  const collationsRef = useRef(layouts.story.collations);
  collationsRef.current = layouts.story.collations;
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

  // Every key goes through the one dispatcher, in the order it was typed, at once.
  const terminalRef = useRef(terminal);
  terminalRef.current = terminal;
  const keys = useKeys((event) => {
    const { state: next, request } = dispatch(
      store.current,
      ctxRef.current,
      event,
      tooSmallRef.current,
    );
    update(() => next);
    if (request === 'redraw') terminalRef.current?.redraw();
    if (request === 'suspend') terminalRef.current?.suspend();
  });

  // A full redraw (Ctrl-L, or back from Ctrl-Z): Ink forgets what it drew around a write, then
  // draws the whole frame again.
  useEffect(() => terminal?.onRedraw(() => write(CLEAR_SCREEN)), [terminal, write]);

  const drawn = useRef<{
    state: UiState;
    width: number;
    rows: number;
    collations: number;
  } | null>(null);
  useLayoutEffect(() => {
    drawn.current = { state, width, rows, collations: layouts.story.collations.revision };
  });
  const storiesRef = useRef(stories);
  storiesRef.current = stories;
  useEffect(() => {
    probe?.({
      idle: () =>
        storiesRef.current !== null &&
        drawn.current?.state === store.current &&
        drawn.current.width === readSize(stdout).columns &&
        drawn.current.rows === readSize(stdout).rows &&
        store.current.search.query === store.current.search.answered &&
        !collationsRef.current.busy() &&
        drawn.current.collations === collationsRef.current.revision &&
        !keys.pending(),
      quitting: () => store.current.quit,
    });
  }, [probe, keys, stdout]);

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
  const storyInput = state.story
    ? layouts.story.input(stories, state.story.story, width, paneHeight)
    : null;

  if (overlay?.kind === 'help') {
    const top = clamp(overlay.top, 0, Math.max(0, help.length - paneHeight));
    body = <TextPane lines={help} top={top} width={width} height={paneHeight} theme={theme} />;
    where = 'Help';
  } else if (overlay?.kind === 'picker') {
    const base = layouts.byId.get(overlay.base)!;
    const choices = layouts.pickerChoices(stories, base);
    const listHeight = pickerListHeight(paneHeight);
    body = (
      <PickerPane
        base={base}
        choices={choices}
        cursor={overlay.cursor}
        top={clamp(overlay.top, 0, Math.max(0, choices.length - listHeight))}
        labels={labels}
        width={width}
        height={paneHeight}
        theme={theme}
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
  } else if (state.pane === 'story' && state.story && storyInput) {
    layouts.story.collations.want(storyInput.story);
    const layout = layouts.story.layout(storyInput, state.story);
    body = <StoryPane layout={layout} width={width} height={paneHeight} theme={theme} />;
    where = layout.where;
  } else if (state.pane === 'search') {
    const placement = previewPlacement(width, paneHeight);
    const hit = (currentHits(state) ?? [])[state.search.selected];
    const hitStory = hit && hit.versions[0] ? storyOf(stories, hit.versions[0].id) : undefined;
    if (placement.where !== 'none' && hitStory && hitStory.versions.length > 1) {
      layouts.story.collations.want(hitStory);
    }
    const list = (
      <SearchPane
        query={state.search.query}
        hits={currentHits(state) ?? state.search.hits}
        pending={state.search.query !== state.search.answered}
        selected={state.search.selected}
        top={state.search.top}
        labels={labels}
        width={placement.listWidth}
        height={placement.listHeight}
        theme={theme}
      />
    );
    const preview =
      placement.where === 'none'
        ? []
        : previewLines(
            {
              hit,
              story: hitStory,
              collation: hitStory ? layouts.story.collations.get(hitStory) : null,
              progress: hitStory ? layouts.story.collations.progress(hitStory) : null,
              label,
              width: placement.previewWidth,
              height: placement.previewHeight,
              markers: theme.markers,
            },
            placement.where,
          );
    body = <PreviewSlot list={list} placement={placement} lines={preview} theme={theme} />;
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
