import React, { useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef } from 'react';
import { Box, Text, useApp, useStdout } from 'ink';
import type { Corpus, Version } from '../corpus/types.js';
import { expectedVersions, type LoadProgress } from '../corpus/stream.js';
import { glyphs } from '../render/glyphs.js';
import { thousands } from '../render/labels.js';
import type { BlockBuilder } from '../search/index.js';
import { useSearchIndex } from './hooks/use-search-index.js';
import { useStories, type FindLinks } from './hooks/use-stories.js';
import { inBackground } from './background.js';
import { hintsFor } from './keymap.js';
import { useKeys } from './hooks/use-keys.js';
import type { Theme } from './theme.js';
import { readSize, useTerminalSize } from './hooks/use-terminal-size.js';
import { clamp } from './layout/scroll.js';
import { useNamedCorpus } from './hooks/use-named-corpus.js';
import { StatusBar } from './components/status-bar.js';
import { StoriesPane } from './panes/stories.js';
import { ReaderPane } from './panes/reader.js';
import { SearchPane } from './panes/search.js';
import { ComparePane, SubstitutionsPane } from './panes/compare.js';
import { HelpPane } from './panes/help.js';
import { compareHints, compareScreen, compareWhere, substitutionsScreen } from './state/compare.js';
import { helpLines, helpScreen, helpWhere } from './state/help.js';
import { PickerPane } from './panes/picker.js';
import { StoryPane } from './panes/story.js';
import { PreviewSlot } from './panes/preview.js';
import { previewLines, previewPlacement, storyOfHit } from './layout/preview.js';
import { storiesWhere } from './layout/stories.js';
import { useCollationSteps } from './hooks/use-collations.js';
import {
  answerAgain,
  initialState,
  keepPlace,
  Layouts,
  openChoices,
  type Context,
  type UiState,
} from './state.js';
import { visibleChoices } from './state/picker.js';
import { selectReader } from './state/reader.js';
import { selectSearch } from './state/search.js';
import { selectStories } from './state/stories.js';
import { dispatch } from './input/dispatch.js';
import { copyPassage, writeToTerminal } from './clipboard.js';
import { exportComparison } from './export.js';
import type { TerminalControl } from './terminal/lifecycle.js';

/** The smallest terminal the reader lays out in. */
export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;

export interface AppProps {
  /** The corpus, or as much of it as has loaded. */
  readonly corpus: Corpus;
  /** How far loading has gone, while the corpus streams in; null or absent once it is whole. */
  readonly loading?: LoadProgress | null;
  readonly theme: Theme;
  /** Open straight into a comparison of these two versions. */
  readonly initialPair?: readonly [Version, Version] | undefined;
  readonly exact?: boolean;
  /** The terminal, for the keys that act on it (Ctrl-L, Ctrl-Z); none in tests. */
  readonly terminal?: TerminalControl;
  /** Where `y` writes its OSC 52 sequence: the terminal, not Ink (default: stdout if a TTY). */
  readonly clipboard?: (sequence: string) => void;
  /** Receives a way to ask whether the reader is idle: for tests that wait for a frame. */
  readonly probe?: (probe: ReaderProbe) => void;
  /** Where blocks of the search index are built: on a thread, for a corpus that streams in. */
  readonly indexBlocks?: BlockBuilder | null;
  /**
   * Every version of a corpus that streams in, as they load (one list that grows): the search
   * index reads them as they come, not only when the corpus is next shown (each time it has
   * doubled), so that the index is whole soon after the last version loads (see
   * CorpusFeed.loaded). Default: the corpus's versions.
   */
  readonly loaded?: readonly Version[];
  /**
   * Where story grouping compares the samples the loader threads took: on a thread, for a large
   * corpus that streams in (see group-thread.ts); null, or none, between keys, here.
   */
  readonly findLinks?: FindLinks | null;
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

export function App({
  corpus: latest,
  loading = null,
  theme,
  initialPair,
  exact = false,
  terminal,
  clipboard = writeToTerminal,
  probe,
  indexBlocks = null,
  findLinks = null,
  loaded,
}: AppProps) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const { columns: width, rows } = useTerminalSize();
  // The whole terminal: the frame layer (terminal/frames.ts) draws each frame as a difference.
  const rootHeight = Math.max(1, rows);
  const paneHeight = Math.max(1, rootHeight - 1);

  // The corpus on screen: the latest as soon as its versions are named.
  const { corpus, labels } = useNamedCorpus(latest);
  const layouts = useMemo(
    () => new Layouts(corpus, labels, theme, exact),
    [corpus, labels, theme, exact],
  );
  const help = useMemo(() => helpLines(width), [width]);

  // Grouping waits until after the first frame, so the reader opens at once, and until the whole
  // corpus is in; it works on the corpus as loaded, while the one on screen may still wait for
  // its names. The search index grows as the corpus loads (see useSearchIndex).
  const whole = loading === null;
  const grouped = useStories(latest.versions, whole, findLinks);
  // The stories of the corpus on screen, once grouped.
  const stories = grouped !== null && grouped.versions === corpus.versions ? grouped.map : null;

  // The state lives in a ref that keys update at once; a counter tells React to draw it.
  const store = useRef<UiState>(initialState(initialPair));
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  // Collations for the story view and the search preview are built between frames.
  useCollationSteps(layouts.story.collations, redraw);
  // Similarity figures the Stories rows on screen wait for are computed in the background.
  useEffect(() => {
    if (!layouts.wantsFigures) return;
    return inBackground((deadline) => {
      const done = layouts.figureSteps(deadline);
      redraw();
      return done;
    });
  });
  const layoutsRef = useRef(layouts);
  layoutsRef.current = layouts;
  const collationsRef = useRef(layouts.story.collations);
  collationsRef.current = layouts.story.collations;
  const update = useCallback((change: (state: UiState) => UiState): void => {
    const next = change(store.current);
    if (next === store.current) return;
    store.current = next;
    redraw();
  }, []);

  // Each time the index covers more versions, the query on screen is answered again.
  const searchIndex = useSearchIndex(
    loaded ?? latest.versions,
    whole,
    indexBlocks,
    () => update((s) => answerAgain(s, ctxRef.current)),
    loading ? expectedVersions(loading) : null,
    stories !== null,
  );
  // Searching is part of the key's transition: the query and its results make one frame. Until
  // the index covers a first block of versions, a query waits.
  const runSearch = useCallback(
    (query: string) =>
      query.trim() === ''
        ? []
        : searchIndex.searchedVersions > 0 || searchIndex.complete
          ? searchIndex.search(query, { limit: 200 })
          : null,
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
    if (request === 'copy' || request === 'export') {
      const said =
        request === 'copy'
          ? copyPassage(store.current, ctxRef.current, clipboard)
          : exportComparison(store.current, ctxRef.current);
      update((s) => ({ ...s, message: said }));
    }
  });

  const drawn = useRef<{
    state: UiState;
    width: number;
    rows: number;
    collations: number;
    figures: number;
  } | null>(null);
  useLayoutEffect(() => {
    drawn.current = {
      state,
      width,
      rows,
      collations: layouts.story.collations.revision,
      figures: layouts.figuresComputed,
    };
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
        !layoutsRef.current.wantsFigures &&
        drawn.current.figures === layoutsRef.current.figuresComputed &&
        drawn.current.collations === collationsRef.current.revision &&
        !keys.pending(),
      quitting: () => store.current.quit,
    });
  }, [probe, keys, stdout]);

  if (tooSmall) {
    return (
      <Box flexDirection="column" height={rootHeight}>
        <Text wrap="truncate-end">{`Terminal too small (${width}${glyphs().times}${rows}).`}</Text>
        <Text wrap="truncate-end">
          {`Need ${MIN_COLUMNS}${glyphs().times}${MIN_ROWS}; q quits.`}
        </Text>
      </Box>
    );
  }

  const label = (id: string): string => labels.get(id) ?? id;
  let body: React.ReactNode;
  let where: string;
  const overlay = state.overlay;
  const readerView = state.pane === 'reader' ? selectReader(state, ctx) : null;
  const view = state.compare ? layouts.compare(state.compare, width, state.sideBySide) : null;
  const picking = openChoices(state, ctx);
  const storyInput = state.story
    ? layouts.story.input(stories, state.story.story, width, paneHeight)
    : null;

  if (overlay?.kind === 'help') {
    const screen = helpScreen(overlay, help, width, paneHeight);
    body = (
      <HelpPane lines={help} screen={screen} width={width} height={paneHeight} theme={theme} />
    );
    where = helpWhere(screen);
  } else if (overlay?.kind === 'substitutions' && state.compare) {
    const list = layouts.compareViews.substitutions(state.compare, width);
    const { top, where: place } = substitutionsScreen(overlay, list.length, paneHeight);
    body = (
      <SubstitutionsPane lines={list} top={top} width={width} height={paneHeight} theme={theme} />
    );
    where = place;
  } else if (picking) {
    const { base, choices, height } = picking;
    const top = clamp(picking.picker.top, 0, Math.max(0, choices.length - height));
    body = (
      <PickerPane
        base={base}
        choices={visibleChoices(choices, base, top, height, layouts.similarity)}
        empty={choices.length === 0}
        cursor={picking.picker.cursor}
        top={top}
        labels={labels}
        width={width}
        height={paneHeight}
        theme={theme}
      />
    );
    where = `Compare ${label(base.id)} with${glyphs().ellipsis}`;
  } else if (readerView) {
    const { layout, top, end, version } = readerView;
    body = <ReaderPane layout={layout} top={top} width={width} height={paneHeight} theme={theme} />;
    const { dot, range } = glyphs();
    where = `Reader ${dot} ${label(version.id)} ${dot} lines ${thousands(top + 1)}${range}${thousands(end)} of ${thousands(layout.lines.length)}`;
  } else if (state.pane === 'compare' && state.compare && view) {
    const screen = compareScreen(view, state.compare, paneHeight);
    body = <ComparePane screen={screen} width={width} height={paneHeight} theme={theme} />;
    where = compareWhere(view, screen);
  } else if (state.pane === 'story' && state.story && storyInput) {
    layouts.story.collations.want(storyInput.story);
    const layout = layouts.story.layout(storyInput, state.story);
    body = <StoryPane layout={layout} width={width} height={paneHeight} theme={theme} />;
    where = layout.where;
  } else if (state.pane === 'search') {
    const search = selectSearch(state.search);
    const placement = previewPlacement(width, paneHeight);
    const hit = (search.pending ? null : search.hits)?.[search.cursor];
    const hitStory = storyOfHit(stories, hit);
    if (placement.where !== 'none' && hitStory && hitStory.versions.length > 1) {
      layouts.story.collations.want(hitStory);
    }
    const list = (
      <SearchPane
        query={search.query}
        querySelected={search.querySelected}
        hits={search.hits}
        pending={search.pending}
        searched={
          searchIndex.complete
            ? null
            : {
                versions: searchIndex.searchedVersions,
                of: loading?.total ?? Math.max(loading?.loaded ?? 0, searchIndex.versions),
              }
        }
        selected={search.cursor}
        top={search.top}
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
    const list = selectStories(state.stories, ctx);
    body = (
      <StoriesPane
        corpus={corpus}
        lines={list.lines}
        labelWidth={list.labelWidth}
        storyCount={stories ? stories.stories.length : null}
        loading={loading}
        selectedRow={list.selectedRow}
        width={width}
        height={paneHeight}
        theme={theme}
      />
    );
    const { none } = glyphs();
    where = storiesWhere(list.version ? label(list.version.id) : none, list.position, list.count);
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
            : state.pane === 'compare'
              ? compareHints(hintsFor('compare'), view?.twoColumns ?? false, width)
              : hintsFor(state.pane).filter((h) => h.hint !== 'back' || state.history.length > 0)
        }
        width={width}
        theme={theme}
      />
    </Box>
  );
}
