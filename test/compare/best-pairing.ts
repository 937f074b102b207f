/**
 * The reference for the quality bar: the changed words of a best pairing of passages, moves free.
 * Written apart from the engine on purpose (plain dynamic programming, its own sentence splitter)
 * so that it checks the engine rather than repeats it.
 *
 * The issue defines it: the fewest changed words when each passage may pair with its best
 * counterpart anywhere (moves are free). Changed words are the words outside each pair's longest
 * common word subsequence, plus every word of the unpaired passages. The pairing is an optimal
 * one-to-one assignment (the Hungarian method, keeping the most words), not a greedy one, so the
 * engine cannot beat it by luck. "Counterpart" needs a floor, or every pair of sentences that
 * share a "the" would count as one passage rewritten: a pair counts when at least half of its
 * words are common to both, in order (Dice), or when it is a trim: at least half of the shorter
 * one's words, and at least three, are the longer one's, in order.
 */
import { foldTypography } from '../../source/text/fold.js';

type Passage = readonly string[];

const COUNTERPART = 0.5;
const TRIM = 0.5;
const TRIM_MIN_WORDS = 3;

function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter(Boolean).map(foldTypography);
}

function sentencesOf(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?…]['"’”»)\]]*)\s+(?=['"‘“«([]*[\p{Lu}\p{N}])/u);
}

/** Longest common subsequence of two word lists, by the textbook table. */
export function lcs(a: Passage, b: Passage): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      current[j] =
        a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    }
    previous = current;
  }
  return previous[b.length]!;
}

interface Pairing {
  /** Changed words inside the pairs. */
  readonly changed: number;
  readonly unpairedA: Passage[];
  readonly unpairedB: Passage[];
}

/**
 * A one-to-one assignment of rows to columns that maximizes the total weight (the Hungarian
 * method, O(n³)). Returns each row's column, or -1.
 */
export function maxAssignment(weight: readonly (readonly number[])[], columns: number): number[] {
  const rows = weight.length;
  const n = Math.max(rows, columns);
  // Minimize cost = max - weight over a square matrix padded with zero-weight cells.
  let max = 0;
  for (const row of weight) for (const w of row) max = Math.max(max, w);
  const cost = (i: number, j: number): number =>
    max - (i < rows && j < columns ? (weight[i]![j] ?? 0) : 0);
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const assigned = new Array<number>(rows).fill(-1);
  for (let j = 1; j <= n; j++) {
    const i = p[j]! - 1;
    if (i >= 0 && i < rows && j - 1 < columns) assigned[i] = j - 1;
  }
  return assigned;
}

/** Whether two passages keeping `kept` words in order are counterparts. */
function counterparts(kept: number, a: number, b: number): boolean {
  const shorter = Math.min(a, b);
  return (2 * kept) / (a + b) >= COUNTERPART || (kept >= TRIM * shorter && kept >= TRIM_MIN_WORDS);
}

/** Pair passages one to one, counterparts only, keeping the most words in order. */
function pairBest(as: readonly Passage[], bs: readonly Passage[]): Pairing {
  const kept = as.map((a) =>
    bs.map((b) => {
      if (a.length === 0 || b.length === 0) return 0;
      const k = lcs(a, b);
      return counterparts(k, a.length, b.length) ? k : 0;
    }),
  );
  const assigned = maxAssignment(kept, bs.length);
  const usedB = new Set<number>();
  const pairedA = new Set<number>();
  let changed = 0;
  assigned.forEach((j, i) => {
    if (j < 0 || kept[i]![j]! === 0) return;
    pairedA.add(i);
    usedB.add(j);
    changed += as[i]!.length + bs[j]!.length - 2 * kept[i]![j]!;
  });
  return {
    changed,
    unpairedA: as.filter((_, i) => !pairedA.has(i)),
    unpairedB: bs.filter((_, j) => !usedB.has(j)),
  };
}

const size = (passages: readonly Passage[]): number => passages.reduce((n, p) => n + p.length, 0);

/**
 * Changed words of a best pairing of two versions' passages: the fewer of pairing paragraphs (and
 * then the sentences of the paragraphs left over), or pairing sentences throughout.
 */
export function bestPairingChanges(
  a: { paragraphs: readonly string[] },
  b: { paragraphs: readonly string[] },
): number {
  const paragraphs = pairBest(a.paragraphs.map(wordsOf), b.paragraphs.map(wordsOf));
  const leftA = paragraphs.unpairedA.flatMap((p) => sentencesOf(p.join(' ')).map(wordsOf));
  const leftB = paragraphs.unpairedB.flatMap((p) => sentencesOf(p.join(' ')).map(wordsOf));
  const rest = pairBest(leftA, leftB);
  const byParagraph =
    paragraphs.changed + rest.changed + size(rest.unpairedA) + size(rest.unpairedB);

  const sentences = (paragraphs: readonly string[]) =>
    paragraphs.flatMap((p) => sentencesOf(p).map(wordsOf));
  const bySentence = pairBest(sentences(a.paragraphs), sentences(b.paragraphs));
  const sentenceTotal =
    bySentence.changed + size(bySentence.unpairedA) + size(bySentence.unpairedB);
  return Math.min(byParagraph, sentenceTotal);
}
