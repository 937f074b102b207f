import { useEffect, useRef } from 'react';
import { takePassageHashes } from '../../corpus/taken.js';
import { liftYoungGenerationCap } from '../../corpus/young-generation.js';
import type { Version } from '../../corpus/types.js';
import { growingSearchIndex, type BlockBuilder } from '../../search/index.js';
import { inBackground, timeLeft } from '../background.js';
import type { GrowingSearchIndex } from '../../search/types.js';

/**
 * Blocks of passages this large or larger are indexed on the indexing thread, smaller ones here
 * between keys: a corpus of 10,000 versions (58,000 passages) never starts the thread.
 */
const THREAD_FROM = 32_768;

/**
 * A corpus expected to hold this many versions or more has every block indexed on the thread,
 * the first small ones too: at 100,000 versions they were 44,700 passages, 745 ms of this
 * thread's time while it loads (the indexing thread builds them four times as fast).
 */
export const ALL_ON_THREAD_FROM = 20_000;

/**
 * Feeds a growing search index the versions of a corpus as they load, and works on it in the
 * background (see background.ts): reading passages here, while their blocks are indexed here or
 * on the indexing thread.
 */
class IndexFeed {
  readonly index: GrowingSearchIndex;
  /** The versions given last, and how many of them the index has. */
  #versions: readonly Version[] = [];
  #added = 0;
  #stopped = false;
  /** Stops the background job, while there is one. */
  #running: (() => void) | null = null;
  readonly #job = (deadline: number): boolean => {
    const idle = this.index.work(timeLeft(deadline));
    if (idle) this.#running = null;
    return idle;
  };

  constructor(build: BlockBuilder | null) {
    this.index = growingSearchIndex({
      build,
      threadFrom: THREAD_FROM,
      hashes: takePassageHashes,
    });
  }

  /**
   * The reader has settled (the corpus whole and grouped): warm the matcher up in its idle time,
   * so that the first keystroke finds its code compiled. Not before: the warm-up's first steps
   * compile it, 40 to 85 ms a step at the end of a large load, which a key would wait for.
   */
  warm(): void {
    this.index.warmOnce();
    this.pump();
  }

  /** Whether `versions` is the versions given before, and maybe more after them. */
  continues(versions: readonly Version[]): boolean {
    const last = this.#added - 1;
    return versions.length >= this.#added && (last < 0 || versions[last] === this.#versions[last]);
  }

  /**
   * The corpus as loaded so far; `whole` once it is all in; `expected`, the versions it will
   * hold, when known.
   */
  give(versions: readonly Version[], whole: boolean, expected: number | null): void {
    if (expected !== null && expected >= ALL_ON_THREAD_FROM) this.index.threadFrom = 0;
    if (versions.length > this.#added) this.index.add(versions.slice(this.#added));
    this.#versions = versions;
    this.#added = versions.length;
    if (whole && !this.index.complete) this.index.finish();
    this.pump();
  }

  /** Work on the index in the background until nothing is left to do here. */
  pump(): void {
    if (this.#running || this.#stopped) return;
    this.#running = inBackground(this.#job);
  }

  stop(): void {
    this.#stopped = true;
    this.#running?.();
    this.#running = null;
  }
}

/**
 * The search index of a corpus that may still be loading: the same index as the corpus grows,
 * a new one for another corpus. `grew` hears each time a search covers more versions;
 * `expected` is how many versions the corpus will hold, when known; `settled`, whether the
 * reader has settled (its corpus whole and grouped), when the matcher is warmed up and, once the
 * index is complete too, the cap on the young generation is lifted.
 */
export function useSearchIndex(
  versions: readonly Version[],
  whole: boolean,
  build: BlockBuilder | null,
  grew: () => void,
  expected: number | null = null,
  settled = true,
): GrowingSearchIndex {
  const feed = useRef<IndexFeed | null>(null);
  if (!feed.current?.continues(versions)) feed.current = new IndexFeed(build);
  const current = feed.current;
  const grewRef = useRef(grew);
  grewRef.current = grew;
  const settledRef = useRef(settled);
  settledRef.current = settled;
  useEffect(() => {
    const stop = current.index.onGrow(() => {
      grewRef.current();
      current.pump();
      if (settledRef.current && current.index.complete) liftYoungGenerationCap();
    });
    return () => {
      stop();
      current.stop();
    };
  }, [current]);
  // The versions of a corpus that streams in are one list that grows: its length says it grew.
  const count = versions.length;
  useEffect(
    () => current.give(versions, whole, expected),
    [current, versions, count, whole, expected],
  );
  useEffect(() => {
    if (settled) current.warm();
    // The corpus is in, grouped and indexed: what the reader allocates from now on is a key's,
    // and mostly dies young (see young-generation.ts). Whichever comes last, here or above.
    if (settled && current.index.complete) liftYoungGenerationCap();
  }, [current, settled]);
  return current.index;
}
