/**
 * Passages the central version lacks. Those of different versions that read alike are one
 * passage, one row; each such row stands where most of the versions carrying it put it.
 */

import { PAIR_AT } from '../compare/align.js';
import { bagOf, commonInOrder, dice, sharedWords, type Signature } from '../compare/similarity.js';

/** Past this many word edits, two passages are not alike (the word diff is capped the same way). */
const MAX_EDITS = 1_000;

/**
 * How alike two passages are: the Dice coefficient of the words they keep in order, from 0 to 1.
 * With a `floor`, passages further apart than it allows count as 0 without a full diff.
 */
function likeness(a: Signature, b: Signature, floor = 0): number {
  const maxEdits = Math.min(MAX_EDITS, Math.floor((1 - floor) * (a.length + b.length)));
  const kept = commonInOrder(a, b, floor > 0 ? maxEdits : undefined);
  return kept === undefined ? 0 : dice(kept.kept, a.length, b.length);
}
import type { Word } from '../compare/tokenize.js';
import type { Place } from './pairwise.js';

/** A passage the central version lacks, as one version carries it. */
export interface Extra {
  /** Index of the version, into the input. */
  readonly version: number;
  readonly place: Place;
  /** The row of the central version it follows in its version (-1: none, it comes first). */
  readonly anchor: number;
  /** How many of its version's extras stand between that row and it. */
  readonly after: number;
}

/** Passages of several versions that read alike: one row. */
export interface ExtraRow {
  readonly members: readonly Extra[];
  /** The row of the central version it follows (-1 for the start). */
  readonly anchor: number;
  /** For ordering rows that follow the same anchor. */
  readonly after: number;
  readonly rank: number;
}

interface Cluster {
  readonly members: Extra[];
  readonly signature: readonly number[];
  readonly bag: Int32Array;
}

/**
 * Group the extras into rows. `extras` come most central version first, each version's in its
 * own order; `rankOf` gives a version's place in the centrality order.
 */
export function groupExtras(
  extras: readonly Extra[],
  wordsOf: (extra: Extra) => readonly Word[],
  rankOf: (version: number) => number,
): ExtraRow[] {
  const numbers = new Map<string, number>();
  const signatureOf = (words: readonly Word[]): number[] => {
    const out: number[] = [];
    for (const word of words) {
      if (word.sig === '') continue;
      let n = numbers.get(word.sig);
      if (n === undefined) {
        n = numbers.size;
        numbers.set(word.sig, n);
      }
      out.push(n);
    }
    return out;
  };
  const clusters: Cluster[] = [];
  for (const extra of extras) {
    const signature = signatureOf(wordsOf(extra));
    const bag = bagOf(signature);
    let best: Cluster | undefined;
    let bestScore = 0;
    for (const cluster of clusters) {
      if (cluster.members.some((m) => m.version === extra.version)) continue;
      const bound = dice(sharedWords(bag, cluster.bag), bag.length, cluster.bag.length);
      if (bound < PAIR_AT || bound <= bestScore) continue;
      const score = likeness(signature, cluster.signature, PAIR_AT);
      if (score >= PAIR_AT && score > bestScore) {
        best = cluster;
        bestScore = score;
      }
    }
    if (best) best.members.push(extra);
    else clusters.push({ members: [extra], signature, bag });
  }
  return clusters.map((cluster) => placeRow(cluster.members, rankOf));
}

/**
 * Where a row of extras stands: after the anchor most of its carriers give it, ties going to the
 * anchor of the most central carrier among them.
 */
function placeRow(members: readonly Extra[], rankOf: (version: number) => number): ExtraRow {
  const votes = new Map<number, Extra[]>();
  for (const member of members) {
    const list = votes.get(member.anchor) ?? [];
    list.push(member);
    votes.set(member.anchor, list);
  }
  let chosen: Extra[] = [];
  const lead = (list: readonly Extra[]): number => Math.min(...list.map((m) => rankOf(m.version)));
  for (const list of votes.values()) {
    if (
      chosen.length === 0 ||
      list.length > chosen.length ||
      (list.length === chosen.length && lead(list) < lead(chosen))
    ) {
      chosen = list;
    }
  }
  const leader = chosen.reduce((x, y) => (rankOf(y.version) < rankOf(x.version) ? y : x));
  return {
    members,
    anchor: leader.anchor,
    after: leader.after,
    rank: rankOf(leader.version),
  };
}
