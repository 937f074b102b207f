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
import { collectPassageSteps, type Passage } from './passages.js';
import { queryTrigrams, trigramIndexSteps, TrigramScorer } from './trigrams.js';
import type { SearchHit, SearchIndex, SearchOptions } from './types.js';

export type { SearchHit, SearchIndex, SearchOptions } from './types.js';

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

/** What a search needs, once built. */
interface Engine {
  readonly passages: readonly Passage[];
  /** Passages folded for fuse.js, by passage, as they are first needed. */
  readonly folded: (string | undefined)[];
  readonly scorer: TrigramScorer;
  readonly terms: TermResults;
}

/** Build the engine a slice at a time; `onPassages` hears of the passages as soon as they are known. */
function* engineSteps(
  versions: readonly Version[],
  onPassages: (passages: readonly Passage[]) => void,
  warm: () => boolean,
): Generator<void, Engine> {
  const passages = yield* collectPassageSteps(versions);
  onPassages(passages);
  const index = yield* trigramIndexSteps(passages.map((p) => p.text));
  if (warm()) yield* warmUp(passages);
  return { passages, folded: [], scorer: new TrigramScorer(index), terms: new TermResults() };
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
function* warmUp(passages: readonly Passage[]): Generator<void> {
  const texts = passages.slice(0, WARM_PASSAGES).map((p) => p.text);
  const words = texts
    .map((text) => text.split(/\s+/).filter((w) => /^\p{L}{4,}$/u.test(w)))
    .find((found) => found.length >= WARM_WORDS);
  if (!words) return;
  const index = yield* trigramIndexSteps(texts);
  const engine: Engine = {
    passages: passages.slice(0, WARM_PASSAGES),
    folded: [],
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
      if (normalized !== '') rank(engine, normalized);
      yield;
    }
  }
}

function foldedText(engine: Engine, p: number): string {
  return (engine.folded[p] ??= foldForSearch(engine.passages[p]!.text));
}

/**
 * Candidates for a query that has no trigram (one letter, or only punctuation): the first
 * passages, in corpus order, that hold one of its words.
 */
function scanForCandidates(engine: Engine, query: Query, limit: number): number[] {
  const found: number[] = [];
  for (let p = 0; p < engine.passages.length && found.length < limit; p++) {
    const text = foldedText(engine, p);
    if (query.terms.some((term) => text.includes(term))) found.push(p);
  }
  return found;
}

function toHit(passage: Passage, score: number, matches: SearchHit['matches']): SearchHit {
  return {
    passage: passage.text,
    // The passage's own list, read-only, not a copy: a keystroke makes hundreds of hits, and a
    // passage many versions carry has hundreds of placements.
    versions: passage.placements,
    score,
    matches,
  };
}

/** The passages worth scoring for a plain query: those sharing the most trigrams with it. */
function candidatesFor(engine: Engine, query: Query): number[] {
  const trigrams = queryTrigrams(query.text);
  if (trigrams.length === 0) return scanForCandidates(engine, query, CANDIDATES);
  engine.scorer.update(trigrams);
  return engine.scorer.top(CANDIDATES);
}

/** Hits best first: by score, then in corpus order. */
function ranked(
  engine: Engine,
  candidates: Iterable<number>,
  match: (folded: string, original: string, term: TermMatcher) => PassageMatch | null,
): SearchHit[] {
  const scored: { p: number; score: number; matches: SearchHit['matches'] }[] = [];
  for (const p of candidates) {
    const found = match(foldedText(engine, p), engine.passages[p]!.text, engine.terms.matcher(p));
    if (found) scored.push({ p, ...found });
  }
  engine.terms.keepUsed();
  scored.sort((a, b) => a.score - b.score || a.p - b.p);
  return scored.map(({ p, score, matches }) => toHit(engine.passages[p]!, score, matches));
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
    // Only exclusions: every passage is a candidate.
    candidates = engine.passages.keys();
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

/** Index a corpus's passages for search. Costs nothing until the first search or `prepare`. */
export function buildSearchIndex(versions: readonly Version[]): SearchIndex {
  let passages: readonly Passage[] | undefined;
  let engine: Engine | undefined;
  // Warm up only an index built between frames, for a reader: not one built for one search.
  let sliced = false;
  // Dropped once done: a finished generator may still hold what its steps made on the way.
  let steps: Generator<void, Engine> | null = engineSteps(
    versions,
    (known) => (passages = known),
    () => sliced,
  );
  const step = (): boolean => {
    if (engine || !steps) return true;
    const next = steps.next();
    if (!next.done) return false;
    engine = next.value;
    steps = null;
    return true;
  };
  const ready = (): Engine => {
    while (!step());
    return engine!;
  };
  const cache = new Map<string, SearchHit[]>();

  return {
    get size(): number {
      while (passages === undefined) step();
      return passages.length;
    },
    prepare(): void {
      ready();
    },
    prepareSlice(milliseconds: number): boolean {
      sliced = true;
      const deadline = performance.now() + milliseconds;
      while (!step()) {
        if (performance.now() >= deadline) return false;
      }
      return true;
    },
    search(query: string, options: SearchOptions = {}): SearchHit[] {
      const limit = options.limit ?? DEFAULT_LIMIT;
      const normalized = normalizeQuery(query);
      if (normalized === '' || limit <= 0) return [];
      let hits = cache.get(normalized);
      if (hits === undefined) {
        hits = rank(ready(), normalized);
        if (cache.size >= CACHED_QUERIES) cache.delete(cache.keys().next().value!);
      } else {
        cache.delete(normalized); // set again below, as the most recent
      }
      cache.set(normalized, hits);
      return hits.slice(0, limit);
    },
  };
}
