/** One outlet's copy of a story: one file of the corpus. */
export interface Version {
  /** The file stem, used to name the version on the command line. */
  readonly id: string;
  /** The file name inside the corpus folder. */
  readonly file: string;
  /** Absolute path of the file. */
  readonly path: string;
  /** The headline, or the first sentence when the file has no headline. */
  readonly title: string;
  /** The headline line, when the file starts with one; it is metadata, not body. */
  readonly headline: string | null;
  /** Publication date from a leading `date YYYY-MM-DD` marker, as YYYY-MM-DD. */
  readonly date: string | null;
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
  /** Absolute path of the corpus folder. */
  readonly dir: string;
  /** Whether this is the bundled seed corpus. */
  readonly bundled: boolean;
  /** Versions, ordered by file name. */
  readonly versions: readonly Version[];
  readonly warnings: readonly LoadWarning[];
}
