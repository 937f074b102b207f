/**
 * Pairing passages by content, wherever they stand: every candidate pair is scored by how alike
 * its passages read, and the most alike pairs are taken first, each passage at most once.
 */

import { bagOf, dice, likeness, sharedWords, type Signature } from './similarity.js';

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
   * When set, also propose that a run of up to this many consecutive passages on one side is one
   * passage on the other, split or merged.
   */
  readonly maxPieces?: number;
  /** Share of a piece's words that must appear in the whole for it to count as a piece of it. */
  readonly pieceShare?: number;
  /** Whether two neighbouring candidates on one side can form a run (same story flow). */
  readonly adjacent?: (first: number, second: number, side: 'a' | 'b') => boolean;
}

interface Scored extends Proposal {
  readonly score: number;
  /** How far apart the pair stands, relative to the versions' lengths: ties go to the nearer. */
  readonly distance: number;
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
  const propose = (a: readonly number[], b: readonly number[], bound: number): void => {
    if (bound < rules.pairAt) return;
    const aSig = concat(a.map((i) => as[i]!.signature));
    const bSig = concat(b.map((j) => bs[j]!.signature));
    const score = likeness(aSig, bSig, rules.pairAt);
    if (score < rules.pairAt || (score * (aSig.length + bSig.length)) / 2 < rules.minShared) return;
    const distance = Math.abs(as[a[0]!]!.place - bs[b[0]!]!.place);
    proposals.push({ a, b, score, distance });
  };

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
      propose([i], [j], dice(shared, aBag.length, bBag.length));
      if (rules.maxPieces !== undefined) {
        if (shared >= pieceShare * bBag.length) piecesOfA[i]!.push(j);
        if (shared >= pieceShare * aBag.length) piecesOfB[j]!.push(i);
      }
    }
  }
  if (rules.maxPieces !== undefined) {
    proposeRuns(piecesOfA, rules, 'b', (whole, run) =>
      propose([whole], run, boundFor(aBags[whole]!, run, bBags)),
    );
    proposeRuns(piecesOfB, rules, 'a', (whole, run) =>
      propose(run, [whole], boundFor(bBags[whole]!, run, aBags)),
    );
  }

  proposals.sort(
    (x, y) =>
      y.score - x.score ||
      x.a.length + x.b.length - (y.a.length + y.b.length) ||
      x.distance - y.distance ||
      x.a[0]! - y.a[0]! ||
      x.b[0]! - y.b[0]!,
  );
  const takenA = new Uint8Array(as.length);
  const takenB = new Uint8Array(bs.length);
  const taken: Proposal[] = [];
  for (const proposal of proposals) {
    if (proposal.a.some((i) => takenA[i]) || proposal.b.some((j) => takenB[j])) continue;
    for (const i of proposal.a) takenA[i] = 1;
    for (const j of proposal.b) takenB[j] = 1;
    taken.push({ a: proposal.a, b: proposal.b });
  }
  return taken;
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

function boundFor(whole: Int32Array, run: readonly number[], bags: readonly Int32Array[]): number {
  const parts = run.map((i) => bags[i]!);
  const union = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    union.set(part, at);
    at += part.length;
  }
  union.sort();
  return dice(sharedWords(whole, union), whole.length, union.length);
}
