import { useEffect, useRef } from 'react';
import { loadedPassageHashes } from '../../corpus/stream.js';
import type { Version } from '../../corpus/types.js';
import { growingSearchIndex, type BlockBuilder } from '../../search/index.js';
import type { GrowingSearchIndex } from '../../search/types.js';

/** How long the index works between two turns of the event loop, so that keys never wait. */
const SLICE_MS = 8;

/**
 * Feeds a growing search index the versions of a corpus as they load, and works on it between
 * frames: reading passages here, a few milliseconds at a time, while their blocks are indexed
 * here or on the indexing thread.
 */
class IndexFeed {
  readonly index: GrowingSearchIndex;
  /** The versions given last, and how many of them the index has. */
  #versions: readonly Version[] = [];
  #added = 0;
  #timer: NodeJS.Immediate | null = null;
  #stopped = false;

  constructor(build: BlockBuilder | null) {
    this.index = growingSearchIndex({ build, warm: true, hashes: loadedPassageHashes });
  }

  /** Whether `versions` is the versions given before, and maybe more after them. */
  continues(versions: readonly Version[]): boolean {
    const last = this.#added - 1;
    return versions.length >= this.#added && (last < 0 || versions[last] === this.#versions[last]);
  }

  /** The corpus as loaded so far; `whole` once it is all in. */
  give(versions: readonly Version[], whole: boolean): void {
    if (versions.length > this.#added) this.index.add(versions.slice(this.#added));
    this.#versions = versions;
    this.#added = versions.length;
    if (whole && !this.index.complete) this.index.finish();
    this.pump();
  }

  /** Work on the index between frames until nothing is left to do here. */
  pump(): void {
    if (this.#timer || this.#stopped) return;
    this.#timer = setImmediate(() => {
      this.#timer = null;
      if (!this.index.work(SLICE_MS)) this.pump();
    });
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearImmediate(this.#timer);
    this.#timer = null;
  }
}

/**
 * The search index of a corpus that may still be loading: the same index as the corpus grows,
 * a new one for another corpus. `grew` hears each time a search covers more versions.
 */
export function useSearchIndex(
  versions: readonly Version[],
  whole: boolean,
  build: BlockBuilder | null,
  grew: () => void,
): GrowingSearchIndex {
  const feed = useRef<IndexFeed | null>(null);
  if (!feed.current?.continues(versions)) feed.current = new IndexFeed(build);
  const current = feed.current;
  const grewRef = useRef(grew);
  grewRef.current = grew;
  useEffect(() => {
    const stop = current.index.onGrow(() => {
      grewRef.current();
      current.pump();
    });
    return () => {
      stop();
      current.stop();
    };
  }, [current]);
  useEffect(() => current.give(versions, whole), [current, versions, whole]);
  return current.index;
}
