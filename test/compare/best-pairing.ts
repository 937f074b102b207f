/**
 * The reference for the quality bar: the changed words of a best pairing of passages, moves free.
 * Written apart from the engine on purpose (plain dynamic programming, its own sentence splitter)
 * so that it checks the engine rather than repeats it.
 *
 * The issue defines it: pair each paragraph (or sentence) with its most similar counterpart
 * anywhere, then count the words outside each pair's longest common word subsequence, plus every
 * word of the unpaired passages. "Counterpart" needs a floor, or every pair of sentences that share
 * a "the" would count as one passage rewritten: a pair counts when at least half of its words are
 * common to both, in order.
 */
import { foldTypography } from '../../source/text/fold.js';

type Passage = readonly string[];

const COUNTERPART = 0.5;

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

/** Pair each passage with its most similar counterpart, most similar pairs first, each once. */
function pairBest(as: readonly Passage[], bs: readonly Passage[]): Pairing {
  const candidates: Array<{ i: number; j: number; similarity: number; kept: number }> = [];
  as.forEach((a, i) =>
    bs.forEach((b, j) => {
      if (a.length === 0 || b.length === 0) return;
      const kept = lcs(a, b);
      const similarity = (2 * kept) / (a.length + b.length);
      if (similarity >= COUNTERPART) candidates.push({ i, j, similarity, kept });
    }),
  );
  candidates.sort((x, y) => y.similarity - x.similarity);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let changed = 0;
  for (const c of candidates) {
    if (usedA.has(c.i) || usedB.has(c.j)) continue;
    usedA.add(c.i);
    usedB.add(c.j);
    changed += as[c.i]!.length + bs[c.j]!.length - 2 * c.kept;
  }
  return {
    changed,
    unpairedA: as.filter((_, i) => !usedA.has(i)),
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
