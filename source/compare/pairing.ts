/**
 * Pairing passages by content, wherever they stand: every candidate pair is scored by how alike
 * its passages read, and the most alike pairs are taken first, each passage at most once.
 */

import { bagOf, commonInOrder, dice, sharedWords, type Signature } from './similarity.js';
import { MAX_EDITS } from './worddiff.js';
import { sharedSorted } from '../text/sorted.js';

/** A passage that can be paired: its words, and where it stands in its version, from 0 to 1. */
export interface Candidate {
  readonly signature: Signature;
  readonly place: number;
}

/** A proposed pair: one or more of A's passages with one or more of B's. */
export interface Proposal {
  /** Indexes into the A candidates. */
  readonly a: readonly number[];
  /** Indexes into the B candidates. */
  readonly b: readonly number[];
}

export interface PairingRules {
  /** The likeness at which two passages count as one passage, edited. */
  readonly pairAt: number;
  /** Fewest words that a pair must keep in order. */
  readonly minShared: number;
  /**
   * When set, a trim also pairs: the shorter passage keeps at least this share of its words in
   * the longer one, in order, however much the longer one lost (and at least `TRIM_MIN_SHARED`).
   */
  readonly trimAt?: number;
  /**
   * When set, also propose that a run of up to this many consecutive passages on one side is one
   * passage on the other, split or merged.
   */
  readonly maxPieces?: number;
  /** Share of a piece's words that must appear in the whole for it to count as a piece of it. */
  readonly pieceShare?: number;
  /** Whether two neighbouring candidates on one side can form a run (same story flow). */
  readonly adjacent?: (first: number, second: number, side: 'a' | 'b') => boolean;
}

/** A trim pairs only when it keeps at least this many words. */
export const TRIM_MIN_SHARED = 3;

interface Scored extends Proposal {
  readonly score: number;
  /** How far apart the pair stands, relative to the versions' lengths: ties go to the nearer. */
  readonly distance: number;
}

/** A passage's pairs of neighbouring words, each as one number, sorted. */
function pairBagOf(signature: Signature): Float64Array {
  const pairs = new Float64Array(Math.max(0, signature.length - 1));
  for (let k = 1; k < signature.length; k++) {
    pairs[k - 1] = signature[k - 1]! * 0x100000000 + signature[k]!;
  }
  return pairs.sort();
}

function concat(signatures: readonly Signature[]): Signature {
  return signatures.length === 1 ? signatures[0]! : signatures.flat();
}

/**
 * Pair passages one to one (or a run to one, when runs are allowed).
 * Returns the pairs taken, best first; passages left out are unpaired.
 */
export function pairPassages(
  as: readonly Candidate[],
  bs: readonly Candidate[],
  rules: PairingRules,
): Proposal[] {
  const aBags = as.map((c) => bagOf(c.signature));
  const bBags = bs.map((c) => bagOf(c.signature));
  const proposals: Scored[] = [];
  /** Propose a pair when it keeps at least `needed` words in order (and `inRuns` in runs). */
  const propose = (
    a: readonly number[],
    b: readonly number[],
    sharedBound: number,
    needed: (total: number, shorter: number) => number,
    inRuns = 0,
  ): void => {
    const aSig = concat(a.map((i) => as[i]!.signature));
    const bSig = concat(b.map((j) => bs[j]!.signature));
    const total = aSig.length + bSig.length;
    const least = needed(total, Math.min(aSig.length, bSig.length));
    if (sharedBound < least) return;
    // Capped, as the word diff is: jsdiff's time grows with the square of the edits it tries.
    const maxEdits = Math.min(MAX_EDITS, Math.floor(total - 2 * least));
    const common = commonInOrder(aSig, bSig, maxEdits);
    if (!common || common.kept < least || common.inRuns < inRuns) return;
    const score = dice(common.kept, aSig.length, bSig.length);
    const distance = Math.abs(as[a[0]!]!.place - bs[b[0]!]!.place);
    proposals.push({ a, b, score, distance });
  };
  const alike = (total: number): number => Math.max(rules.minShared, (rules.pairAt * total) / 2);

  const pieceShare = rules.pieceShare ?? 1;
  // Pieces of each passage on the other side: passages mostly made of its words.
  const piecesOfA: number[][] = as.map(() => []);
  const piecesOfB: number[][] = bs.map(() => []);
  for (let i = 0; i < as.length; i++) {
    const aBag = aBags[i]!;
    if (aBag.length === 0) continue;
    for (let j = 0; j < bs.length; j++) {
      const bBag = bBags[j]!;
      if (bBag.length === 0) continue;
      const shared = sharedWords(aBag, bBag);
      if (shared === 0) continue;
      propose([i], [j], shared, alike);
      if (rules.maxPieces !== undefined) {
        if (shared >= pieceShare * bBag.length) piecesOfA[i]!.push(j);
        if (shared >= pieceShare * aBag.length) piecesOfB[j]!.push(i);
      }
    }
  }
  if (rules.maxPieces !== undefined) {
    proposeRuns(piecesOfA, rules, 'b', (whole, run) =>
      propose([whole], run, sharedOf(aBags[whole]!, run, bBags), alike),
    );
    proposeRuns(piecesOfB, rules, 'a', (whole, run) =>
      propose(run, [whole], sharedOf(bBags[whole]!, run, aBags), alike),
    );
  }
  const taken = takeBest(proposals, as.length, bs.length);
  if (rules.trimAt === undefined) return taken.pairs;

  // Then trims, among the passages left: every trim is less alike than any pair taken above, so
  // it would come after them anyway. A trim keeps phrases, not scattered words: the "the", "of"
  // and "to be" that two different sentences share are no trim.
  const trimAt = rules.trimAt;
  const trim = (_total: number, shorter: number): number =>
    Math.max(rules.minShared, TRIM_MIN_SHARED, trimAt * shorter);
  proposals.length = 0;
  const aLeft = as.flatMap((_, i) => (taken.a[i] ? [] : [i]));
  const bLeft = bs.flatMap((_, j) => (taken.b[j] ? [] : [j]));
  const aPairs = new Map(aLeft.map((i) => [i, pairBagOf(as[i]!.signature)]));
  const bPairs = new Map(bLeft.map((j) => [j, pairBagOf(bs[j]!.signature)]));
  for (const i of aLeft) {
    for (const j of bLeft) {
      const aBag = aBags[i]!;
      const bBag = bBags[j]!;
      const least = trim(0, Math.min(aBag.length, bBag.length));
      // Each run of r words kept holds r - 1 >= r / 2 word pairs.
      if (2 * sharedSorted(aPairs.get(i)!, bPairs.get(j)!) < least) continue;
      propose([i], [j], sharedWords(aBag, bBag), trim, least);
    }
  }
  const trims = takeBest(proposals, as.length, bs.length, taken);
  return [...taken.pairs, ...trims.pairs];
}

interface Taken {
  readonly pairs: Proposal[];
  readonly a: Uint8Array;
  readonly b: Uint8Array;
}

/** Take proposals best first, each passage at most once. */
function takeBest(proposals: Scored[], aCount: number, bCount: number, before?: Taken): Taken {
  proposals.sort(
    (x, y) =>
      y.score - x.score ||
      x.a.length + x.b.length - (y.a.length + y.b.length) ||
      x.distance - y.distance ||
      x.a[0]! - y.a[0]! ||
      x.b[0]! - y.b[0]!,
  );
  const takenA = before?.a ?? new Uint8Array(aCount);
  const takenB = before?.b ?? new Uint8Array(bCount);
  const pairs: Proposal[] = [];
  for (const proposal of proposals) {
    if (proposal.a.some((i) => takenA[i]) || proposal.b.some((j) => takenB[j])) continue;
    for (const i of proposal.a) takenA[i] = 1;
    for (const j of proposal.b) takenB[j] = 1;
    pairs.push({ a: proposal.a, b: proposal.b });
  }
  return { pairs, a: takenA, b: takenB };
}

/** Runs of consecutive pieces of one passage, two to `maxPieces` long. */
function proposeRuns(
  piecesOf: readonly number[][],
  rules: PairingRules,
  side: 'a' | 'b',
  propose: (whole: number, run: number[]) => void,
): void {
  const max = rules.maxPieces ?? 1;
  const adjacent = rules.adjacent ?? ((x: number, y: number) => y === x + 1);
  piecesOf.forEach((pieces, whole) => {
    for (let s = 0; s < pieces.length; s++) {
      const run = [pieces[s]!];
      for (let t = s + 1; t < pieces.length && run.length < max; t++) {
        if (!adjacent(run[run.length - 1]!, pieces[t]!, side)) break;
        run.push(pieces[t]!);
        propose(whole, [...run]);
      }
    }
  });
}

/** Words a whole passage shares with a run of pieces: a bound on the words they keep in order. */
function sharedOf(whole: Int32Array, run: readonly number[], bags: readonly Int32Array[]): number {
  const parts = run.map((i) => bags[i]!);
  const union = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    union.set(part, at);
    at += part.length;
  }
  union.sort();
  return sharedWords(whole, union);
}
