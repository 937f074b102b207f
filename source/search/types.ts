import type { Version } from '../corpus/types.js';

/** A passage found by a search, once, with every version that carries it. */
export interface SearchHit {
  /** The passage's text (as the first version carrying it has it). */
  readonly passage: string;
  /** Versions carrying this passage, with its paragraph index in each. */
  readonly versions: readonly { readonly id: string; readonly paragraph: number }[];
  /** fuse.js score: 0 is a perfect match, 1 no match at all. */
  readonly score: number;
  /** Matched character ranges in `passage`, as [start, end) UTF-16 offsets, sorted, disjoint. */
  readonly matches: readonly (readonly [number, number])[];
}

export interface SearchOptions {
  /** At most this many hits (default 50). */
  readonly limit?: number;
}

export interface SearchIndex {
  /** Passages indexed after de-duplication. */
  readonly size: number;
  /**
   * Hits for a query, best first: at most `limit`, none for a blank query. Typing a query one
   * letter at a time is cheap: each search narrows the work of the one before, and recent queries
   * are remembered. The hits depend on the query alone, never on the queries before it.
   */
  search(query: string, options?: SearchOptions): SearchHit[];
  /**
   * Build the index now. Building an index costs nothing up front: it is built on the first
   * search (or the first read of `size`), which takes a while on a large corpus (about half a
   * second for 10,000 versions). Call this, or better `prepareSlice`, once the first frame is on
   * screen, so that the first keystroke is quick.
   */
  prepare(): void;
  /**
   * Build for about `milliseconds`, then return: true once the index is ready. Call it between
   * frames (e.g. on each `setImmediate`) until it returns true, so building never blocks input.
   */
  prepareSlice(milliseconds: number): boolean;
}

/**
 * A search index over a corpus that streams in: versions are added as they load, and a search
 * covers those indexed so far. `work` reads and indexes them a slice at a time, between frames;
 * blocks of passages may be indexed on another thread meanwhile.
 */
export interface GrowingSearchIndex extends SearchIndex {
  /** Versions added so far. */
  readonly versions: number;
  /** Versions whose every passage a search covers: the first `searchedVersions` added. */
  readonly searchedVersions: number;
  /** Whether every version is added (see `finish`) and searched. */
  readonly complete: boolean;
  /** More versions, which come after those added before. */
  add(versions: readonly Version[]): void;
  /** No more versions will come: what is read and not yet indexed is indexed now. */
  finish(): void;
  /**
   * Work for about `milliseconds`; true once nothing is left to do on this thread, until more
   * versions are added or a block comes back from another thread (see `onGrow`).
   */
  work(milliseconds: number): boolean;
  /** Warm the matcher up once a block is searched and the corpus is whole (see buildSearchIndex). */
  warmOnce(): void;
  /**
   * Blocks of fewer passages than this are built on this thread, larger ones on the other (see
   * GrowingIndexOptions.threadFrom); lowered once a corpus is known to be large, it applies to the
   * blocks cut from then on.
   */
  threadFrom: number;
  /**
   * Call `listener` each time a search covers more, or work waits here again (a block the other
   * thread could not build); returns a function that stops it.
   */
  onGrow(listener: () => void): () => void;
}
