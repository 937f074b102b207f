/**
 * Alignment: which passage of A is which passage of B, wherever each stands, and which pairs
 * moved. Two drafts are made: paragraphs first (a paragraph may pair with a run of consecutive
 * paragraphs that split or merged it, and the sentences of the paragraphs left over pair next),
 * and sentences first, across the two whole versions. Where a version rewrote a stretch of
 * paragraphs (sentences split, merged or moved between paragraphs, a new lead), the sentence draft
 * shows fewer changed words there; each region of the story takes the draft that shows fewer.
 */

import { pairPassages, type Candidate } from './pairing.js';
import { changedWords, diffWords, type Stretch } from './worddiff.js';
import type { Word } from './tokenize.js';
import {
  comparePositions,
  passageLength,
  sentencesOf,
  signatureOf,
  wholeParagraph,
  wordsOf,
  type Passage,
  type Text,
} from './passage.js';

/** A passage of A paired with its counterpart in B. */
export interface Match {
  /** One passage, or consecutive paragraphs that B merged into one. */
  readonly a: readonly Passage[];
  /** One passage, or consecutive paragraphs that B split A's one into. */
  readonly b: readonly Passage[];
  /** Whether the pair stands out of order: the passage moved. */
  readonly moved: boolean;
  /** The word diff of A's passages, joined, against B's. */
  readonly stretches: readonly Stretch[];
}

export interface Alignment {
  readonly matches: readonly Match[];
  /** Passages of A with no counterpart in B. */
  readonly removed: readonly Passage[];
  /** Passages of B with no counterpart in A. */
  readonly added: readonly Passage[];
}

/** Two passages at least this alike (by words kept in order) are one passage, edited. */
export const PAIR_AT = 0.5;
/** A paragraph that has at least this share of its words in another may be a piece of it. */
const PIECE_SHARE = 0.6;
/** A paragraph split into (or merged from) up to this many. */
const MAX_PIECES = 3;
/** Sentences pair only when they keep at least this many words in order. */
const SENTENCE_MIN_SHARED = 3;
/**
 * A trim pairs too: a passage whose words are at least this share of a longer one's, in order,
 * pairs with it however much the longer one lost, and shows the cut words deleted.
 */
export const TRIM_AT = 0.5;
/** A change of this many words inside a paired paragraph may be a sentence that moved. */
const LOOSE_CHANGE = 4;

type Pair = Pick<Match, 'a' | 'b'>;

interface Draft {
  readonly pairs: readonly Pair[];
  readonly removed: readonly Passage[];
  readonly added: readonly Passage[];
}

export function align(a: Text, b: Text): Alignment {
  const byParagraph = paragraphsFirst(a, b);
  const diffs = new Map<Pair, readonly Stretch[]>();
  const diffOf = (pair: Pair): readonly Stretch[] => {
    let stretches = diffs.get(pair);
    if (!stretches) {
      stretches = diffWords(joinWords(a, pair.a), joinWords(b, pair.b));
      diffs.set(pair, stretches);
    }
    return stretches;
  };
  const bySentence = sentencesFirst(a, b, byParagraph, diffOf);
  const draft = bySentence ? cheaperByRegion(a, b, [byParagraph, bySentence], diffOf) : byParagraph;
  const moved = movedPairs(
    draft.pairs,
    draft.pairs.map((pair) => weightOf(a, pair)),
  );
  return {
    matches: draft.pairs.map((pair, i) => ({ ...pair, moved: moved[i]!, stretches: diffOf(pair) })),
    removed: draft.removed,
    added: draft.added,
  };
}

function joinWords(text: Text, passages: readonly Passage[]): Word[] {
  return passages.length === 1
    ? [...wordsOf(text, passages[0]!)]
    : passages.flatMap((passage) => wordsOf(text, passage));
}

/** Paragraphs pair first; then the sentences of the paragraphs left over. */
function paragraphsFirst(a: Text, b: Text): Draft {
  const { pairs, freeA, freeB } = pairParagraphs(a, b);
  const leftovers = pairSentences(a, b, freeA, freeB);
  return {
    pairs: [...pairs, ...leftovers.pairs],
    removed: leftovers.removed,
    added: leftovers.added,
  };
}

/**
 * The paragraphs-first draft with its loose paragraphs paired sentence by sentence, across the two
 * versions: those left unpaired, and those paired with a change of a sentence's length or more in
 * them (a sentence that came or went), with every paragraph paired to them. Undefined when no
 * paragraph is loose: then the sentences have nothing to show better.
 */
function sentencesFirst(
  a: Text,
  b: Text,
  byParagraph: Draft,
  diffOf: (pair: Pair) => readonly Stretch[],
): Draft | undefined {
  const looseA = new Set(byParagraph.removed.map((p) => p.paragraph));
  const looseB = new Set(byParagraph.added.map((p) => p.paragraph));
  const paragraphsOf = (pair: Pair) => ({
    a: pair.a.map((p) => p.paragraph),
    b: pair.b.map((p) => p.paragraph),
  });
  const loosePair = (pair: Pair): boolean => {
    const { a: as, b: bs } = paragraphsOf(pair);
    return as.some((i) => looseA.has(i)) || bs.some((j) => looseB.has(j));
  };
  for (const pair of byParagraph.pairs) {
    if (pair.a.some((p) => p.start > 0 || p.end < a.paragraphs[p.paragraph]!.length)) continue;
    const big = diffOf(pair).some(
      (s) => !s.kept && Math.max(s.aTo - s.aFrom, s.bTo - s.bFrom) >= LOOSE_CHANGE,
    );
    if (!big) continue;
    for (const p of pair.a) looseA.add(p.paragraph);
    for (const p of pair.b) looseB.add(p.paragraph);
  }
  if (looseA.size === 0 || looseB.size === 0) return undefined;
  // Close the loose set under the pairs: a pair is kept whole in both drafts, or in neither.
  for (let grown = true; grown;) {
    grown = false;
    for (const pair of byParagraph.pairs) {
      if (!loosePair(pair)) continue;
      const { a: as, b: bs } = paragraphsOf(pair);
      for (const i of as.filter((i) => !looseA.has(i))) {
        looseA.add(i);
        grown = true;
      }
      for (const j of bs.filter((j) => !looseB.has(j))) {
        looseB.add(j);
        grown = true;
      }
    }
  }
  const sorted = (set: Set<number>): number[] => [...set].sort((x, y) => x - y);
  const sentences = pairSentences(a, b, sorted(looseA), sorted(looseB));
  return {
    pairs: [...byParagraph.pairs.filter((pair) => !loosePair(pair)), ...sentences.pairs],
    removed: sentences.removed,
    added: sentences.added,
  };
}

/**
 * The drafts joined region by region: a region is a set of paragraphs that some draft's pairs tie
 * together, and it takes the draft that shows the fewest changed words in it (the first on a tie).
 * Every draft covers each paragraph whole, so the regions' choices make a whole alignment.
 */
function cheaperByRegion(
  a: Text,
  b: Text,
  drafts: readonly Draft[],
  diffOf: (pair: Pair) => readonly Stretch[],
): Draft {
  const offset = a.paragraphs.length;
  const parent = Int32Array.from({ length: offset + b.paragraphs.length }, (_, i) => i);
  const root = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  const nodes = (pair: Pair): number[] => [
    ...pair.a.map((p) => p.paragraph),
    ...pair.b.map((p) => offset + p.paragraph),
  ];
  for (const draft of drafts) {
    for (const pair of draft.pairs) {
      const [first, ...rest] = nodes(pair);
      for (const node of rest) parent[root(node)] = root(first!);
    }
  }
  const costs = drafts.map((draft) => {
    const cost = new Map<number, number>();
    const add = (node: number, words: number): void => {
      const r = root(node);
      cost.set(r, (cost.get(r) ?? 0) + words);
    };
    for (const pair of draft.pairs) add(nodes(pair)[0]!, changedWords(diffOf(pair)));
    for (const passage of draft.removed) add(passage.paragraph, passageLength(passage));
    for (const passage of draft.added) add(offset + passage.paragraph, passageLength(passage));
    return cost;
  });
  const chosen = (node: number): number => {
    const r = root(node);
    let best = 0;
    costs.forEach((cost, k) => {
      if ((cost.get(r) ?? 0) < (costs[best]!.get(r) ?? 0)) best = k;
    });
    return best;
  };
  const pairs: Pair[] = [];
  const removed: Passage[] = [];
  const added: Passage[] = [];
  drafts.forEach((draft, k) => {
    pairs.push(...draft.pairs.filter((pair) => chosen(nodes(pair)[0]!) === k));
    removed.push(...draft.removed.filter((passage) => chosen(passage.paragraph) === k));
    added.push(...draft.added.filter((passage) => chosen(offset + passage.paragraph) === k));
  });
  return { pairs, removed, added };
}

/** Where a passage stands in its version, from 0 (the start) to 1 (the end). */
function placeOf(text: Text, passage: Passage): number {
  const words = text.paragraphs[passage.paragraph]!.length;
  return (passage.paragraph + (words > 0 ? passage.start / words : 0)) / text.paragraphs.length;
}

/** Each paragraph's words, as the word diff compares them, to the paragraph; -1 when repeated. */
function uniqueParagraphs(text: Text): Map<string, number> {
  const found = new Map<string, number>();
  text.paragraphs.forEach((words, i) => {
    if (words.length === 0) return;
    const key = words.map((word) => word.key).join('\u0000');
    found.set(key, found.has(key) ? -1 : i);
  });
  return found;
}

/** Pair paragraphs: identical ones first, then by likeness, allowing splits and merges. */
function pairParagraphs(a: Text, b: Text): { pairs: Pair[]; freeA: number[]; freeB: number[] } {
  const pairs: Pair[] = [];
  const pairedA = new Set<number>();
  const pairedB = new Set<number>();
  // A paragraph found once, word for word, in each version pairs at once. Repeated paragraphs are
  // left to the scoring below, which pairs equals by nearness.
  const aOnce = uniqueParagraphs(a);
  for (const [key, j] of uniqueParagraphs(b)) {
    const i = aOnce.get(key);
    if (i === undefined || i < 0 || j < 0) continue;
    pairs.push({ a: [wholeParagraph(a, i)], b: [wholeParagraph(b, j)] });
    pairedA.add(i);
    pairedB.add(j);
  }

  const free = (text: Text, paired: Set<number>): number[] =>
    text.paragraphs.flatMap((words, i) => (words.length > 0 && !paired.has(i) ? [i] : []));
  let freeA = free(a, pairedA);
  let freeB = free(b, pairedB);
  const candidates = (text: Text, paragraphs: number[]): Candidate[] =>
    paragraphs.map((i) => {
      const passage = wholeParagraph(text, i);
      return { signature: signatureOf(text, [passage]), place: placeOf(text, passage) };
    });
  const proposals = pairPassages(candidates(a, freeA), candidates(b, freeB), {
    pairAt: PAIR_AT,
    minShared: 1,
    trimAt: TRIM_AT,
    maxPieces: MAX_PIECES,
    pieceShare: PIECE_SHARE,
    // A split or merge happens in place: its pieces are neighbours in their version.
    adjacent: (x, y, side) =>
      (side === 'a' ? freeA : freeB)[y]! === (side === 'a' ? freeA : freeB)[x]! + 1,
  });
  for (const proposal of proposals) {
    const as = proposal.a.map((x) => freeA[x]!);
    const bs = proposal.b.map((y) => freeB[y]!);
    pairs.push({ a: as.map((i) => wholeParagraph(a, i)), b: bs.map((j) => wholeParagraph(b, j)) });
    for (const i of as) pairedA.add(i);
    for (const j of bs) pairedB.add(j);
  }
  freeA = freeA.filter((i) => !pairedA.has(i));
  freeB = freeB.filter((j) => !pairedB.has(j));
  return { pairs, freeA, freeB };
}

interface Sentence {
  readonly passage: Passage;
  /** Its place among its paragraph's sentences. */
  readonly index: number;
}

interface Chunk {
  aParagraph: number;
  bParagraph: number;
  /** Sentence indexes, inclusive, on each side. */
  aFirst: number;
  aLast: number;
  bFirst: number;
  bLast: number;
}

/** A version's unpaired paragraphs, each cut into sentences. */
type Sentences = Map<number, Sentence[]>;

function sentencesByParagraph(text: Text, free: readonly number[]): Sentences {
  return new Map(
    free.map((i) => [
      i,
      sentencesOf(text, wholeParagraph(text, i)).map((passage, index) => ({ passage, index })),
    ]),
  );
}

/**
 * Pair the sentences of the paragraphs left unpaired, for passages that one version rewrote
 * around a sentence it kept, or spread over other paragraphs. Neighbouring sentence pairs between
 * the same two paragraphs join into one passage pair, and each unpaired sentence joins the pair
 * before it in its paragraph, so a paragraph with any pair is covered whole.
 */
function pairSentences(
  a: Text,
  b: Text,
  freeA: readonly number[],
  freeB: readonly number[],
): { pairs: Pair[]; removed: Passage[]; added: Passage[] } {
  const aSentences = sentencesByParagraph(a, freeA);
  const bSentences = sentencesByParagraph(b, freeB);
  const aFlat = [...aSentences.values()].flat();
  const bFlat = [...bSentences.values()].flat();
  const candidates = (text: Text, list: Sentence[]): Candidate[] =>
    list.map((s) => ({
      signature: signatureOf(text, [s.passage]),
      place: placeOf(text, s.passage),
    }));
  const proposals = pairPassages(candidates(a, aFlat), candidates(b, bFlat), {
    pairAt: PAIR_AT,
    minShared: SENTENCE_MIN_SHARED,
    trimAt: TRIM_AT,
  });
  const partners: Partners = { ofA: new Map(), ofB: new Map() };
  for (const p of proposals) {
    partners.ofA.set(aFlat[p.a[0]!]!, bFlat[p.b[0]!]!);
    partners.ofB.set(bFlat[p.b[0]!]!, aFlat[p.a[0]!]!);
  }

  const chunks = joinIntoChunks(aSentences, bSentences, partners);
  const removed = coverParagraphs(chunks, 'a', a, aSentences);
  const added = coverParagraphs(chunks, 'b', b, bSentences);
  const passage = (sentences: Sentences, paragraph: number, first: number, last: number) => {
    const list = sentences.get(paragraph)!;
    return { paragraph, start: list[first]!.passage.start, end: list[last]!.passage.end };
  };
  const pairs = chunks.map((c) => ({
    a: [passage(aSentences, c.aParagraph, c.aFirst, c.aLast)],
    b: [passage(bSentences, c.bParagraph, c.bFirst, c.bLast)],
  }));
  return { pairs, removed, added };
}

interface Partners {
  readonly ofA: Map<Sentence, Sentence>;
  readonly ofB: Map<Sentence, Sentence>;
}

/** Sentence pairs in A's reading order, joined into chunks between the same two paragraphs. */
function joinIntoChunks(aSentences: Sentences, bSentences: Sentences, partners: Partners): Chunk[] {
  const chunks: Chunk[] = [];
  for (const paragraph of aSentences.values()) {
    let chunk: Chunk | undefined;
    for (const sentence of paragraph) {
      const partner = partners.ofA.get(sentence);
      if (!partner) continue;
      if (chunk && canExtend(chunk, sentence, partner, partners, paragraph, bSentences)) {
        chunk.aLast = sentence.index;
        chunk.bLast = partner.index;
        continue;
      }
      chunk = {
        aParagraph: sentence.passage.paragraph,
        bParagraph: partner.passage.paragraph,
        aFirst: sentence.index,
        aLast: sentence.index,
        bFirst: partner.index,
        bLast: partner.index,
      };
      chunks.push(chunk);
    }
  }
  return chunks;
}

/**
 * Whether a sentence pair continues a chunk: same paragraphs on both sides, later on both sides,
 * with nothing but unpaired sentences in between.
 */
function canExtend(
  chunk: Chunk,
  sentence: Sentence,
  partner: Sentence,
  partners: Partners,
  aParagraph: readonly Sentence[],
  bSentences: Sentences,
): boolean {
  if (partner.passage.paragraph !== chunk.bParagraph || partner.index <= chunk.bLast) return false;
  for (let k = chunk.aLast + 1; k < sentence.index; k++) {
    if (partners.ofA.has(aParagraph[k]!)) return false;
  }
  const bParagraph = bSentences.get(chunk.bParagraph)!;
  for (let k = chunk.bLast + 1; k < partner.index; k++) {
    if (partners.ofB.has(bParagraph[k]!)) return false;
  }
  return true;
}

/**
 * Stretch the chunks over one side's paragraphs so that each paragraph with a chunk is covered
 * whole: a chunk reaches to the next chunk in its paragraph (the first from the paragraph's
 * start). Returns that side's paragraphs with no chunk at all.
 */
function coverParagraphs(
  chunks: readonly Chunk[],
  side: 'a' | 'b',
  text: Text,
  sentences: Sentences,
): Passage[] {
  const byParagraph = new Map<number, Chunk[]>();
  for (const chunk of chunks) {
    const paragraph = side === 'a' ? chunk.aParagraph : chunk.bParagraph;
    byParagraph.set(paragraph, [...(byParagraph.get(paragraph) ?? []), chunk]);
  }
  const first = (c: Chunk): number => (side === 'a' ? c.aFirst : c.bFirst);
  const loose: Passage[] = [];
  for (const [paragraph, list] of sentences) {
    const inParagraph = byParagraph.get(paragraph);
    if (!inParagraph) {
      loose.push(wholeParagraph(text, paragraph));
      continue;
    }
    inParagraph.sort((x, y) => first(x) - first(y));
    inParagraph.forEach((chunk, n) => {
      const from = n === 0 ? 0 : first(chunk);
      const to = n + 1 < inParagraph.length ? first(inParagraph[n + 1]!) - 1 : list.length - 1;
      if (side === 'a') [chunk.aFirst, chunk.aLast] = [from, to];
      else [chunk.bFirst, chunk.bLast] = [from, to];
    });
  }
  return loose;
}

/**
 * How much of the story a pair carries, for deciding which pairs stay in place: first the share of
 * A's paragraphs it holds (1 for a whole paragraph, less for a sentence-level piece), then its words.
 */
export interface Weight {
  readonly share: number;
  readonly words: number;
}

function weightOf(a: Text, pair: Pair): Weight {
  let share = 0;
  let words = 0;
  for (const passage of pair.a) {
    share += passageLength(passage) / a.paragraphs[passage.paragraph]!.length;
  }
  for (const passage of [...pair.a, ...pair.b]) words += passageLength(passage);
  return { share, words };
}

const EPSILON = 1e-9;

function heavier(x: Weight, y: Weight): boolean {
  return (
    x.share > y.share + EPSILON || (Math.abs(x.share - y.share) <= EPSILON && x.words > y.words)
  );
}

/**
 * Which pairs moved: in B's order, the pairs left off the heaviest run that keeps A's order. The
 * run keeps as many whole paragraphs as it can, and among those the most words, so a short passage
 * that jumped is the one called moved, not the long text it jumped over; and a sentence that left
 * its paragraph is called moved rather than the paragraph it jumped.
 */
export function movedPairs(pairs: readonly Pair[], weights: readonly Weight[]): boolean[] {
  const n = pairs.length;
  const byB = [...pairs.keys()].sort((x, y) => comparePositions(pairs[x]!.b[0]!, pairs[y]!.b[0]!));
  const byA = [...pairs.keys()].sort((x, y) => comparePositions(pairs[x]!.a[0]!, pairs[y]!.a[0]!));
  const rankInA = new Int32Array(n);
  byA.forEach((pair, rank) => (rankInA[pair] = rank));

  // A Fenwick tree over A's ranks holds, for each prefix, the heaviest run ending there.
  const zero: Weight = { share: 0, words: 0 };
  const tree: Weight[] = new Array<Weight>(n + 1).fill(zero);
  const treeEnd = new Int32Array(n + 1).fill(-1);
  const previous = new Int32Array(n).fill(-1);
  const run: Weight[] = new Array<Weight>(n).fill(zero);
  for (const pair of byB) {
    const rank = rankInA[pair]!;
    let best = zero;
    let bestEnd = -1;
    for (let k = rank; k > 0; k -= k & -k) {
      if (heavier(tree[k]!, best)) {
        best = tree[k]!;
        bestEnd = treeEnd[k]!;
      }
    }
    const own = weights[pair]!;
    run[pair] = { share: best.share + own.share, words: best.words + own.words };
    previous[pair] = bestEnd;
    for (let k = rank + 1; k <= n; k += k & -k) {
      if (heavier(run[pair]!, tree[k]!)) {
        tree[k] = run[pair]!;
        treeEnd[k] = pair;
      }
    }
  }
  let end = -1;
  for (let pair = 0; pair < n; pair++) {
    if (end < 0 || heavier(run[pair]!, run[end]!)) end = pair;
  }
  const moved = new Array<boolean>(n).fill(true);
  for (let pair = end; pair >= 0; pair = previous[pair]!) moved[pair] = false;
  return moved;
}
