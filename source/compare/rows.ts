/** From aligned passages to the rows a reader sees, in B's order. */

import type { Alignment, Match } from './align.js';
import { comparePositions, wordsOf, type Passage, type Text } from './passage.js';
import type { Word } from './tokenize.js';
import type { Row, RowKind, Span } from './types.js';
import { isRewrite, type Stretch } from './worddiff.js';

/** Where each word of a joined list of passages comes from. */
interface Origin {
  readonly paragraph: number;
  readonly word: number;
  /** Which of the match's passages on this side holds it. */
  readonly piece: number;
}

interface Side {
  readonly words: readonly Word[];
  readonly origins: readonly Origin[];
}

function join(text: Text, passages: readonly Passage[]): Side {
  const words: Word[] = [];
  const origins: Origin[] = [];
  passages.forEach((passage, piece) => {
    words.push(...wordsOf(text, passage));
    for (let w = passage.start; w < passage.end; w++) {
      origins.push({ paragraph: passage.paragraph, word: w, piece });
    }
  });
  return { words, origins };
}

/** A row with where it stands in each version, for ordering. */
interface Placed {
  readonly row: Row;
  readonly inOrder: boolean;
}

export function buildRows(a: Text, b: Text, alignment: Alignment): Row[] {
  const placed: Placed[] = [];
  for (const match of alignment.matches) placed.push(...matchRows(a, b, match));
  for (const passage of alignment.removed) {
    placed.push({ row: wholeRow(a, passage, 'removed'), inOrder: false });
  }
  for (const passage of alignment.added) {
    placed.push({ row: wholeRow(b, passage, 'added'), inOrder: false });
  }
  return orderRows(placed);
}

function wholeRow(text: Text, passage: Passage, kind: 'added' | 'removed'): Row {
  const span: Span = {
    op: kind === 'added' ? 'insert' : 'delete',
    text: joinText(wordsOf(text, passage)),
  };
  return kind === 'added'
    ? { kind, a: null, b: passage.paragraph, bStart: passage.start, spans: [span] }
    : { kind, a: passage.paragraph, b: null, aStart: passage.start, spans: [span] };
}

function joinText(words: readonly Word[]): string {
  let text = '';
  for (const word of words) text += word.text;
  return text;
}

/** The rows of one pair: one, or one per piece when a paragraph was split or merged. */
function matchRows(a: Text, b: Text, match: Match): Placed[] {
  const aSide = join(a, match.a);
  const bSide = join(b, match.b);
  const stretches = match.stretches;
  const pieces =
    match.b.length > 1
      ? cutAt(stretches, 'b', bSide, aSide)
      : match.a.length > 1
        ? cutAt(stretches, 'a', aSide, bSide)
        : [stretches];
  return pieces
    .filter((piece) => piece.length > 0)
    .map((piece) => ({
      row: pieceRow(piece, aSide, bSide, match.moved),
      inOrder: !match.moved,
    }));
}

function pieceRow(piece: readonly Stretch[], aSide: Side, bSide: Side, moved: boolean): Row {
  const spans: Span[] = [];
  let firstA: Origin | undefined;
  let firstB: Origin | undefined;
  const rewritten = isRewrite(piece);
  for (const stretch of piece) {
    const aWords = aSide.words.slice(stretch.aFrom, stretch.aTo);
    const bWords = bSide.words.slice(stretch.bFrom, stretch.bTo);
    firstA ??= aSide.origins[stretch.aFrom < stretch.aTo ? stretch.aFrom : -1];
    firstB ??= bSide.origins[stretch.bFrom < stretch.bTo ? stretch.bFrom : -1];
    if (rewritten) continue;
    if (stretch.kept) {
      addSpan(spans, 'equal', joinText(bWords), joinText(aWords));
      continue;
    }
    if (aWords.length > 0) addSpan(spans, 'delete', joinText(aWords));
    if (bWords.length > 0) addSpan(spans, 'insert', joinText(bWords));
  }
  if (rewritten) {
    // A rewrite beyond recognition: all of A's words, then all of B's.
    const side = (words: readonly Word[], from: 'aFrom' | 'bFrom', to: 'aTo' | 'bTo'): string =>
      piece.map((s) => joinText(words.slice(s[from], s[to]))).join('');
    spans.push({ op: 'delete', text: side(aSide.words, 'aFrom', 'aTo') });
    spans.push({ op: 'insert', text: side(bSide.words, 'bFrom', 'bTo') });
  }
  const changed = spans.some((span) => span.op !== 'equal');
  const kind: RowKind = !firstA
    ? 'added'
    : !firstB
      ? 'removed'
      : rewritten
        ? 'rewritten'
        : moved
          ? 'moved'
          : changed
            ? 'changed'
            : 'same';
  return {
    kind,
    a: firstA?.paragraph ?? null,
    b: firstB?.paragraph ?? null,
    ...(firstA ? { aStart: firstA.word } : {}),
    ...(firstB ? { bStart: firstB.word } : {}),
    spans,
  };
}

/** Append a span, joined to the last one when they share an op; `aText` only when it differs. */
function addSpan(spans: Span[], op: Span['op'], text: string, aText = text): void {
  const last = spans[spans.length - 1];
  if (last && last.op === op) {
    text = last.text + text;
    aText = (last.aText ?? last.text) + aText;
    spans.pop();
  }
  spans.push(op === 'equal' && aText !== text ? { op, text, aText } : { op, text });
}

/** Stretches with their sides swapped, so one cutter serves splits and merges. */
interface Cuttable {
  readonly kept: boolean;
  /** The side being cut into pieces. */
  readonly from: number;
  readonly to: number;
  /** The other side. */
  readonly otherFrom: number;
  readonly otherTo: number;
}

/**
 * Cut a pair's stretches into pieces, one per passage on the `side` that has several (B's pieces
 * when B split a paragraph, A's when B merged several). Kept words and the cut side's changed
 * words go with their passage; the other side's changed words at a seam go with the passage whose
 * sentence they finish or start.
 */
function cutAt(
  stretches: readonly Stretch[],
  side: 'a' | 'b',
  cut: Side,
  other: Side,
): Stretch[][] {
  const swap = (s: Stretch): Cuttable =>
    side === 'b'
      ? { kept: s.kept, from: s.bFrom, to: s.bTo, otherFrom: s.aFrom, otherTo: s.aTo }
      : { kept: s.kept, from: s.aFrom, to: s.aTo, otherFrom: s.bFrom, otherTo: s.bTo };
  const back = (c: Cuttable): Stretch =>
    side === 'b'
      ? { kept: c.kept, bFrom: c.from, bTo: c.to, aFrom: c.otherFrom, aTo: c.otherTo }
      : { kept: c.kept, aFrom: c.from, aTo: c.to, bFrom: c.otherFrom, bTo: c.otherTo };
  const pieceCount = (cut.origins[cut.origins.length - 1]?.piece ?? 0) + 1;
  const pieceOf = (index: number): number => cut.origins[index]!.piece;
  const pieces: Stretch[][] = Array.from({ length: pieceCount }, () => []);
  const total = cut.words.length;

  for (const stretch of stretches.map(swap)) {
    // The cut side's words go with their own passage, a run at a time.
    const runs: Array<{ piece: number; from: number; to: number }> = [];
    for (let k = stretch.from; k < stretch.to; k++) {
      const piece = pieceOf(k);
      const last = runs[runs.length - 1];
      if (last && last.piece === piece) last.to = k + 1;
      else runs.push({ piece, from: k, to: k + 1 });
    }
    if (stretch.kept) {
      for (const run of runs) {
        const offset = run.from - stretch.from;
        pieces[run.piece]!.push(
          back({
            kept: true,
            from: run.from,
            to: run.to,
            otherFrom: stretch.otherFrom + offset,
            otherTo: stretch.otherFrom + offset + (run.to - run.from),
          }),
        );
      }
      continue;
    }
    // A change: which passages does it touch? Those of its own words, and at a seam the ones on
    // either side of it.
    const first = stretch.from > 0 ? pieceOf(stretch.from - 1) : 0;
    const last = stretch.to < total ? pieceOf(stretch.to) : pieceCount - 1;
    const lo = Math.min(first, runs[0]?.piece ?? first);
    const hi = Math.max(last, runs[runs.length - 1]?.piece ?? last);
    const seams = seamsFor(stretch, runs, lo, hi, other.words);
    for (let piece = lo; piece <= hi; piece++) {
      const run = runs.find((r) => r.piece === piece);
      const otherFrom = seams[piece - lo]!;
      const otherTo = seams[piece - lo + 1]!;
      const from = run?.from ?? (piece === lo ? stretch.from : stretch.to);
      const to = run?.to ?? from;
      if (from === to && otherFrom === otherTo) continue;
      pieces[piece]!.push(back({ kept: false, from, to, otherFrom, otherTo }));
    }
  }
  return pieces;
}

/**
 * Where a change's words on the other side are cut between the passages `lo..hi` it touches:
 * `hi - lo + 2` positions from `otherFrom` to `otherTo`. Each seam goes near where the cut side's
 * own words change passage, moved to the nearest sentence end if there is one.
 */
function seamsFor(
  stretch: Cuttable,
  runs: ReadonlyArray<{ piece: number; from: number; to: number }>,
  lo: number,
  hi: number,
  otherWords: readonly Word[],
): number[] {
  const seams = [stretch.otherFrom];
  const length = stretch.otherTo - stretch.otherFrom;
  const ownLength = stretch.to - stretch.from;
  const sentenceEnds: number[] = [];
  for (let k = stretch.otherFrom; k <= stretch.otherTo; k++) {
    if (k === 0 || otherWords[k - 1]!.endsSentence) sentenceEnds.push(k);
  }
  for (let piece = lo + 1; piece <= hi; piece++) {
    const start = runs.find((r) => r.piece === piece)?.from;
    let target: number | undefined;
    if (ownLength > 0 && start !== undefined) {
      target = stretch.otherFrom + Math.round((length * (start - stretch.from)) / ownLength);
    }
    const previous = seams[seams.length - 1]!;
    const options = sentenceEnds.filter((k) => k >= previous);
    let seam: number;
    if (options.length > 0) {
      seam =
        target === undefined
          ? options[options.length - 1]!
          : options.reduce((best, k) =>
              Math.abs(k - target) < Math.abs(best - target) ? k : best,
            );
    } else {
      seam = target ?? stretch.otherTo;
    }
    seams.push(Math.max(previous, Math.min(seam, stretch.otherTo)));
  }
  seams.push(stretch.otherTo);
  return seams;
}

/**
 * Rows in B's order. A removed passage stands after the nearest passage before it in A that kept
 * its place, so it reads where it stood among its neighbours; one with nothing before it opens the
 * comparison.
 */
function orderRows(placed: readonly Placed[]): Row[] {
  const inB = placed.filter((p) => p.row.b !== null);
  inB.sort((x, y) => comparePositions(bPosition(x.row), bPosition(y.row)));
  const anchors = inB.filter((p) => p.inOrder && p.row.a !== null);
  const after = new Map<Placed | null, Placed[]>();
  for (const p of placed) {
    if (p.row.b !== null) continue;
    const at = aPosition(p.row);
    let anchor: Placed | null = null;
    // Anchors are in A's order too, since they kept their place; find the last one before `at`.
    let lo = 0;
    let hi = anchors.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (comparePositions(aPosition(anchors[mid]!.row), at) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) anchor = anchors[lo - 1]!;
    const list = after.get(anchor) ?? [];
    list.push(p);
    after.set(anchor, list);
  }
  for (const list of after.values()) {
    list.sort((x, y) => comparePositions(aPosition(x.row), aPosition(y.row)));
  }
  const rows: Row[] = (after.get(null) ?? []).map((p) => p.row);
  for (const p of inB) {
    rows.push(p.row);
    for (const removed of after.get(p) ?? []) rows.push(removed.row);
  }
  return rows;
}

function aPosition(row: Row): Passage {
  return { paragraph: row.a ?? -1, start: row.aStart ?? 0, end: 0 };
}

function bPosition(row: Row): Passage {
  return { paragraph: row.b ?? -1, start: row.bStart ?? 0, end: 0 };
}
