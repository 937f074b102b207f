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
 */
import { foldCode, foldForSearch } from '../text/fold.js';
import { sharedSorted } from '../text/sorted.js';
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
  readonly id: string;
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

/** Words per shingle. */
const SHINGLE = 3;
/** A shingle is sampled when its hash & SAMPLE_MASK is 0: one in four. */
const SAMPLE_MASK = 3;
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

/** For ASCII: the lower-case code of a letter or digit, 0 for anything else. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, code) => {
  if (code >= 65 && code <= 90) return code + 32;
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) ? code : 0;
});
/** Beyond ASCII: the folded code of a letter, digit or mark, 0 for anything else; lazily. */
const wordCodes = new Uint16Array(65536);
const wordCodeKnown = new Uint8Array(65536);
const WORD_UNIT = /[\p{L}\p{N}\p{M}]/u;

function wordCodeBeyondAscii(code: number): number {
  if (wordCodeKnown[code] === 0) {
    const surrogate = code >= 0xd800 && code <= 0xdfff;
    const folded = foldCode(code);
    const isWord = surrogate || WORD_UNIT.test(String.fromCharCode(folded));
    wordCodes[code] = isWord ? folded : 0;
    wordCodeKnown[code] = 1;
  }
  return wordCodes[code]!;
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** MurmurHash3's finalizer: every input bit reaches every output bit. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function shingleHash(a: number, b: number, c: number): number {
  return fmix(
    Math.imul(a, 0x9e3779b1) ^
      Math.imul(rotl(b, 11), 0x85ebca77) ^
      Math.imul(rotl(c, 22), 0xc2b2ae3d),
  );
}

/** The sampled shingle hashes of a text, ascending and distinct. */
export function shingleSample(text: string): Uint32Array {
  const sample: number[] = [];
  let w1 = 0;
  let w2 = 0;
  let words = 0;
  let hash = 0x811c9dc5; // FNV-1a over the word's folded units
  let inWord = false;
  for (let i = 0; i <= text.length; i++) {
    const unit = i < text.length ? text.charCodeAt(i) : 32;
    const code = unit < 128 ? ASCII_WORD[unit]! : wordCodeBeyondAscii(unit);
    if (code !== 0) {
      hash = Math.imul(hash ^ code, 0x01000193);
      inWord = true;
      continue;
    }
    if (!inWord) continue;
    const word = hash >>> 0;
    if (++words >= SHINGLE) {
      const shingle = shingleHash(w1, w2, word);
      if ((shingle & SAMPLE_MASK) === 0) sample.push(shingle);
    }
    w1 = w2;
    w2 = word;
    hash = 0x811c9dc5;
    inWord = false;
  }
  const sorted = Uint32Array.from(sample).sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
  }
  return sorted.slice(0, distinct);
}

export interface Overlap {
  /** Shared samples over the smaller sample: how much of the smaller text is in the other. */
  readonly containment: number;
  /** Shared samples over all samples of the two. */
  readonly jaccard: number;
  readonly shared: number;
}

export function overlapOf(a: Uint32Array, b: Uint32Array): Overlap {
  const shared = sharedSorted(a, b);
  const smaller = Math.min(a.length, b.length);
  const union = a.length + b.length - shared;
  return {
    containment: smaller === 0 ? 0 : shared / smaller,
    jaccard: union === 0 ? 0 : shared / union,
    shared,
  };
}

// ---------------------------------------------------------------------------------------------
// Candidate pairs

/**
 * Sort `keys` and carry `values` along, stably: a least-significant-digit radix sort, 11 bits a
 * pass (a count table that stays in cache). Returns new arrays.
 */
function radixSort(
  keys: Uint32Array,
  values: Int32Array,
): { keys: Uint32Array; values: Int32Array } {
  let fromKeys: Uint32Array = keys;
  let fromValues: Int32Array = values;
  let toKeys: Uint32Array = new Uint32Array(keys.length);
  let toValues: Int32Array = new Int32Array(values.length);
  const counts = new Int32Array(2049);
  for (const shift of [0, 11, 22]) {
    counts.fill(0);
    for (let i = 0; i < fromKeys.length; i++) counts[((fromKeys[i]! >>> shift) & 0x7ff) + 1]!++;
    for (let d = 0; d < 2048; d++) counts[d + 1]! += counts[d]!;
    for (let i = 0; i < fromKeys.length; i++) {
      const at = counts[(fromKeys[i]! >>> shift) & 0x7ff]!++;
      toKeys[at] = fromKeys[i]!;
      toValues[at] = fromValues[i]!;
    }
    [fromKeys, toKeys] = [toKeys, fromKeys];
    [fromValues, toValues] = [toValues, fromValues];
  }
  return { keys: fromKeys, values: fromValues };
}

/** For each distinct sample, the versions holding it, ascending: as runs of one list. */
function invertedRuns(samples: readonly Uint32Array[]): { versions: Int32Array; runs: Int32Array } {
  let total = 0;
  for (const s of samples) total += s.length;
  const keys = new Uint32Array(total);
  const values = new Int32Array(total);
  let at = 0;
  for (let v = 0; v < samples.length; v++) {
    keys.set(samples[v]!, at);
    values.fill(v, at, at + samples[v]!.length);
    at += samples[v]!.length;
  }
  // Versions go in ascending and the sort is stable: each run lists its versions ascending.
  const sorted = radixSort(keys, values);
  const runs: number[] = [0];
  for (let i = 1; i < total; i++) if (sorted.keys[i] !== sorted.keys[i - 1]) runs.push(i);
  runs.push(total);
  return { versions: sorted.values, runs: Int32Array.from(runs) };
}

/**
 * Pairs of versions worth comparing, as i * n + j with i < j, ascending: those sharing enough
 * samples (MIN_SHARED, CANDIDATE_OVERLAP), and those linked by a boilerplate sample (see
 * MAX_POSTINGS).
 */
function candidatePairs(samples: readonly Uint32Array[]): Float64Array {
  const n = samples.length;
  const { versions, runs } = invertedRuns(samples);
  // For each version, the runs holding it: walk them to count what it shares with each other.
  const runsOf: number[][] = samples.map(() => []);
  // Neighbours in a long run: a pair is linked as often as it is neighbours. Copies of a story
  // with very many copies are neighbours in most of its runs, chance neighbours in few.
  const linked = new Map<number, number>();
  for (let r = 0; r + 1 < runs.length; r++) {
    const start = runs[r]!;
    const end = runs[r + 1]!;
    if (end - start < 2) continue;
    if (end - start > MAX_POSTINGS) {
      for (let i = start; i + 1 < end; i++) {
        const pair = versions[i]! * n + versions[i + 1]!;
        linked.set(pair, (linked.get(pair) ?? 0) + 1);
      }
      continue;
    }
    for (let i = start; i < end; i++) runsOf[versions[i]!]!.push(r);
  }
  const shared = new Int32Array(n);
  const touched: number[] = [];
  const pairs = new Set<number>();
  for (const [pair, times] of linked) if (times >= MIN_SHARED) pairs.add(pair);
  for (let a = 0; a < n; a++) {
    for (const r of runsOf[a]!) {
      for (let i = runs[r]!, end = runs[r + 1]!; i < end; i++) {
        const b = versions[i]!;
        if (b <= a) continue;
        if (shared[b] === 0) touched.push(b);
        shared[b]!++;
      }
    }
    for (const b of touched) {
      const count = shared[b]!;
      const smaller = Math.min(samples[a]!.length, samples[b]!.length);
      if (count >= MIN_SHARED && count >= CANDIDATE_OVERLAP * smaller) pairs.add(a * n + b);
      shared[b] = 0;
    }
    touched.length = 0;
  }
  return Float64Array.from(pairs).sort();
}

// ---------------------------------------------------------------------------------------------
// Grouping

function makeUnionFind(n: number): { find(i: number): number; union(a: number, b: number): void } {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
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

interface Best {
  other: number;
  overlap: Overlap;
}

/** Whether `candidate` is a closer neighbour than `current`: overlap, then Jaccard, then order. */
function closer(candidate: Best, current: Best | undefined): boolean {
  if (!current) return true;
  const a = candidate.overlap;
  const b = current.overlap;
  if (a.containment !== b.containment) return a.containment > b.containment;
  if (a.jaccard !== b.jaccard) return a.jaccard > b.jaccard;
  return candidate.other < current.other;
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
  return foldForSearch(version.body)
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
}

/** Group versions into stories, and find each version's closest other version. */
export function groupStories(versions: readonly Version[]): StoryMap {
  const n = versions.length;
  const samples = versions.map((v) => shingleSample(v.body));
  const sets = makeUnionFind(n);
  const best: (Best | undefined)[] = new Array(n);

  const link = (a: number, b: number, overlap: Overlap): void => {
    if (overlap.containment >= STORY_OVERLAP) sets.union(a, b);
    if (closer({ other: b, overlap }, best[a])) best[a] = { other: b, overlap };
    if (closer({ other: a, overlap }, best[b])) best[b] = { other: a, overlap };
  };
  for (const pair of candidatePairs(samples)) {
    const a = Math.floor(pair / n);
    const b = pair - a * n;
    const overlap = overlapOf(samples[a]!, samples[b]!);
    if (overlap.shared >= MIN_SHARED) link(a, b, overlap);
  }
  // Versions too short to sample are one story with the versions of the same text.
  const shortTexts = new Map<string, number>();
  samples.forEach((sample, b) => {
    if (sample.length >= MIN_SHARED) return;
    const text = plainText(versions[b]!);
    const a = shortTexts.get(text);
    if (a === undefined) shortTexts.set(text, b);
    else link(a, b, { containment: 1, jaccard: 1, shared: 0 });
  });

  const members = new Map<number, Version[]>();
  versions.forEach((version, i) => {
    const root = sets.find(i);
    const list = members.get(root);
    if (list) list.push(version);
    else members.set(root, [version]);
  });
  // Roots are first versions and Map keeps insertion order: stories come in corpus order, and the
  // stable sorts keep that order among equals.
  const stories: Story[] = [...members.values()].map((list) => {
    const ordered = [...list].sort(byDateThenOutlet);
    return { id: ordered[0]!.id, title: storyTitle(list), versions: ordered };
  });
  // Newest first: a story's date is its earliest version's, the first after sorting.
  stories.sort((a, b) => {
    const x = a.versions[0]!.date;
    const y = b.versions[0]!.date;
    if (x === y) return 0;
    if (x === null) return 1;
    if (y === null) return -1;
    return x > y ? -1 : 1;
  });

  const closest = new Map<string, Neighbour | null>();
  versions.forEach((version, i) => {
    const neighbour = best[i];
    closest.set(
      version.id,
      neighbour
        ? { id: versions[neighbour.other]!.id, similarity: round(neighbour.overlap.containment) }
        : null,
    );
  });

  const known = new WeakMap<Version, Uint32Array>();
  versions.forEach((version, i) => known.set(version, samples[i]!));
  const sampleOf = (version: Version): Uint32Array => {
    let sample = known.get(version);
    if (sample === undefined) {
      sample = shingleSample(version.body);
      known.set(version, sample);
    }
    return sample;
  };

  return {
    stories,
    closest,
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
