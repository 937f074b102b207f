/**
 * The search engine: fuzzy search over every passage of a corpus, fast enough to run on each
 * keystroke of a large one.
 *
 * 1. Passages are de-duplicated: a paragraph that several versions carry is one passage.
 * 2. A trigram index picks candidates: the passages sharing the most (rarest) trigrams with the
 *    query. As a query is typed, the candidates' scores are updated, not recomputed.
 * 3. fuse.js scores the candidates alone, and finds the ranges to highlight.
 *
 * Building costs nothing up front: steps 1 and 2 are done on the first search, or ahead of it,
 * all at once (`prepare`) or a slice at a time between frames (`prepareSlice`).
 *
 * The same query always gives the same hits, however it was typed: the trigram scores are exact
 * integers, candidates are cut by score then by corpus order, and hits are ranked by score then
 * by corpus order.
 */
import type { Version } from '../corpus/types.js';
import { foldForSearch, normalizeQuery } from '../text/fold.js';
import {
  matchPassage,
  matchTerm,
  parseQuery,
  type PassageMatch,
  type Query,
  type TermMatcher,
  type TermResult,
} from './match.js';
import { candidateTerms, matchExtended, planExtended } from './extended.js';
import { parseExtended, type ExtendedQuery } from './syntax.js';
import { PassageCollector, type PassageTexts, type Placement } from './passages.js';
import {
  packedIndexSteps,
  queryTrigrams,
  TrigramIndex,
  trigramIndexSteps,
  TrigramScorer,
  type TrigramBlock,
} from './trigrams.js';
import type { GrowingSearchIndex, SearchHit, SearchIndex, SearchOptions } from './types.js';
import type { PackedTexts } from '../corpus/packed.js';

export type { GrowingSearchIndex, SearchHit, SearchIndex, SearchOptions } from './types.js';
export type { TrigramBlock } from './trigrams.js';

/** How many candidates fuse.js scores per query. */
export const CANDIDATES = 400;
/** How many hits a search returns unless told otherwise. */
export const DEFAULT_LIMIT = 50;
/** How many recent queries keep their hits (going back with backspace costs nothing). */
const CACHED_QUERIES = 64;

/**
 * Each word's results, by passage, kept from one search to the next: typing "ceasefire talks" a
 * letter at a time matches "ceasefire" in each candidate once, not again on every later key. Only
 * the words of the latest search are kept.
 */
class TermResults {
  #byTerm = new Map<string, Map<number, TermResult>>();
  #used = new Set<string>();

  /** A matcher for passage p that remembers what it finds. */
  matcher(p: number): TermMatcher {
    return (pattern, text) => {
      this.#used.add(pattern);
      let results = this.#byTerm.get(pattern);
      if (!results) this.#byTerm.set(pattern, (results = new Map()));
      let result = results.get(p);
      if (!result) results.set(p, (result = matchTerm(pattern, text)));
      return result;
    };
  }

  /** A search is done: forget the words it did not use. */
  keepUsed(): void {
    for (const term of this.#byTerm.keys()) if (!this.#used.has(term)) this.#byTerm.delete(term);
    this.#used.clear();
  }
}

/** What a search needs: the passages, and the index over those searched so far. */
interface Engine {
  /** The passages' texts, growing as the corpus is read. */
  readonly texts: PassageTexts;
  /** Versions carrying passage p. */
  readonly placementsOf: (p: number) => Placement[];
  /** Passages folded for fuse.js, by passage, as they are first needed. */
  readonly folded: (string | undefined)[];
  readonly index: TrigramIndex;
  /**
   * A scorer over the index as it is: made by the first search after the index grows (null
   * until then). Its arrays hold a number for each passage, megabytes at 100,000 versions, made
   * afresh for each block that joins while a corpus loads, where no search may come.
   */
  scorer: TrigramScorer | null;
  readonly terms: TermResults;
}

/** Passages searched: those the index holds; those read since wait for the next block. */
function searched(engine: Engine): number {
  return engine.index.passages;
}

/** Passages the warm-up engine indexes, and words of one of them it types. */
const WARM_PASSAGES = 500;
const WARM_WORDS = 3;

/**
 * Type a query, and the same with typos, a key at a time, into a small engine made of the first
 * passages, a search per step. V8 compiles a function well only once it has run a while: without
 * this the first query a reader types costs several times what later ones do (at 10,000 versions,
 * measured: a median 11 ms of CPU a key against 3 to 5). Only an index built a slice at a time, in
 * a reader's idle time, is warmed; the real engine's results owe nothing to it.
 */
function* warmUp(passages: readonly string[]): Generator<void> {
  const texts = passages.slice(0, WARM_PASSAGES);
  const words = texts
    .map((text) => text.split(/\s+/).filter((w) => /^\p{L}{4,}$/u.test(w)))
    .find((found) => found.length >= WARM_WORDS);
  if (!words) return;
  const index = new TrigramIndex([yield* trigramIndexSteps(texts)]);
  const engine: Engine = {
    texts,
    placementsOf: () => [],
    folded: [],
    index,
    scorer: new TrigramScorer(index),
    terms: new TermResults(),
  };
  const typed = words.slice(0, WARM_WORDS).join(' ');
  // The same words with a letter dropped from each, for the fuzzy matcher.
  const misspelt = words
    .slice(0, WARM_WORDS)
    .map((w) => w.slice(0, 1) + w.slice(2))
    .join(' ');
  for (const query of [typed, misspelt]) {
    for (let end = 1; end <= query.length; end++) {
      const normalized = normalizeQuery(query.slice(0, end));
      // The first hit's ranges too: a hit makes them when they are first read.
      if (normalized !== '') void rank(engine, normalized)[0]?.matches;
      yield;
    }
  }
}

function foldedText(engine: Engine, p: number): string {
  return (engine.folded[p] ??= foldForSearch(engine.texts.at(p)!));
}

/**
 * Candidates for a query that has no trigram (one letter, or only punctuation): the first
 * passages, in corpus order, that hold one of its words.
 */
function scanForCandidates(engine: Engine, query: Query, limit: number): number[] {
  const found: number[] = [];
  for (let p = 0; p < searched(engine) && found.length < limit; p++) {
    const text = foldedText(engine, p);
    if (query.terms.some((term) => text.includes(term))) found.push(p);
  }
  return found;
}

function toHit(engine: Engine, p: number, found: PassageMatch): SearchHit {
  let versions: readonly Placement[] | undefined;
  let passage: string | undefined;
  return {
    // Read when first asked for: a query of exclusions alone hits nearly every passage, and a
    // passage may be read out of packed text (corpus/taken.ts).
    get passage(): string {
      return (passage ??= engine.texts.at(p)!);
    },
    // Made when first read: a keystroke makes hundreds of hits, and a passage many versions
    // carry has thousands of placements.
    get versions(): readonly Placement[] {
      return (versions ??= engine.placementsOf(p));
    },
    score: found.score,
    // Made when first read too (see PassageMatch): a screenful of hits shows.
    get matches(): SearchHit['matches'] {
      return found.matches;
    },
  };
}

/** The passages worth scoring for a plain query: those sharing the most trigrams with it. */
function candidatesFor(engine: Engine, query: Query): number[] {
  const trigrams = queryTrigrams(query.text);
  if (trigrams.length === 0) return scanForCandidates(engine, query, CANDIDATES);
  engine.scorer ??= new TrigramScorer(engine.index);
  engine.scorer.update(trigrams);
  return engine.scorer.top(CANDIDATES);
}

/** Hits best first: by score, then in corpus order. */
function ranked(
  engine: Engine,
  candidates: Iterable<number>,
  match: (folded: string, original: () => string, term: TermMatcher) => PassageMatch | null,
): SearchHit[] {
  const scored: { p: number; found: PassageMatch }[] = [];
  for (const p of candidates) {
    const original = (): string => engine.texts.at(p)!;
    const found = match(foldedText(engine, p), original, engine.terms.matcher(p));
    if (found) scored.push({ p, found });
  }
  engine.terms.keepUsed();
  scored.sort((a, b) => a.found.score - b.found.score || a.p - b.p);
  return scored.map(({ p, found }) => toHit(engine, p, found));
}

/** Every hit for a query in fzf's extended syntax (with operators), best first. */
function rankExtended(engine: Engine, query: ExtendedQuery): SearchHit[] {
  const plan = planExtended(query);
  let candidates: Iterable<number>;
  const terms = plan.core ? null : candidateTerms(plan);
  if (plan.core) {
    candidates = candidatesFor(engine, plan.core);
  } else if (terms) {
    // Any one alternative of a clause that must hold finds the passage: gather them all.
    const found = new Set<number>();
    for (const term of terms) {
      for (const p of candidatesFor(engine, parseQuery(term.text))) found.add(p);
    }
    candidates = found;
  } else {
    // Only exclusions: every passage searched is a candidate.
    candidates = Array.from({ length: searched(engine) }, (_, p) => p);
  }
  return ranked(engine, candidates, (folded, original, term) =>
    matchExtended(plan, folded, original, term),
  );
}

/** Every hit for a normalized, non-blank query, best first. */
function rank(engine: Engine, normalized: string): SearchHit[] {
  const extended = parseExtended(normalized);
  if (!extended.plain) return rankExtended(engine, extended);
  const query = parseQuery(normalized);
  return ranked(engine, candidatesFor(engine, query), (folded, original, term) =>
    matchPassage(query, folded, original, term),
  );
}

/** The passages of a block to build elsewhere, packed a part at a time as they are sent. */
export interface BlockTexts {
  readonly length: number;
  /** Passages `from` to before `to` of the block, packed (see corpus/packed.ts). */
  pack(from: number, to: number): PackedTexts;
}

/**
 * Builds the trigram block of some passages, on another thread; null builds each block here,
 * a slice at a time, in `work`. `release`, when it has one, is called once the index is whole:
 * no block is asked for after it, and the thread can end (with all it kept between blocks).
 */
export type BlockBuilder = ((texts: BlockTexts) => Promise<TrigramBlock>) & {
  readonly release?: () => void;
};

export interface GrowingIndexOptions {
  /** Where blocks are built (default: here, in `work`). */
  readonly build?: BlockBuilder | null;
  /** The fewest passages in a block cut before the corpus is whole (default 2,048). */
  readonly firstBlock?: number;
  /**
   * Blocks of fewer passages than this are built here even with `build`: a thread costs tens of
   * megabytes, which a corpus of 10,000 versions (four blocks under 32,768) does not need to pay.
   * Default 0: every block goes to `build`.
   */
  readonly threadFrom?: number;
  /** Each version's passageHashes, where a loader thread took them (see PassageCollector). */
  readonly hashes?: (version: Version) => Uint32Array | undefined;
}

/** A block of passages cut, and how many versions had been read when it was. */
interface Cut {
  readonly from: number;
  readonly to: number;
  readonly versions: number;
  /** Built on the other thread, not here in `work` (until the thread fails it). */
  elsewhere: boolean;
}

/**
 * Passages in the first block cut before the corpus is whole; each next block is twice the
 * size, up to MAX_BLOCK. Each block costs 1 MB, and a search a little time, whatever its size.
 */
const FIRST_BLOCK = 2048;
/** Passages packed between two yields for a block built here: a few hundred kilobytes. */
const PACKED_PER_STEP = 1024;
/** The most passages in a block: their numbers then fit in 16 bits. */
const MAX_BLOCK = 0x10000;

/**
 * A search index over a corpus that streams in (see GrowingSearchIndex): versions are added as
 * they load, their passages read a slice at a time in `work`, and indexed in blocks, here or on
 * another thread. A search covers the passages of the blocks built so far.
 */
class Growing implements GrowingSearchIndex {
  readonly #collector = new PassageCollector();
  readonly #engine: Engine;
  readonly #build: BlockBuilder | null;
  /** Whether the builder has been told the index is whole. */
  #released = false;
  threadFrom: number;
  readonly #hashes: ((version: Version) => Uint32Array | undefined) | undefined;
  /** Whether to warm the matcher up once a block is in and the corpus whole (see warmOnce). */
  #warm = false;
  /** Versions added, and those whose passages are read. */
  #added: Version[] = [];
  #read = 0;
  #reading: Generator<void> | null = null;
  #finished = false;
  /** Passages cut into blocks so far, and versions read when the last block was cut. */
  #cut = 0;
  #searchedVersions = 0;
  /** Blocks cut, in order, waiting to join the index; the first may be building here. */
  readonly #cuts: Cut[] = [];
  #building: { readonly cut: Cut; readonly steps: Generator<void, TrigramBlock> } | null = null;
  readonly #built = new Map<Cut, TrigramBlock>();
  #blockSize: number;
  #warming: Generator<void> | null = null;
  readonly #cache = new Map<string, SearchHit[]>();
  readonly #listeners = new Set<() => void>();

  constructor(options: GrowingIndexOptions = {}) {
    this.#build = options.build ?? null;
    this.#hashes = options.hashes;
    this.threadFrom = options.threadFrom ?? 0;
    this.#blockSize = options.firstBlock ?? FIRST_BLOCK;
    const index = new TrigramIndex();
    this.#engine = {
      texts: this.#collector.texts,
      placementsOf: (p) => this.#collector.placementsOf(p),
      folded: [],
      index,
      scorer: null,
      terms: new TermResults(),
    };
  }

  get size(): number {
    return this.#collector.texts.length;
  }

  get versions(): number {
    return this.#added.length;
  }

  get searchedVersions(): number {
    return this.#searchedVersions;
  }

  get complete(): boolean {
    return this.#finished && this.#searchedVersions === this.#added.length;
  }

  add(versions: readonly Version[]): void {
    if (this.#finished) throw new Error('no version can be added to a finished search index');
    for (const version of versions) this.#added.push(version);
  }

  finish(): void {
    this.#finished = true;
    this.#warmWhenReady();
  }

  onGrow(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  work(milliseconds: number): boolean {
    const deadline = performance.now() + milliseconds;
    do {
      if (!this.#step()) return true;
    } while (performance.now() < deadline);
    return false;
  }

  warmOnce(): void {
    this.#warm = true;
    this.#warmWhenReady();
  }

  /**
   * Warm up once a block is searched and the corpus is whole: its first steps compile the
   * matcher's code, up to 40 ms a step, which a key would wait for while a large corpus loads.
   */
  #warmWhenReady(): void {
    if (!this.#warm || !this.#finished || this.#engine.index.passages === 0) return;
    this.#warm = false;
    this.#warming = warmUp(this.#collector.texts.slice(0, WARM_PASSAGES));
  }

  /** One slice of work; false when there is none left here. */
  #step(): boolean {
    if (this.#warming) {
      if (this.#warming.next().done) this.#warming = null;
      return true;
    }
    if (this.#building) {
      const { cut, steps } = this.#building;
      const next = steps.next();
      if (next.done) {
        this.#building = null;
        this.#built.set(cut, next.value);
        this.#join();
      }
      return true;
    }
    if (this.#reading) {
      if (this.#reading.next().done) {
        this.#reading = null;
        this.#cutBlocks();
      }
      return true;
    }
    if (this.#read < this.#added.length) {
      // Read in runs of a few hundred versions, so blocks are cut often as a corpus loads.
      const to = Math.min(this.#added.length, this.#read + 500);
      this.#reading = this.#collector.addSteps(this.#added.slice(this.#read, to), this.#hashes);
      this.#read = to;
      return true;
    }
    this.#cutBlocks();
    const waiting = this.#cuts[0];
    if (waiting && !waiting.elsewhere && !this.#built.has(waiting)) {
      this.#building = { cut: waiting, steps: this.#buildSteps(waiting) };
      return true;
    }
    return false;
  }

  /**
   * Build a block here: its passages packed a part at a time (a block of 32,768 passages packed
   * at once, 10 MB of text, held up a key for 50 to 90 ms), then indexed.
   */
  *#buildSteps(cut: Cut): Generator<void, TrigramBlock> {
    const parts: PackedTexts[] = [];
    for (let from = cut.from; from < cut.to; from += PACKED_PER_STEP) {
      parts.push(this.#collector.pack(from, Math.min(cut.to, from + PACKED_PER_STEP)));
      yield;
    }
    return yield* packedIndexSteps(parts);
  }

  /**
   * Cut the passages read into a block, once there are enough of them, or once the corpus is
   * whole; a block ends with the last version read, so that it says how many versions the
   * search covers once it joins.
   */
  #cutBlocks(): void {
    const total = this.#collector.texts.length;
    const whole = this.#finished && this.#read === this.#added.length && !this.#reading;
    const left = total - this.#cut;
    // Versions read that held no new passage are searched already.
    if (left === 0 && this.#cuts.length === 0) this.#setSearched(this.#read);
    if (left === 0 || (left < this.#blockSize && !whole)) return;
    while (this.#cut < total) {
      const to = Math.min(total, this.#cut + MAX_BLOCK);
      const elsewhere = this.#build !== null && to - this.#cut >= this.threadFrom;
      this.#send({ from: this.#cut, to, versions: to === total ? this.#read : -1, elsewhere });
      this.#cut = to;
    }
    this.#blockSize = Math.min(MAX_BLOCK, this.#blockSize * 2);
  }

  /** A block to build: on the indexing thread, or here, in turn, in `work`. */
  #send(cut: Cut): void {
    this.#cuts.push(cut);
    if (!this.#build || !cut.elsewhere) return;
    const collector = this.#collector;
    const texts: BlockTexts = {
      length: cut.to - cut.from,
      pack: (from, to) => collector.pack(cut.from + from, cut.from + to),
    };
    void this.#build(texts).then(
      (block) => {
        this.#built.set(cut, block);
        this.#join();
      },
      // The thread failed: the block is built here instead, in `work`, a slice at a time.
      () => {
        cut.elsewhere = false;
        this.#tell();
      },
    );
  }

  /** Blocks built join the index in order; the search sees them at once. */
  #join(): void {
    let joined = false;
    for (let cut = this.#cuts[0]; cut && this.#built.has(cut); cut = this.#cuts[0]) {
      this.#engine.index.add(this.#built.get(cut)!);
      this.#built.delete(cut);
      this.#cuts.shift();
      joined = true;
      if (cut.versions >= 0) this.#searchedVersions = cut.versions;
    }
    if (!joined) return;
    // Every passage read is searched: so is every version read.
    if (this.#cuts.length === 0 && this.#cut === this.#collector.texts.length && !this.#reading) {
      this.#searchedVersions = this.#read;
    }
    this.#engine.scorer = null;
    this.#cache.clear();
    this.#warmWhenReady();
    if (this.complete) this.#close();
    this.#tell();
  }

  /** The index is whole: let go of what only growing needed, the builder's thread too. */
  #close(): void {
    this.#collector.close();
    if (this.#released) return;
    this.#released = true;
    this.#build?.release?.();
  }

  #tell(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  #setSearched(versions: number): void {
    if (versions === this.#searchedVersions) return;
    this.#searchedVersions = versions;
    if (this.complete) this.#close();
    this.#tell();
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const limit = options.limit ?? DEFAULT_LIMIT;
    const normalized = normalizeQuery(query);
    if (normalized === '' || limit <= 0) return [];
    const cache = this.#cache;
    let hits = cache.get(normalized);
    if (hits === undefined) {
      hits = rank(this.#engine, normalized);
      if (cache.size >= CACHED_QUERIES) cache.delete(cache.keys().next().value!);
    } else {
      cache.delete(normalized); // set again below, as the most recent
    }
    cache.set(normalized, hits);
    return hits.slice(0, limit);
  }

  prepare(): void {
    while (!this.work(Infinity));
  }

  prepareSlice(milliseconds: number): boolean {
    return this.work(milliseconds);
  }
}

/**
 * A search index that grows as a corpus streams in: add versions as they load, call `work`
 * between frames, and search what is indexed so far.
 */
export function growingSearchIndex(options: GrowingIndexOptions = {}): GrowingSearchIndex {
  return new Growing(options);
}

/**
 * Index a corpus's passages for search. Costs nothing until the first search or `prepare`: the
 * first search waits for the whole index; `prepareSlice` builds it between frames, and warms the
 * matcher up for a reader.
 */
export function buildSearchIndex(versions: readonly Version[]): SearchIndex {
  const growing = new Growing();
  growing.add(versions);
  growing.finish();
  let warmed = false;
  return {
    get size(): number {
      growing.prepare();
      return growing.size;
    },
    prepare(): void {
      growing.prepare();
    },
    prepareSlice(milliseconds: number): boolean {
      if (!warmed) {
        warmed = true;
        growing.warmOnce();
      }
      return growing.work(milliseconds);
    },
    search(query: string, options?: SearchOptions): SearchHit[] {
      growing.prepare();
      return growing.search(query, options);
    },
  };
}
