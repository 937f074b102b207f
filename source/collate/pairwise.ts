/**
 * One version aligned to the central one, read off the pairwise compare engine: which words of
 * the central version each of its passages stands for, and how to cut that passage when another
 * version cuts the central one finer.
 */

import { compare } from '../compare/index.js';
import { countWords, type Word } from '../compare/tokenize.js';
import type { CompareOptions, Row } from '../compare/types.js';

/** A run of words in one paragraph. */
export interface Place {
  readonly paragraph: number;
  readonly start: number;
  readonly length: number;
}

/** Reading order: by paragraph, then by word. */
export const comparePlaces = (x: Place, y: Place): number =>
  x.paragraph - y.paragraph || x.start - y.start;

/** Of a paired passage's word diff: `equal` words on both sides, or a change of `a` for `b`. */
interface Step {
  readonly equal: boolean;
  /** Words of the central version. */
  readonly a: number;
  /** Words of the other version. */
  readonly b: number;
}

/** A passage of the version paired with one of the central version. */
export interface Piece {
  readonly central: Place;
  readonly own: Place;
  /** Whether the pair stands out of the central version's order. */
  readonly moved: boolean;
  readonly steps: readonly Step[];
}

export interface PairedVersion {
  readonly pieces: readonly Piece[];
  /** Its passages the central version lacks. */
  readonly extras: readonly Place[];
  /** Where the pairwise rows start and end in the central version, by paragraph. */
  readonly centralCuts: readonly Place[];
}

function stepsOf(row: Row): Step[] {
  const steps: Step[] = [];
  for (const span of row.spans) {
    const words = countWords(span.text);
    if (words === 0) continue;
    const last = steps[steps.length - 1];
    if (span.op === 'equal') {
      steps.push({ equal: true, a: words, b: words });
      continue;
    }
    const a = span.op === 'delete' ? words : 0;
    const b = span.op === 'insert' ? words : 0;
    if (last && !last.equal)
      steps[steps.length - 1] = { equal: false, a: last.a + a, b: last.b + b };
    else steps.push({ equal: false, a, b });
  }
  return steps;
}

/** Align `own` to `central` with the pairwise engine. */
export function pairWithCentral(
  central: { readonly paragraphs: readonly string[] },
  own: { readonly paragraphs: readonly string[] },
  ownWords: readonly (readonly Word[])[],
  options: CompareOptions,
): PairedVersion {
  const pieces: Piece[] = [];
  const extras: Place[] = [];
  const centralCuts: Place[] = [];
  const covered = ownWords.map((words) => new Uint8Array(words.length));
  for (const row of compare(central, own, options).rows) {
    const steps = stepsOf(row);
    let a = 0;
    let b = 0;
    for (const step of steps) {
      a += step.a;
      b += step.b;
    }
    const centralPlace =
      row.a !== null && a > 0 ? { paragraph: row.a, start: row.aStart ?? 0, length: a } : null;
    const ownPlace =
      row.b !== null && b > 0 ? { paragraph: row.b, start: row.bStart ?? 0, length: b } : null;
    if (centralPlace) centralCuts.push(centralPlace);
    if (ownPlace) covered[ownPlace.paragraph]!.fill(1, ownPlace.start, ownPlace.start + b);
    if (centralPlace && ownPlace) {
      pieces.push({ central: centralPlace, own: ownPlace, moved: row.kind === 'moved', steps });
    } else if (ownPlace) {
      extras.push(ownPlace);
    }
  }
  // Every word of the version belongs somewhere: any the pairwise rows left out is a passage of
  // its own (the compare engine covers every word, so this is a safeguard).
  covered.forEach((marks, paragraph) => {
    let start = -1;
    for (let w = 0; w <= marks.length; w++) {
      const free = w < marks.length && marks[w] === 0;
      if (free && start < 0) start = w;
      if (!free && start >= 0) {
        extras.push({ paragraph, start, length: w - start });
        start = -1;
      }
    }
  });
  return { pieces, extras, centralCuts };
}

/**
 * Where a cut at word `k` of a piece's central passage falls in its own passage, counted from the
 * start of each. Inside kept words the cut maps word for word. Inside a change it falls in
 * proportion, moved to the nearest sentence end of the own words; at a change's edge the inserted
 * words go with the words they replace, and words only inserted there go with the passage before.
 */
export function projectCut(piece: Piece, k: number, ownWords: readonly Word[]): number {
  let a = 0;
  let b = 0;
  for (const step of piece.steps) {
    if (step.a > 0 && a >= k) return b;
    if (a < k && k < a + step.a) {
      if (step.equal) return b + (k - a);
      return snapToSentence(
        piece,
        ownWords,
        b,
        b + step.b,
        b + Math.round((step.b * (k - a)) / step.a),
      );
    }
    a += step.a;
    b += step.b;
  }
  return b;
}

/**
 * The position in `from..to` closest to `target` that starts a sentence (or an end of the range),
 * the earlier of two as close. It looks outward from the target, so a cut costs the distance to
 * the nearest sentence, not the length of the change.
 */
function snapToSentence(
  piece: Piece,
  ownWords: readonly Word[],
  from: number,
  to: number,
  target: number,
): number {
  const starts = (q: number): boolean =>
    q >= from &&
    q <= to &&
    (q === from || q === to || ownWords[piece.own.start + q - 1]!.endsSentence);
  for (let d = 0; ; d++) {
    if (starts(target - d)) return target - d;
    if (starts(target + d)) return target + d;
  }
}
