/** The result of comparing two versions, as the views and `diff --json` use it. */

/**
 * `rewritten`: a paired passage that keeps under 30% of its shorter side's words unchanged; its
 * spans delete all of A's words, then insert all of B's.
 */
export type RowKind = 'same' | 'changed' | 'moved' | 'rewritten' | 'added' | 'removed';
export type SpanOp = 'equal' | 'insert' | 'delete';

export interface Span {
  readonly op: SpanOp;
  /** The text of the span, with the whitespace that follows its last word. For `equal`, B's text. */
  readonly text: string;
  /**
   * For `equal` spans only, A's text when it differs from B's by typographic variants alone
   * (quotes, dashes, spaces) and folding is on. Not part of `diff --json`.
   * It is also set when only the whitespace between words differs (a passage that ends a paragraph
   * in one version and runs on in the other), with or without folding.
   */
  readonly aText?: string;
}

export interface Row {
  readonly kind: RowKind;
  /** Paragraph index in A, or null for an added passage. */
  readonly a: number | null;
  /** Paragraph index in B, or null for a removed passage. */
  readonly b: number | null;
  /**
   * Index of the row's first word within paragraph `a`, set whenever `a` is: 0 unless the row is a
   * sentence-level passage (a paragraph split or merged, or partly rewritten). Not in `diff --json`.
   */
  readonly aStart?: number;
  /** Index of the row's first word within paragraph `b`, set whenever `b` is. Not in `diff --json`. */
  readonly bStart?: number;
  readonly spans: readonly Span[];
  /**
   * Set (true) when the row is site chrome (share buttons, bylines, timestamps, captions…): shown
   * dim, and left out of the similarity and the substitutions. Chrome pairs only with chrome.
   */
  readonly chrome?: true;
}

export interface Substitution {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  /**
   * Set (true) when the substitution repairs words a scraper ran together rather than an edit:
   * the deleted word is the first and last inserted words joined ("themust" → "the Gaza
   * ceasefire must"). Repairs come after the editorial substitutions.
   */
  readonly repair?: true;
}

export interface CompareStats {
  /** Words inserted (in B, not A). */
  readonly inserted: number;
  /** Words deleted (in A, not B). */
  readonly deleted: number;
  /** Passages that moved. */
  readonly moved: number;
  /** From 0 (nothing shared) to 1 (the same text). */
  readonly similarity: number;
}

export interface Comparison {
  readonly stats: CompareStats;
  readonly substitutions: readonly Substitution[];
  /** Rows in B's order; a removed passage stands where it stood relative to its neighbours. */
  readonly rows: readonly Row[];
}

export interface CompareOptions {
  /** Count typographic variants (quotes, dashes, non-breaking spaces) as changes. */
  readonly exact?: boolean;
}

/** Anything with paragraphs can be compared: a Version, or a test's text. */
export interface Comparable {
  readonly paragraphs: readonly string[];
  /** Indexes of the paragraphs that are site chrome, as the corpus marks them. */
  readonly chrome?: readonly number[];
}
