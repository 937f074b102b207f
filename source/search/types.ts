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
  search(query: string, options?: SearchOptions): SearchHit[];
}
