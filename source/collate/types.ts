/** A collation: every version of a story aligned into rows of corresponding passages. */

import type { SpanOp, Substitution } from '../compare/types.js';

/** Anything with an id and paragraphs can be collated: a Version, or a test's text. */
export interface Collatable {
  readonly id: string;
  readonly paragraphs: readonly string[];
}

/** Whether a version's passage reads as the row's reading, differs from it, or is not there. */
export type CellState = 'same' | 'changed' | 'absent';

export interface CellSpan {
  readonly op: SpanOp;
  /** The words of the span with the whitespace after them: the cell's for equal and insert. */
  readonly text: string;
}

/** What one version carries in one row. */
export interface Cell {
  readonly version: string;
  readonly state: CellState;
  /** Whether the passage stands out of order in its version, against the row order. */
  readonly moved: boolean;
  /** The version's paragraph index, from 0; null when absent. */
  readonly paragraph: number | null;
  /** Index of the cell's first word in that paragraph (0 when absent). */
  readonly start: number;
  /** How many words of the paragraph the cell holds (0 when absent). */
  readonly words: number;
  /** The passage as this version has it ('' when absent). */
  readonly text: string;
  /** The reading against this cell: equal and delete give the reading, equal and insert the cell. */
  readonly spans: readonly CellSpan[];
}

/** A passage of the story: one cell per version, in the order the versions were given. */
export interface CollationRow {
  /** The text most versions carry here, or the most central carrier's text. */
  readonly reading: string;
  /** Words in the reading. */
  readonly readingWords: number;
  /** The version whose text is the reading (the most central of those that carry it). */
  readonly readingVersion: string;
  readonly cells: readonly Cell[];
  /** How many versions carry the passage. */
  readonly carriers: number;
  /** Whether any cell differs from the reading, is absent or moved. */
  readonly varies: boolean;
  /** Whether only a minority of the versions carry the passage (fewer than half). */
  readonly minority: boolean;
}

/** One version's editorial fingerprint against the readings. */
export interface Fingerprint {
  readonly version: string;
  /** Words it has that the readings lack, the words of passages only a minority carry included. */
  readonly inserted: number;
  /** Words of the readings it lacks, those of passages it drops that a majority carry included. */
  readonly deleted: number;
  /** Rows where it is one of a minority that carry the passage. */
  readonly added: number;
  /** Rows a majority carry and it does not. */
  readonly dropped: number;
  /** Its passages that stand out of order. */
  readonly moved: number;
  /** Short word swaps against the readings, most frequent first. */
  readonly substitutions: readonly Substitution[];
}

export interface Collation {
  /** The ids, in the order given. */
  readonly versions: readonly string[];
  /** The most central version: the highest mean similarity to the others, ties by id. */
  readonly central: string;
  /** Each version's mean similarity to the others, from 0 to 1, by id. */
  readonly centrality: ReadonlyMap<string, number>;
  /** In the central version's order; a passage it lacks stands where its carriers put it. */
  readonly rows: readonly CollationRow[];
  /** In the order of `versions`. */
  readonly fingerprints: readonly Fingerprint[];
}

/** How far a collation has got: after each of the N−1 alignments to the central version. */
export interface CollateProgress {
  readonly done: number;
  readonly total: number;
}

export interface CollateOptions {
  /** Count typographic variants (quotes, dashes, non-breaking spaces) as changes. */
  readonly exact?: boolean;
}
