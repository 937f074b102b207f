/**
 * Versions as a loader thread sends them (see stream.ts): their fields, and their paragraphs
 * packed with the rest of their batch's (packed.ts), kept so on the reader's thread. A version's
 * paragraphs are read out of the batch's buffers when first asked for, one version's or one
 * paragraph's at a time.
 *
 * Read out all at once, as a batch came, the text of 100,000 versions cost the reader's thread
 * a second and a half of decoding into strings, in memory touched for the first time, and its
 * collector the copying of a million paragraphs, while keys waited: yet a search reads the few
 * hundred passages it scores, and the reader the versions it shows. Kept packed, the text costs
 * the reader's thread nothing until then, and passages go to the indexing thread as bytes copied
 * from the buffers (see PassageCollector.pack in search/passages.ts).
 *
 * A batch also holds what its loader took of each version for story grouping (its shingle
 * sample) and for search (its passages' hashes). Each version keeps, under symbols, unseen (not
 * enumerable), its batch and its place in it: two fields, no object of its own. (A WeakMap of
 * 100,000 versions cost the reader's thread a fifteenth of its time while loading, most of it in
 * the garbage collector's ephemeron tables; an object and two buffers a version, a sixth of what
 * its collector copied.)
 */
import { STORED_VERSION, type VersionFields } from './build.js';
import {
  runAt,
  runCount,
  runLength,
  textEnds,
  type PackedParagraphs,
  type PackedPiece,
  type PackedRuns,
} from './packed.js';
import type { TakenSamples } from './stories.js';
import type { Version } from './types.js';

/** A batch of versions as a loader thread sent it, on the reader's thread. */
export class TakenBatch {
  /** Which versions' hashes were given (see takePassageHashes), and how many. */
  private readonly given: Uint8Array;
  private givenCount = 0;
  readonly #narrow: Buffer;
  readonly #wide: Buffer;
  readonly #starts: Int32Array;
  /** Where each paragraph ends, in its buffer (as `starts` says where it starts). */
  readonly #ends: Int32Array;
  /** Where each version's paragraphs start in `starts`, and where the last one's end. */
  readonly #firsts: Int32Array;
  /** Each version's paragraphs, once read out. */
  readonly #read: (readonly string[] | undefined)[];

  constructor(
    paragraphs: PackedParagraphs,
    readonly samples: PackedRuns | undefined,
    private hashes: PackedRuns | undefined,
  ) {
    this.given = new Uint8Array(hashes ? runCount(hashes) : 0);
    this.#narrow = Buffer.from(paragraphs.narrow);
    this.#wide = Buffer.from(paragraphs.wide);
    this.#starts = paragraphs.starts;
    this.#ends = textEnds(paragraphs);
    const { counts } = paragraphs;
    this.#firsts = new Int32Array(counts.length + 1);
    for (let v = 0; v < counts.length; v++) this.#firsts[v + 1] = this.#firsts[v]! + counts[v]!;
    this.#read = new Array<readonly string[] | undefined>(counts.length);
  }

  /** The hashes of the version at `at`, once; the batch's are let go once all are given. */
  takeHashes(at: number): Uint32Array | undefined {
    if (!this.hashes || this.given[at]) return undefined;
    const hashes = runAt(this.hashes, at);
    this.given[at] = 1;
    if (++this.givenCount === this.given.length) this.hashes = undefined;
    return hashes;
  }

  /** The paragraphs of the version at `at`, read out when first asked for. */
  paragraphs(at: number): readonly string[] {
    let paragraphs = this.#read[at];
    if (!paragraphs) {
      const first = this.#firsts[at]!;
      const count = this.#firsts[at + 1]! - first;
      const read = new Array<string>(count);
      for (let i = 0; i < count; i++) read[i] = this.#text(first + i);
      this.#read[at] = paragraphs = read;
    }
    return paragraphs;
  }

  /** Paragraph i of the version at `at`, read out alone (unless its version's are). */
  paragraph(at: number, i: number): string | undefined {
    const read = this.#read[at];
    if (read) return read[i];
    const k = this.#firsts[at]! + i;
    return i >= 0 && k < this.#firsts[at + 1]! ? this.#text(k) : undefined;
  }

  /** The k-th text of the batch. */
  #text(k: number): string {
    const start = this.#starts[k]!;
    if (start >= 0) return this.#narrow.toString('latin1', start, this.#ends[k]);
    return this.#wide.toString('utf16le', 2 * (-1 - start), 2 * this.#ends[k]!);
  }

  /**
   * Where paragraph i of the version at `at` lies: in the narrow buffer (a byte a character) or
   * the wide one (UTF-16), from `start` to `end`, in characters.
   */
  bytesOf(at: number, i: number): PackedPiece {
    const k = this.#firsts[at]! + i;
    const start = this.#starts[k]!;
    return start >= 0
      ? { bytes: this.#narrow, wide: false, start, end: this.#ends[k]! }
      : { bytes: this.#wide, wide: true, start: -1 - start, end: this.#ends[k]! };
  }
}

const TAKEN = Symbol('loaded by a thread');
const TAKEN_AT = Symbol('place in the batch loaded');

type Taken = Version & { readonly [TAKEN]?: TakenBatch; readonly [TAKEN_AT]?: number };

/**
 * What every version a loader thread sent inherits: its paragraphs, read out of its batch when
 * first asked for, and its body (see STORED_VERSION).
 */
const TAKEN_VERSION = Object.create(STORED_VERSION, {
  paragraphs: {
    get(this: Taken): readonly string[] {
      return this[TAKEN]!.paragraphs(this[TAKEN_AT]!);
    },
  },
}) as object;

/** The version at `at` in `batch`, of these fields (all but its paragraphs, which it keeps). */
export function takenVersion(
  fields: Omit<VersionFields, 'paragraphs'>,
  batch: TakenBatch,
  at: number,
): Version {
  const version = Object.assign(Object.create(TAKEN_VERSION) as object, fields) as Version;
  Object.defineProperty(version, TAKEN, { value: batch });
  Object.defineProperty(version, TAKEN_AT, { value: at });
  return version;
}

/** The batch a version came in, and its place there; null for one read on this thread. */
function takenOf(version: Version): { batch: TakenBatch; at: number } | null {
  const taken = version as Taken;
  const batch = taken[TAKEN];
  return batch ? { batch, at: taken[TAKEN_AT]! } : null;
}

/**
 * A version's passageHashes (text/walk.ts), if a loader thread took them, given once: the search
 * index reads each version's passages once, and the hashes are then let go (a batch's buffer once
 * each of its versions' are given). A version asked for again has none, and the index takes them
 * itself.
 */
export function takePassageHashes(version: Version): Uint32Array | undefined {
  const taken = takenOf(version);
  return taken?.batch.takeHashes(taken.at);
}

/** A version's sample for story grouping (shingleSampleOf), if a loader thread took it. */
export function loadedSample(version: Version): Uint32Array | undefined {
  const taken = takenOf(version);
  return taken?.batch.samples && runAt(taken.batch.samples, taken.at);
}

/** How long loadedSample(version) is, without a view of it; undefined where there is none. */
export function loadedSampleSize(version: Version): number | undefined {
  const taken = takenOf(version);
  return taken?.batch.samples && runLength(taken.batch.samples, taken.at);
}

/** Versions whose sizes are gathered between two looks at the clock. */
const SIZES_PER_LOOK = 1024;

/**
 * The samples the loader threads took of `versions`, as story grouping reads them (TakenSamples):
 * their sizes (loadedSampleSize) gathered a slice at a time between keys, in order, each once; a
 * version's sample read from its batch when asked for. `complete` once every version had one.
 */
export class LoadedSamples implements TakenSamples {
  readonly sizes: Int32Array;
  #next = 0;
  #missing = false;

  constructor(private readonly versions: readonly Version[]) {
    this.sizes = new Int32Array(versions.length);
  }

  of(version: Version): Uint32Array | undefined {
    return loadedSample(version);
  }

  /** Gather until `deadline` (performance.now() milliseconds); true once done, or one is missing. */
  gather(deadline: number): boolean {
    while (this.#next < this.versions.length) {
      const size = loadedSampleSize(this.versions[this.#next]!);
      if (size === undefined) {
        this.#missing = true;
        return true;
      }
      this.sizes[this.#next++] = size;
      if (this.#next % SIZES_PER_LOOK === 0 && performance.now() >= deadline) {
        return this.#next === this.versions.length;
      }
    }
    return true;
  }

  /** Whether every version's size is gathered: none was read without a sample. */
  get complete(): boolean {
    return !this.#missing && this.#next === this.versions.length;
  }
}

/**
 * Paragraph i of a version, without reading out the others of a version still packed: what a
 * search reads of the passages it scores.
 */
export function paragraphOf(version: Version, i: number): string | undefined {
  const taken = takenOf(version);
  return taken ? taken.batch.paragraph(taken.at, i) : version.paragraphs[i];
}

/**
 * Where paragraph i of a version still packed lies in its batch's buffers (see
 * TakenBatch.bytesOf); null for a version whose paragraphs are strings.
 */
export function packedParagraph(version: Version, i: number): PackedPiece | null {
  const taken = takenOf(version);
  return taken ? taken.batch.bytesOf(taken.at, i) : null;
}
