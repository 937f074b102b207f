/**
 * Story grouping: which versions are copies of one story.
 *
 * Each version is read as a set of word shingles (every run of three consecutive words, folded
 * as search folds them). Copies of a story share most of their shingles; unrelated stories share
 * almost none, even on the same beat.
 *
 * Comparing every pair of versions would take 50 million comparisons at 10,000 versions. Instead
 * each version keeps a sample of its shingles: those whose hash ends in two zero bits, a quarter
 * of them, chosen alike in every version, so that what two samples share estimates what the two
 * texts share. An inverted index over the samples turns up the pairs that share enough of them;
 * only those pairs are compared. Two versions join one story (union-find) when their overlap is
 * at least STORY_OVERLAP. Overlap here is containment, the shared shingles over those of the
 * smaller version, rather than Jaccard: a heavily rewritten copy that keeps a third of the wire
 * text, or a short excerpt, still joins its story. `closest` and `similarity` report the same
 * overlap, from 0 to 1: an estimate to rank with, never shown. The figure a reader sees for a
 * pair, wherever it shows, is compare's `stats.similarity` (see ui/state/layouts.ts).
 *
 * Hashes use fixed seeds, and every tie is broken by corpus order: the same corpus always groups
 * the same way.
 *
 * StoryGrouper does the work in steps of a few milliseconds, so that the reader can group between
 * keys, and versions as they stream in; groupStories does it at once, for the command line. The
 * bulk of the data is in typed arrays: samples, postings, runs, the closest of each version.
 */
import { foldForSearch } from '../text/fold.js';
import { shingleSampleOf } from '../text/walk.js';
import { ShardedMap } from '../text/sharded-map.js';
import { sharedSorted, sortSteps } from '../text/sorted.js';
import { finishSteps } from '../text/steps.js';
import { grown } from '../text/grown.js';
import { bodyOf } from './build.js';
import { compareDates, outletKey } from './labels.js';
import type { Version } from './types.js';

/** Versions whose text overlaps strongly: one wire story, republished by several outlets. */
export interface Story {
  /** The id of the story's first version. */
  readonly id: string;
  /** A title for the story: the title of its earliest (else first) version. */
  readonly title: string;
  /** Its versions by date (undated last), then by outlet, then in corpus order. */
  readonly versions: readonly Version[];
}

export interface Neighbour {
  readonly version: Version;
  /** Estimated text overlap, from 0 to 1: it ranks neighbours; it is not the figure shown. */
  readonly similarity: number;
}

export interface StoryMap {
  /** Newest first, by the date of each story's earliest version; undated stories last. */
  readonly stories: readonly Story[];
  /** For each version id, its most similar other version, or null when it has none. */
  readonly closest: ReadonlyMap<string, Neighbour | null>;
  /** Estimated similarity of two versions (0 to 1), for ranking a picker's choices; never shown. */
  similarity(a: Version, b: Version): number;
}

/**
 * Two versions are one story when this share of the smaller one's shingles is in the other. The
 * seed corpus's rewritten version (004) shares about 0.35 with the others; unrelated stories
 * share under 0.05.
 */
export const STORY_OVERLAP = 0.25;
/** Fewer shared samples than this is chance, whatever the share. */
const MIN_SHARED = 3;
/**
 * A pair is compared in full (and may be a version's closest) when it shares at least this share
 * of the smaller sample outside boilerplate: well below STORY_OVERLAP, as boilerplate is not
 * counted here.
 */
const CANDIDATE_OVERLAP = 0.1;
/**
 * A sample found in more versions than this is boilerplate, or a story with very many copies:
 * it links each version only to the next one holding it, not to all the others; and a pair so
 * linked is compared when MIN_SHARED samples link it.
 */
const MAX_POSTINGS = 32;

// ---------------------------------------------------------------------------------------------
// Shingles

// A version's shingles are read in text/walk.ts, with its passage keys, as a corpus loads.
export { shingleSampleOf } from '../text/walk.js';

/** The sampled shingle hashes of a text, ascending and distinct. */
export function shingleSample(text: string): Uint32Array {
  return shingleSampleOf([text]);
}

export interface Overlap {
  /** Shared samples over the smaller sample: how much of the smaller text is in the other. */
  readonly containment: number;
  /** Shared samples over all samples of the two. */
  readonly jaccard: number;
  readonly shared: number;
}

export function overlapOf(a: Uint32Array, b: Uint32Array): Overlap {
  return overlapOfCounts(a.length, b.length, sharedSorted(a, b));
}

/** The overlap of two samples of these lengths that share `shared` values. */
function overlapOfCounts(aLength: number, bLength: number, shared: number): Overlap {
  const smaller = Math.min(aLength, bLength);
  const union = aLength + bLength - shared;
  return {
    containment: smaller === 0 ? 0 : shared / smaller,
    jaccard: union === 0 ? 0 : shared / union,
    shared,
  };
}

// ---------------------------------------------------------------------------------------------
// Work in steps

/**
 * Grouping is written as generators that yield every fraction of a millisecond of work, so that
 * StoryGrouper.step can stop when its time is up and go on where it stopped.
 */
type Steps<T> = Generator<void, T>;

/** Elements of a long array worked through between two yields. */
const CHUNK = 16_384;
/**
 * Work between two yields where its amount varies (a long version, a story with many copies): in
 * characters read, or in samples walked. About a tenth of a millisecond.
 */
const WORK_PER_STEP = 32_768;
/** Versions or stories put in order between two yields. */
const ITEMS_PER_STEP = 32;

/** The top bits of a sample choose its bucket in SampleHolders; the rest are sorted there. */
const BUCKET_BITS = 11;
const LOW_BITS = 32 - BUCKET_BITS;
/** The low bits are sorted in two passes: this many bits first, the rest second. */
const FIRST_PASS_BITS = 11;
const FIRST_PASS_MASK = (1 << FIRST_PASS_BITS) - 1;
const SECOND_PASS_MASK = (1 << (LOW_BITS - FIRST_PASS_BITS)) - 1;
/** A bucket's first and last chunks, in entries (see SampleHolders). */
const FIRST_CHUNK = 8;
const MAX_CHUNK = 4096;
/** A bucket with nothing in it (never written: a bucket grows into arrays of its own). */
const NO_KEYS = new Uint32Array(0);
const NO_HOLDERS = new Int32Array(0);

/**
 * For each distinct sample, the versions holding it, ascending: the inverted index that grouping
 * compares versions by. Versions come in order and may come a few at a time, as a corpus loads:
 * each sample goes at once to one of 2,048 buckets by its top bits (the first pass of a radix
 * sort), so that once all are in, only each bucket is left to sort, a few thousand samples at a
 * time, in cache. Sorting all of 100,000 versions' samples at the end, three passes over all of
 * them, was a third of the grouping thread's time after the last version loaded.
 */
export class SampleHolders {
  /**
   * Each bucket's samples and their versions, in chunks, each twice the size of the one before
   * (up to MAX_CHUNK): a bucket that doubled copied all it held into memory touched for the first
   * time, a tenth of the grouping thread's time while 100,000 versions loaded.
   */
  readonly #keys: Uint32Array[][] = [];
  readonly #holders: Int32Array[][] = [];
  /** The chunk being filled in each bucket, and how far it is filled. */
  readonly #lastKeys: Uint32Array[] = [];
  readonly #lastHolders: Int32Array[] = [];
  readonly #fills = new Int32Array(1 << BUCKET_BITS);
  /** Entries in each bucket's full chunks (its size is this and its fill). */
  readonly #sizes = new Int32Array(1 << BUCKET_BITS);
  #versions = 0;
  #total = 0;
  #taken = false;

  constructor() {
    // Empty until a sample comes to them (a version's sample reaches a hundred or so).
    for (let b = 0; b < 1 << BUCKET_BITS; b++) {
      this.#keys.push([]);
      this.#holders.push([]);
      this.#lastKeys.push(NO_KEYS);
      this.#lastHolders.push(NO_HOLDERS);
    }
  }

  /** Versions whose samples are in. */
  get versions(): number {
    return this.#versions;
  }

  /** The next version's sample (ascending and distinct, as shingleSampleOf gives it). */
  add(sample: Uint32Array): void {
    if (this.#taken) throw new Error('no sample can be added once the holders are sorted');
    const v = this.#versions++;
    const fills = this.#fills;
    for (let i = 0; i < sample.length; i++) {
      const key = sample[i]!;
      const b = key >>> LOW_BITS;
      let fill = fills[b]!;
      if (fill === this.#lastKeys[b]!.length) {
        this.#nextChunk(b);
        fill = 0;
      }
      this.#lastKeys[b]![fill] = key;
      this.#lastHolders[b]![fill] = v;
      fills[b] = fill + 1;
    }
    this.#total += sample.length;
  }

  #nextChunk(b: number): void {
    const full = this.#lastKeys[b]!;
    if (full.length > 0) {
      this.#keys[b]!.push(full);
      this.#holders[b]!.push(this.#lastHolders[b]!);
      this.#sizes[b]! += full.length;
    }
    const length = Math.min(MAX_CHUNK, Math.max(FIRST_CHUNK, 2 * full.length));
    this.#lastKeys[b] = new Uint32Array(length);
    this.#lastHolders[b] = new Int32Array(length);
    this.#fills[b] = 0;
  }

  /** Bucket b's samples and versions, end to end, into `keys` and `holders`; how many. */
  #gather(b: number, keys: Uint32Array, holders: Int32Array): number {
    let at = 0;
    const chunks = this.#keys[b]!;
    for (let c = 0; c < chunks.length; c++) {
      keys.set(chunks[c]!, at);
      holders.set(this.#holders[b]![c]!, at);
      at += chunks[c]!.length;
    }
    const fill = this.#fills[b]!;
    keys.set(this.#lastKeys[b]!.subarray(0, fill), at);
    holders.set(this.#lastHolders[b]!.subarray(0, fill), at);
    // Let go of the bucket: the sorted copy is all that is kept.
    this.#keys[b] = [];
    this.#holders[b] = [];
    this.#lastKeys[b] = NO_KEYS;
    this.#lastHolders[b] = NO_HOLDERS;
    return at + fill;
  }

  /**
   * Sort each bucket, in steps, and return the versions holding each distinct sample as runs of
   * one list: `versions` from `runs[r]` to `runs[r + 1]` hold the r-th sample, ascending. Once.
   */
  *runsSteps(): Steps<{ versions: Int32Array; runs: Int32Array }> {
    if (this.#taken) throw new Error('the holders are sorted once');
    this.#taken = true;
    const total = this.#total;
    const versions = new Int32Array(total);
    // A run at most a sample: allocated once, the part used returned.
    const runs = new Int32Array(total + 1);
    let runCount = 0;
    let largest = 0;
    for (let b = 0; b < this.#sizes.length; b++) {
      largest = Math.max(largest, this.#sizes[b]! + this.#fills[b]!);
    }
    const bucketKeys = new Uint32Array(largest);
    const bucketHolders = new Int32Array(largest);
    const keys = new Uint32Array(largest);
    const holders = new Int32Array(largest);
    const sorted = new Uint32Array(largest);
    const firstCounts = new Int32Array(FIRST_PASS_MASK + 2);
    const secondCounts = new Int32Array(SECOND_PASS_MASK + 2);
    let at = 0;
    let sinceYield = 0;
    for (let b = 0; b < this.#sizes.length; b++) {
      const size = this.#gather(b, bucketKeys, bucketHolders);
      if (size === 0) continue;
      // Two stable counting passes on the low bits; versions came in ascending, and stay so
      // among equal samples.
      firstCounts.fill(0);
      secondCounts.fill(0);
      for (let i = 0; i < size; i++) {
        firstCounts[(bucketKeys[i]! & FIRST_PASS_MASK) + 1]!++;
        secondCounts[((bucketKeys[i]! >>> FIRST_PASS_BITS) & SECOND_PASS_MASK) + 1]!++;
      }
      for (let d = 0; d <= FIRST_PASS_MASK; d++) firstCounts[d + 1]! += firstCounts[d]!;
      for (let d = 0; d <= SECOND_PASS_MASK; d++) secondCounts[d + 1]! += secondCounts[d]!;
      for (let i = 0; i < size; i++) {
        const to = firstCounts[bucketKeys[i]! & FIRST_PASS_MASK]!++;
        keys[to] = bucketKeys[i]!;
        holders[to] = bucketHolders[i]!;
      }
      for (let i = 0; i < size; i++) {
        const to = secondCounts[(keys[i]! >>> FIRST_PASS_BITS) & SECOND_PASS_MASK]!++;
        sorted[to] = keys[i]!;
        versions[at + to] = holders[i]!;
      }
      for (let i = 0; i < size; i++) {
        if (i > 0 && sorted[i] === sorted[i - 1]) continue;
        runs[runCount++] = at + i;
      }
      at += size;
      sinceYield += size;
      if (sinceYield >= CHUNK) {
        sinceYield = 0;
        yield;
      }
    }
    runs[runCount] = total;
    return { versions, runs: runs.subarray(0, runCount + 1) };
  }
}

/** SampleHolders of these samples, added in steps. */
function* holdersSteps(samples: readonly Uint32Array[]): Steps<SampleHolders> {
  const holders = new SampleHolders();
  for (let v = 0; v < samples.length; v++) {
    holders.add(samples[v]!);
    // A version's hundred or so samples, each to its bucket: a fraction of a millisecond a few
    // hundred versions.
    if (v % 256 === 255) yield;
  }
  return holders;
}

/**
 * Lists of numbers, one list per version, in two typed arrays (compressed rows): `items` from
 * `starts[v]` to `starts[v + 1]` are version v's. Filled in two passes: count, then place.
 */
class PerVersion {
  readonly starts: Int32Array;
  items = new Int32Array(0);
  private cursor = new Int32Array(0);

  constructor(versions: number) {
    this.starts = new Int32Array(versions + 1);
  }

  /** First pass: one more item for version `v`. */
  count(v: number): void {
    this.starts[v + 1]!++;
  }

  /** Between the passes. */
  allocate(): void {
    for (let v = 1; v < this.starts.length; v++) this.starts[v]! += this.starts[v - 1]!;
    this.items = new Int32Array(this.starts[this.starts.length - 1]!);
    this.cursor = this.starts.slice(0, -1);
  }

  /** Second pass: the next item of version `v`. */
  place(v: number, item: number): void {
    this.items[this.cursor[v]!++] = item;
  }

  /** Version v's items (once placed). */
  of(v: number): Int32Array {
    return this.items.subarray(this.starts[v]!, this.starts[v + 1]!);
  }
}

// ---------------------------------------------------------------------------------------------
// Grouping

function makeUnionFind(n: number): { find(i: number): number; union(a: number, b: number): void } {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  return {
    find,
    // The smaller index becomes the root, so roots are each story's first version.
    union(a, b) {
      const ra = find(a);
      const rb = find(b);
      if (ra < rb) parent[rb] = ra;
      else if (rb < ra) parent[ra] = rb;
    },
  };
}

/**
 * Each version's closest other version so far, in typed arrays: the other's index (-1 for none)
 * and their overlap. Closer is a larger containment, then a larger Jaccard, then the earlier
 * version in the corpus: a total order, so the closest does not depend on the order pairs come in.
 */
class Closest {
  readonly other: Int32Array;
  private readonly containment: Float64Array;
  private readonly jaccard: Float64Array;

  constructor(n: number) {
    this.other = new Int32Array(n).fill(-1);
    this.containment = new Float64Array(n);
    this.jaccard = new Float64Array(n);
  }

  offer(v: number, other: number, overlap: Overlap): void {
    const current = this.other[v]!;
    if (current >= 0) {
      const containment = this.containment[v]!;
      const jaccard = this.jaccard[v]!;
      if (overlap.containment !== containment) {
        if (overlap.containment < containment) return;
      } else if (overlap.jaccard !== jaccard) {
        if (overlap.jaccard < jaccard) return;
      } else if (other >= current) return;
    }
    this.other[v] = other;
    this.containment[v] = overlap.containment;
    this.jaccard[v] = overlap.jaccard;
  }

  similarity(v: number): number {
    return round(this.containment[v]!);
  }
}

/** The earliest dated version's title, or the first version's. */
function storyTitle(versions: readonly Version[]): string {
  let earliest: Version | undefined;
  for (const v of versions) {
    if (v.date !== null && (earliest === undefined || v.date < earliest.date!)) earliest = v;
  }
  return (earliest ?? versions[0]!).title;
}

/** Versions of a story in reading order: by date, those without one last, then by outlet. */
function byDateThenOutlet(a: Version, b: Version): number {
  const byDate = compareDates(a.date, b.date);
  if (byDate !== 0) return byDate;
  if (a.outlet === b.outlet) return 0;
  if (a.outlet === null) return 1;
  if (b.outlet === null) return -1;
  return outletKey(a.outlet).localeCompare(outletKey(b.outlet));
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** A version's text as shingles read it: folded, its words only. */
function plainText(version: Version): string {
  return foldForSearch(bodyOf(version))
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
}

/**
 * Which pairs of versions are compared in full: those sharing MIN_SHARED samples and
 * CANDIDATE_OVERLAP of the smaller sample outside boilerplate, and those linked by MIN_SHARED
 * boilerplate samples (see MAX_POSTINGS). Each pair so found is compared, and joined into one
 * story when they share at least STORY_OVERLAP (see linkSteps).
 */
class CandidatePairs {
  /** For each version, where it stands in each short run holding it (a place in `versions`). */
  private readonly placesOf: PerVersion;
  /** For each version, the next version in each long run holding it. */
  private readonly linkedTo: PerVersion;
  /**
   * For each version, the long runs holding it, ascending: what two versions share in long runs,
   * found by merging these short lists, not their whole samples (see pairsOf).
   */
  private readonly longRuns: PerVersion;
  /** 1 where a run starts in `versions`, and at its end: where a walk through a run stops. */
  private readonly runStarts: Uint8Array;
  /** Each version's number of samples. */
  private readonly sizes: Int32Array;
  private readonly shared: Int32Array;
  private readonly linked: Int32Array;
  private readonly touched: number[] = [];

  constructor(
    samples: readonly Uint32Array[],
    private readonly versions: Int32Array,
    private readonly runs: Int32Array,
  ) {
    const n = samples.length;
    this.placesOf = new PerVersion(n);
    this.linkedTo = new PerVersion(n);
    this.longRuns = new PerVersion(n);
    this.runStarts = new Uint8Array(versions.length + 1);
    for (const start of runs) this.runStarts[start] = 1;
    this.sizes = Int32Array.from(samples, (sample) => sample.length);
    this.shared = new Int32Array(n);
    this.linked = new Int32Array(n);
  }

  /**
   * Index runs `from` to `to`: first counting (`place` false), then, once `allocate` is called,
   * placing. A pair is linked as often as it is neighbours in a long run: copies of a story with
   * very many copies are neighbours in most of its runs, chance ones in few.
   */
  indexRuns(from: number, to: number, place: boolean): void {
    const { runs, versions, placesOf, linkedTo, longRuns } = this;
    for (let r = from; r < to; r++) {
      const start = runs[r]!;
      const end = runs[r + 1]!;
      if (end - start < 2) continue;
      if (end - start > MAX_POSTINGS) {
        for (let i = start; i + 1 < end; i++) {
          if (place) linkedTo.place(versions[i]!, versions[i + 1]!);
          else linkedTo.count(versions[i]!);
        }
        for (let i = start; i < end; i++) {
          if (place) longRuns.place(versions[i]!, r);
          else longRuns.count(versions[i]!);
        }
      } else {
        // The last version of a run has no later one to meet in it.
        for (let i = start; i + 1 < end; i++) {
          if (place) placesOf.place(versions[i]!, i);
          else placesOf.count(versions[i]!);
        }
      }
    }
  }

  allocate(): void {
    this.placesOf.allocate();
    this.linkedTo.allocate();
    this.longRuns.allocate();
  }

  /**
   * Find the candidates of version `a` among the later versions, and hand each pair that shares
   * at least MIN_SHARED samples to `link`. Returns the work done: the samples walked.
   *
   * What a pair shares is counted, not found by merging the two samples: each shared sample is
   * one run holding both, counted in `shared` as the short runs are walked, and, for the long
   * ones, found by merging the two versions' lists of long runs, most of them empty. (Merging the
   * samples, some two hundred values each, was half the time of grouping 100,000 versions once
   * the last had loaded.)
   */
  pairsOf(a: number, link: (a: number, b: number, overlap: Overlap) => void): number {
    const { versions, placesOf, linkedTo, longRuns, runStarts, sizes, shared, linked, touched } =
      this;
    let work = 0;
    for (let k = linkedTo.starts[a]!, end = linkedTo.starts[a + 1]!; k < end; k++) {
      const b = linkedTo.items[k]!;
      if (shared[b] === 0 && linked[b] === 0) touched.push(b);
      linked[b]!++;
    }
    // A run lists its versions ascending: the later versions are those after a, to the run's end.
    for (let k = placesOf.starts[a]!, end = placesOf.starts[a + 1]!; k < end; k++) {
      let i = placesOf.items[k]! + 1;
      for (; runStarts[i] === 0; i++) {
        const b = versions[i]!;
        if (shared[b] === 0 && linked[b] === 0) touched.push(b);
        shared[b]!++;
      }
      work += i - placesOf.items[k]!;
    }
    const aLong = longRuns.of(a);
    for (const b of touched) {
      const count = shared[b]!;
      const smaller = Math.min(sizes[a]!, sizes[b]!);
      if (
        linked[b]! >= MIN_SHARED ||
        (count >= MIN_SHARED && count >= CANDIDATE_OVERLAP * smaller)
      ) {
        // Most versions are in no long run.
        let long = 0;
        if (aLong.length > 0) {
          const bLong = longRuns.of(b);
          long = sharedSorted(aLong, bLong);
          work += aLong.length + bLong.length;
        }
        const overlap = overlapOfCounts(sizes[a]!, sizes[b]!, count + long);
        if (overlap.shared >= MIN_SHARED) link(a, b, overlap);
      }
      shared[b] = 0;
      linked[b] = 0;
    }
    touched.length = 0;
    return work;
  }
}

/** Join versions that share enough samples (see STORY_OVERLAP), and find each its closest other. */
function* linkSteps(
  samples: readonly Uint32Array[],
  link: (a: number, b: number, overlap: Overlap) => void,
  holders?: SampleHolders,
): Steps<void> {
  holders ??= yield* holdersSteps(samples);
  const { versions, runs } = yield* holders.runsSteps();
  const pairs = new CandidatePairs(samples, versions, runs);
  const runCount = runs.length - 1;
  for (const place of [false, true]) {
    for (let from = 0; from < runCount; from += CHUNK) {
      pairs.indexRuns(from, Math.min(runCount, from + CHUNK), place);
      yield;
    }
    if (!place) pairs.allocate();
  }
  let work = 0;
  for (let a = 0; a < samples.length; a++) {
    work += pairs.pairsOf(a, link);
    if (work >= WORK_PER_STEP) {
      work = 0;
      yield;
    }
  }
}

/**
 * The pairs of versions whose samples overlap, as linkSteps finds them, all at once: a, b and the
 * samples they share, three numbers a pair. What a grouping thread finds for the reader.
 * `holders`, when given, are the samples' SampleHolders, gathered as they came.
 */
export function linksOf(
  samples: readonly Uint32Array[],
  between?: () => void,
  holders?: SampleHolders,
): Int32Array {
  let links = new Int32Array(3 * 4096);
  let length = 0;
  finishSteps(
    linkSteps(
      samples,
      (a, b, overlap) => {
        if (length + 3 > links.length) links = grown(links);
        links[length++] = a;
        links[length++] = b;
        links[length++] = overlap.shared;
      },
      holders,
    ),
    between,
  );
  return links.slice(0, length);
}

/** Pairs of links applied between two yields. */
const LINKS_PER_STEP = 4096;

/**
 * Samples the threads that loaded the versions took, read where they lie: every version's size at
 * once, a version's sample when asked for. What grouping with links found elsewhere needs of
 * them; gathering a view of each (100,000 of them, at the end of a load) made garbage that lived
 * on while keys waited for its collection.
 */
export interface TakenSamples {
  /** The size of each version's sample, in the order of the versions. */
  readonly sizes: Int32Array;
  /**
   * A version's sample as it was taken: there is one for every version these samples are of
   * (`sizes[i]` is the length of versions[i]'s); undefined for any other version.
   */
  of(version: Version): Uint32Array | undefined;
}

function isTaken(samples: readonly Uint32Array[] | TakenSamples): samples is TakenSamples {
  return 'sizes' in samples;
}

/** The samples themselves, a view of each, in steps: to compare them here after all. */
function* viewsSteps(versions: readonly Version[], taken: TakenSamples): Steps<Uint32Array[]> {
  const views: Uint32Array[] = [];
  for (const version of versions) {
    views.push(taken.of(version) ?? shingleSampleOf(version.paragraphs));
    if (views.length % ITEMS_PER_STEP === 0) yield;
  }
  return views;
}

/**
 * Group sampled versions into stories, in steps; `samples[i]` is `versions[i]`'s (or the samples
 * taken of them). `links`, when given, are linksOf(samples), found elsewhere: they are applied
 * rather than looked for.
 */
function* groupSteps(
  versions: readonly Version[],
  given: readonly Uint32Array[] | TakenSamples,
  links?: Int32Array,
): Steps<StoryMap> {
  const taken = isTaken(given) ? given : null;
  let samples = isTaken(given) ? null : given;
  const sizeOf = (i: number): number => (samples ? samples[i]!.length : taken!.sizes[i]!);
  const n = versions.length;
  const sets = makeUnionFind(n);
  const closest = new Closest(n);
  const link = (a: number, b: number, overlap: Overlap): void => {
    if (overlap.containment >= STORY_OVERLAP) sets.union(a, b);
    closest.offer(a, b, overlap);
    closest.offer(b, a, overlap);
  };
  if (links === undefined) {
    samples ??= yield* viewsSteps(versions, taken!);
    yield* linkSteps(samples, link);
  } else {
    // Union and closest do not depend on the order pairs come in: these give what linkSteps gives.
    for (let k = 0; k < links.length; k += 3) {
      const a = links[k]!;
      const b = links[k + 1]!;
      link(a, b, overlapOfCounts(sizeOf(a), sizeOf(b), links[k + 2]!));
      if (k % (3 * LINKS_PER_STEP) === 0) yield;
    }
  }

  // Versions too short to sample are one story with the versions of the same text.
  const shortTexts = new Map<string, number>();
  for (let b = 0; b < n; b++) {
    if (sizeOf(b) >= MIN_SHARED) continue;
    const text = plainText(versions[b]!);
    const a = shortTexts.get(text);
    if (a === undefined) shortTexts.set(text, b);
    else link(a, b, { containment: 1, jaccard: 1, shared: 0 });
    if (b % ITEMS_PER_STEP === 0) yield;
  }

  const members = new Map<number, Version[]>();
  for (let i = 0; i < n; i++) {
    const root = sets.find(i);
    const list = members.get(root);
    if (list) list.push(versions[i]!);
    else members.set(root, [versions[i]!]);
    if (i % 1024 === 1023) yield;
  }
  // Roots are first versions and Map keeps insertion order: stories come in corpus order, and the
  // stable sorts keep that order among equals.
  const stories: Story[] = [];
  for (const list of members.values()) {
    const ordered = [...list].sort(byDateThenOutlet);
    stories.push({ id: ordered[0]!.id, title: storyTitle(list), versions: ordered });
    if (stories.length % ITEMS_PER_STEP === 0) yield;
  }
  // Newest first: a story's date is its earliest version's, the first after sorting. Sorted in
  // steps: tens of thousands of stories take a sort of 10 to 20 ms at once.
  const newestFirst = yield* sortSteps(stories, (a, b) => {
    const x = a.versions[0]!.date;
    const y = b.versions[0]!.date;
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return x > y ? -1 : 1;
  });

  const closestOf = new ShardedMap<Neighbour | null>();
  const known = new Map<Version, Uint32Array>();
  for (let i = 0; i < n; i++) {
    const version = versions[i]!;
    const other = closest.other[i]!;
    closestOf.set(
      version.id,
      other >= 0 ? { version: versions[other]!, similarity: closest.similarity(i) } : null,
    );
    if (samples) known.set(version, samples[i]!);
    if (i % 1024 === 1023) yield;
  }
  // Samples taken elsewhere are read where they lie; the others are kept once taken here.
  const sampleOf = (version: Version): Uint32Array => {
    let sample = known.get(version) ?? taken?.of(version);
    if (sample === undefined) {
      sample = shingleSampleOf(version.paragraphs);
      known.set(version, sample);
    }
    return sample;
  };

  return {
    stories: newestFirst,
    closest: closestOf,
    similarity(a: Version, b: Version): number {
      if (a === b) return 1;
      const sa = sampleOf(a);
      const sb = sampleOf(b);
      if (sa.length < MIN_SHARED || sb.length < MIN_SHARED) {
        // Too short to sample: only the same text counts as overlap.
        return plainText(a) === plainText(b) ? 1 : 0;
      }
      return round(overlapOf(sa, sb).containment);
    },
  };
}

/**
 * Story grouping a few milliseconds at a time, for a reader that must answer keys meanwhile, and
 * for a corpus that streams in:
 *
 *     const grouper = new StoryGrouper();
 *     grouper.add(firstVersions);        // as they load; add more at any time
 *     if (grouper.step(8)) show(grouper.result());   // repeat, between keys, until true
 *
 * Each version is sampled once, as soon as a step reaches it. Comparing the samples is done over
 * all the versions added so far; adding more starts that comparison over (the samples are kept),
 * so the grouping that `result()` gives is always that of every version added, in the order
 * added, exactly as groupStories groups them.
 */
export class StoryGrouper {
  private versions: readonly Version[] = [];
  /** Each version's sample, once taken (or given to `add`). */
  private samples: (Uint32Array | undefined)[] = [];
  /** The samples of all the versions added, when `add` was given them so, taken elsewhere. */
  private taken: TakenSamples | undefined;
  /** Versions before this one are all sampled. */
  private sampled = 0;
  private work: Steps<StoryMap> | undefined;
  /** linksOf the samples of every version added, when found elsewhere (see `useLinks`). */
  private links: Int32Array | undefined;
  private map: StoryMap | undefined;
  private last: StoryMap | null = null;

  constructor(versions: readonly Version[] = []) {
    this.add(versions);
  }

  /**
   * More versions, after those added before (a version's place in the corpus is its order).
   * `samples`, when given, are their shingleSampleOf(version.paragraphs), taken elsewhere (in the
   * worker that loaded them, say), so that steps here need not take them.
   */
  add(versions: readonly Version[], samples?: readonly Uint32Array[] | TakenSamples): void {
    if (versions.length === 0 && this.versions.length > 0) return;
    const given = samples && (isTaken(samples) ? samples.sizes.length : samples.length);
    if (given !== undefined && given !== versions.length) {
      throw new RangeError(`${given} samples for ${versions.length} versions`);
    }
    this.work = undefined;
    this.links = undefined;
    this.map = undefined;
    if (samples && isTaken(samples) && this.versions.length === 0) {
      // All of them, taken elsewhere: read where they lie, as grouping needs them.
      this.versions = versions;
      this.taken = samples;
      this.sampled = versions.length;
      return;
    }
    if (this.taken) {
      const taken = this.taken;
      this.samples = this.versions.map((version) => taken.of(version));
      this.taken = undefined;
      // Any the threads did not take are taken here after all.
      this.sampled = 0;
    }
    const list = samples && isTaken(samples) ? versions.map((v) => samples.of(v)) : samples;
    // Joined, not pushed one by one: 100,000 versions and their samples pushed took 17 ms, in the
    // one step that starts grouping a large corpus.
    this.versions = this.versions.concat(versions);
    this.samples = this.samples.concat(
      list ?? new Array<undefined>(versions.length).fill(undefined),
    );
  }

  /**
   * The links between the versions added so far, found elsewhere (a grouping thread, from the
   * samples given to `add`): steps then apply them instead of comparing the samples themselves.
   * Adding more versions drops them.
   */
  useLinks(links: Int32Array): void {
    if (this.map !== undefined) return;
    this.links = links;
    this.work = undefined;
  }

  /** Versions added, and of them those sampled (most of the work is sampling them). */
  get progress(): { readonly sampled: number; readonly versions: number } {
    return { sampled: this.sampled, versions: this.versions.length };
  }

  /**
   * The last grouping finished: of every version added when `done`, else of the versions added
   * before the last `add` (null before the first grouping finishes). Shown while grouping goes on.
   */
  get latest(): StoryMap | null {
    return this.last;
  }

  /** Whether every version added is grouped: `result()` then returns at once. */
  get done(): boolean {
    return this.map !== undefined;
  }

  /**
   * Group for about `budgetMs` milliseconds (a step overruns it by well under a millisecond), and
   * say whether every version added is now grouped.
   */
  step(budgetMs: number): boolean {
    if (this.map !== undefined) return true;
    const deadline = performance.now() + budgetMs;
    this.work ??= this.steps();
    for (;;) {
      const next = this.work.next();
      if (next.done === true) {
        this.map = next.value;
        this.last = next.value;
        this.work = undefined;
        return true;
      }
      if (performance.now() >= deadline) return false;
    }
  }

  /** The stories of every version added: what is left of the work is done now. */
  result(): StoryMap {
    this.step(Infinity);
    return this.map!;
  }

  private *steps(): Steps<StoryMap> {
    if (this.taken) return yield* groupSteps(this.versions, this.taken, this.links);
    let read = 0;
    for (; this.sampled < this.versions.length; this.sampled++) {
      if (this.samples[this.sampled] !== undefined) continue;
      const { paragraphs } = this.versions[this.sampled]!;
      this.samples[this.sampled] = shingleSampleOf(paragraphs);
      for (const paragraph of paragraphs) read += paragraph.length;
      if (read >= WORK_PER_STEP) {
        read = 0;
        yield;
      }
    }
    // No copies: `add` replaces both arrays rather than change them, so these stay as they are.
    return yield* groupSteps(this.versions, this.samples as Uint32Array[], this.links);
  }
}

/** Group versions into stories, and find each version's closest other version, all at once. */
export function groupStories(versions: readonly Version[]): StoryMap {
  return new StoryGrouper(versions).result();
}
