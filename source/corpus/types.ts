/** One outlet's copy of a story: one file of a corpus folder, or one line of a JSONL or CSV file. */
export interface Version {
  /**
   * Unique in its corpus: the file's path in the folder without extension (`000`, `afp/2025-12-19`),
   * or a JSON Lines or CSV record's `id` (its line number when it has none).
   */
  readonly id: string;
  /** Where it came from: the file's path inside the corpus folder, or `archive.jsonl:12`. */
  readonly file: string;
  /** Absolute path of the file. */
  readonly path: string;
  /** The stated title; else the headline, or the first sentence when the file has no headline. */
  readonly title: string;
  /** The headline line, when the file starts with one; it is metadata, not body. */
  readonly headline: string | null;
  /** Publication date as YYYY-MM-DD: the stated date, else a leading `date YYYY-MM-DD` marker. */
  readonly date: string | null;
  /** The outlet that published it (`Daily Ledger`), when its file states one. */
  readonly outlet: string | null;
  /** Where it was published, when its file states it; as written, not checked. */
  readonly url: string | null;
  /** Its byline, when its file states one; several authors are joined by commas. */
  readonly author: string | null;
  /** Body paragraphs, sanitized and normalized. */
  readonly paragraphs: readonly string[];
  /** Indexes of the paragraphs that are site chrome (share buttons, bylines…); absent if none. */
  readonly chrome?: readonly number[];
  /** The body: paragraphs joined by blank lines. */
  readonly body: string;
  /** Words in the body (split on whitespace). */
  readonly words: number;
}

/** A problem with one file that did not stop the rest of the corpus from loading. */
export interface LoadWarning {
  readonly file: string;
  readonly message: string;
}

export interface Corpus {
  /** Absolute path of the corpus: a folder, or a JSON Lines or CSV file. */
  readonly dir: string;
  /** Whether this is the bundled seed corpus. */
  readonly bundled: boolean;
  /** Versions, in the order of the corpus: by path in a folder, by line in a file. */
  readonly versions: readonly Version[];
  readonly warnings: readonly LoadWarning[];
}
