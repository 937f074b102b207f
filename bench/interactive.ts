/**
 * Measures of the built reader in a pseudo-terminal (80×24): time to the first frame, bytes
 * written per keystroke, peak memory. See bench/pty.ts for how the terminal is made.
 */
import { PtySession } from './pty.js';

/** The stories pane's status line: the first frame is on screen once it is. */
export const STORIES_STATUS = /Stories · \S+ · [\d,]+ of [\d,]+/;
/** The stories header once grouping (done after the first frame) has finished. */
export const GROUPED = / versions? in [\d,]+ stor(?:y|ies)/;
const READER_STATUS = /Reader · \S+ · lines [\d,]+–[\d,]+ of [\d,]+/;
/** The search pane, open and empty. */
const SEARCH_OPEN = /Type to search/;
/**
 * The search pane's summary once results are in, over the whole corpus (not "in 4,000 of 10,000
 * versions", while it loads).
 */
const SEARCH_ANSWERED = /[\d,]+ passages? · [\d,]+ of [\d,]+|no passage matches «[^»]*»(?! in)/;

/** How long the output must stay silent before a keystroke's bytes are all counted. */
export const QUIET_MS = 150;

export interface PtyArgs {
  readonly args?: readonly string[];
}

/** Start the reader; resolve with the time from spawn to the first frame, and the session. */
async function start(options: PtyArgs): Promise<{ session: PtySession; firstFrameMs: number }> {
  const session = new PtySession({ args: options.args ?? [] });
  try {
    const at = await session.waitFor((text) => STORIES_STATUS.test(text));
    return { session, firstFrameMs: at - session.startedAt };
  } catch (error) {
    await session.close();
    throw error;
  }
}

/**
 * Milliseconds from start to first frame, for each of `runs` starts, after one start that is not
 * counted: the first start after a build reads the new bundle from disk, and every later one (and
 * every start of an installed program) finds it in the page cache.
 */
export async function firstFrames(options: PtyArgs, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = -1; i < runs; i++) {
    const { session, firstFrameMs } = await start(options);
    if (i >= 0) times.push(firstFrameMs);
    await session.close();
  }
  return times;
}

/** Wait for grouping, then for the screen to settle. */
async function untilGrouped(session: PtySession): Promise<void> {
  // A large corpus streams in and is grouped behind the first frame: minutes, at 100,000.
  await session.waitFor((text) => GROUPED.test(text), null, 600_000);
  await session.settle(session.log.mark(performance.now()), 2 * QUIET_MS);
}

/** Send a key that is not measured, and wait for its output to settle. */
async function press(session: PtySession, keys: string): Promise<void> {
  await session.keystroke(keys, QUIET_MS);
}

/** Frames each measured key drew, in the order measured. */
const framesDrawn: number[] = [];

/** The bytes a measured key costs; a key that draws nothing means the script lost its way. */
async function bytesOf(session: PtySession, keys: string): Promise<number> {
  const { bytes, frames } = await session.keystroke(keys, QUIET_MS);
  framesDrawn.push(frames);
  if (bytes === 0) {
    const screen = JSON.stringify(session.log.text.slice(-500));
    throw new Error(`key ${JSON.stringify(keys)} drew nothing; the pty's last output: ${screen}`);
  }
  return bytes;
}

export interface KeystrokeCosts {
  /** `j` in the stories list. */
  readonly listMove: number[];
  /** `j` in the reader: one line. */
  readonly readerLine: number[];
  /** Space in the reader: a page. */
  readonly readerPage: number[];
  /** One character typed into the search query, results included. */
  readonly searchKey: number[];
  /** Frames drawn by each of the keys above. */
  readonly frames: number[];
  /** The reader's peak resident set after all of that, in bytes. */
  readonly peakRss: number;
}

/** Typed, one key at a time, into the search pane: a query with a typo. */
export const SEARCH_TYPED = 'witkof talks';

/**
 * Bytes per keystroke on a corpus (80×24): list moves, reader lines and pages, search keys. Each
 * key's bytes are counted until the output has been quiet for QUIET_MS.
 */
export async function keystrokeCosts(options: PtyArgs = {}): Promise<KeystrokeCosts> {
  const { session } = await start(options);
  framesDrawn.length = 0;
  try {
    await untilGrouped(session);
    const listMove: number[] = [];
    for (let round = 0; round < 2; round++) {
      await press(session, 'g');
      for (let i = 0; i < 4; i++) listMove.push(await bytesOf(session, 'j'));
    }
    await press(session, 'g');
    const opened = session.send('\r');
    await session.waitFor((text) => READER_STATUS.test(text), opened);
    await session.settle(opened, QUIET_MS);
    const readerLine: number[] = [];
    for (let i = 0; i < 10; i++) readerLine.push(await bytesOf(session, 'j'));
    const readerPage: number[] = [];
    for (let i = 0; i < 5; i++) {
      await press(session, 'g');
      readerPage.push(await bytesOf(session, ' '));
    }
    await press(session, '/');
    const typing = session.log.mark(performance.now());
    const searchKey: number[] = [];
    for (const ch of SEARCH_TYPED) searchKey.push(await bytesOf(session, ch));
    await session.waitFor((text) => SEARCH_ANSWERED.test(text), typing);
    return {
      listMove,
      readerLine,
      readerPage,
      searchKey,
      frames: [...framesDrawn],
      peakRss: session.peakRss(),
    };
  } finally {
    await session.close();
  }
}

/**
 * The reader's peak resident set once the corpus is grouped and the search index built (a
 * search builds what is left of it at once), in bytes.
 */
export async function peakRssAfterSearch(options: PtyArgs, query = 'ceasefire talks') {
  const { session } = await start(options);
  try {
    await untilGrouped(session);
    await press(session, '/');
    const typed = session.send(query);
    await session.waitFor((text) => SEARCH_ANSWERED.test(text), typed, 60_000);
    await session.settle(typed, 2 * QUIET_MS);
    return session.peakRss();
  } finally {
    await session.close();
  }
}

export interface ScaleRun {
  /** Milliseconds from spawn to the first frame (Stories, loading). */
  readonly firstFrameMs: number;
  /** Milliseconds from spawn until the corpus is loaded and grouped. */
  readonly groupedMs: number;
  /** Milliseconds from spawn until a search typed once grouped is answered: all searchable. */
  readonly searchableMs: number;
  /** Peak resident set, in bytes, once all of it is done. */
  readonly peakRss: number;
  /**
   * Milliseconds from each key (j and k in turn, every KEY_PACE_MS, while the corpus loads and is
   * grouped) to the frame that shows the selection moved: how long a key waits meanwhile.
   */
  readonly keysWhileLoadingMs: number[];
}

/** How often a key is pressed while a large corpus loads. */
const KEY_PACE_MS = 250;
/** Where the Stories status line says the selection is. */
const STORIES_POSITION = /Stories · \S+ · ([\d,]+) of ([\d,]+)/;

/** Where the selection is in the Stories list, and how many versions the list has. */
function storiesPlace(screen: string): { at: number; of: number } | null {
  const found = STORIES_POSITION.exec(screen);
  const number = (text: string): number => Number(text.replaceAll(',', ''));
  return found ? { at: number(found[1]!), of: number(found[2]!) } : null;
}

function storiesPosition(screen: string): number | null {
  return storiesPlace(screen)?.at ?? null;
}

/** Move the selection down and up, a key at a time, until the corpus is grouped. */
async function keysUntilGrouped(session: PtySession): Promise<number[]> {
  const waits: number[] = [];
  let down = true;
  // Keys move the selection once two versions are in.
  await session.waitFor(() => (storiesPlace(session.screenText)?.of ?? 0) >= 2, null, 60_000);
  while (!GROUPED.test(session.screenText)) {
    const before = storiesPosition(session.screenText)!;
    const expected = down ? before + 1 : before - 1;
    const mark = session.send(down ? 'j' : 'k');
    // Grouping lays the list out again, the selection at another place: that key is not counted.
    const moved = (): boolean => storiesPosition(session.screenText) === expected;
    const shown = await session.waitFor(
      () => moved() || GROUPED.test(session.screenText),
      mark,
      60_000,
    );
    if (moved()) waits.push(shown - mark.at);
    down = !down;
    await new Promise((resolve) => setTimeout(resolve, KEY_PACE_MS));
  }
  return waits;
}

/**
 * One start of the reader on a large corpus: when its first frame shows, when the corpus is in
 * and grouped, when a search is answered, and the memory it took.
 */
export async function scaleRun(options: PtyArgs, query = 'ceasefire'): Promise<ScaleRun> {
  const { session, firstFrameMs } = await start(options);
  try {
    const keysWhileLoadingMs = await keysUntilGrouped(session);
    const grouped = await session.waitFor((text) => GROUPED.test(text), null, 600_000);
    // Typed as soon as the search box shows, not after the quiet `press` waits for: that wait
    // is the bench's, not the reader's.
    await session.waitFor((text) => SEARCH_OPEN.test(text), session.send('/'), 60_000);
    const typed = session.send(query);
    const answered = await session.waitFor((text) => SEARCH_ANSWERED.test(text), typed, 600_000);
    return {
      firstFrameMs,
      groupedMs: grouped - session.startedAt,
      searchableMs: answered - session.startedAt,
      peakRss: session.peakRss(),
      keysWhileLoadingMs,
    };
  } finally {
    await session.close();
  }
}

/** Typed into the search box at a large corpus, a key at a time, after a first query. */
export const LATENCY_TYPED = 'ceasefire talks in miami';

export interface SearchLatency {
  /** Milliseconds from each key to the last byte of its results. */
  readonly ms: number[];
  /** Frames each key drew. */
  readonly frames: number[];
}

/**
 * Key-to-results time in the reader, to the last byte, and frames per key: the search box at a
 * corpus, once its index is built (a first query waits for it).
 */
export async function searchLatency(options: PtyArgs): Promise<SearchLatency> {
  const { session } = await start(options);
  try {
    await untilGrouped(session);
    await press(session, '/');
    const first = session.send('x');
    await session.waitFor((text) => SEARCH_ANSWERED.test(text), first, 60_000);
    await session.settle(first, 2 * QUIET_MS);
    await press(session, '\u007f');
    const ms: number[] = [];
    const frames: number[] = [];
    for (const ch of LATENCY_TYPED) {
      const cost = await session.keystroke(ch, QUIET_MS);
      ms.push(cost.lastByteMs);
      frames.push(cost.frames);
    }
    return { ms, frames };
  } finally {
    await session.close();
  }
}
