/**
 * A cell against its row's reading, word by word. Words align before punctuation: the diff first
 * pairs the words of both passages by their letters alone (so a dash, a bullet or a quote mark
 * standing on its own can never pull the alignment away from the words), and only then looks at
 * what is left between those pairs, punctuation included.
 */

import type { Word } from '../compare/tokenize.js';
import { diffWords, type Stretch } from '../compare/worddiff.js';
import type { CellSpan } from './types.js';

/** The passage's words as one text, without the whitespace after its last word. */
export function joinWords(words: readonly Word[]): string {
  let text = '';
  for (const word of words) text += word.text;
  return text.trimEnd();
}

/** Whether two passages read the same: word for word, as the word diff compares words. */
export function sameWords(a: readonly Word[], b: readonly Word[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.key !== b[i]!.key) return false;
  return true;
}

/** The words of a passage that have letters or digits, keyed by those alone, and where each stands. */
function lettered(words: readonly Word[]): { words: Word[]; at: number[] } {
  const out: Word[] = [];
  const at: number[] = [];
  words.forEach((word, i) => {
    if (word.sig === '') return;
    out.push({ ...word, key: word.sig });
    at.push(i);
  });
  return { words: out, at };
}

/** Append a stretch, joined to the last one when both are kept or both changed. */
function push(out: Stretch[], stretch: Stretch): void {
  if (stretch.aFrom === stretch.aTo && stretch.bFrom === stretch.bTo) return;
  const last = out[out.length - 1];
  if (last && last.kept === stretch.kept) {
    out[out.length - 1] = { ...last, aTo: stretch.aTo, bTo: stretch.bTo };
    return;
  }
  out.push(stretch);
}

/**
 * The stretches of reading `a` against cell `b`, words first: words pair by their letters alone,
 * punctuation left out (so it counts for nothing, not even in the semantic cleanup); then what lies
 * between two pairs is diffed as written, punctuation included.
 */
export function alignWords(a: readonly Word[], b: readonly Word[]): Stretch[] {
  const out: Stretch[] = [];
  const gap = (aFrom: number, aTo: number, bFrom: number, bTo: number): void => {
    if (aFrom === aTo || bFrom === bTo) {
      push(out, { kept: false, aFrom, aTo, bFrom, bTo });
      return;
    }
    for (const s of diffWords(a.slice(aFrom, aTo), b.slice(bFrom, bTo))) {
      push(out, {
        kept: s.kept,
        aFrom: aFrom + s.aFrom,
        aTo: aFrom + s.aTo,
        bFrom: bFrom + s.bFrom,
        bTo: bFrom + s.bTo,
      });
    }
  };
  const aWords = lettered(a);
  const bWords = lettered(b);
  let i = 0;
  let j = 0;
  for (const stretch of diffWords(aWords.words, bWords.words)) {
    if (!stretch.kept) continue;
    for (let k = 0; k < stretch.aTo - stretch.aFrom; k++) {
      const x = aWords.at[stretch.aFrom + k]!;
      const y = bWords.at[stretch.bFrom + k]!;
      gap(i, x, j, y);
      // Paired by letters; a word whose case or punctuation differs is still a change.
      push(out, { kept: a[x]!.key === b[y]!.key, aFrom: x, aTo: x + 1, bFrom: y, bTo: y + 1 });
      i = x + 1;
      j = y + 1;
    }
  }
  gap(i, a.length, j, b.length);
  return out;
}

/** The spans of a cell against its reading: equal and delete give the reading, equal and insert the cell. */
export function cellSpans(reading: readonly Word[], cell: readonly Word[]): CellSpan[] {
  const spans: CellSpan[] = [];
  const add = (op: CellSpan['op'], words: readonly Word[]): void => {
    if (words.length === 0) return;
    let text = '';
    for (const word of words) text += word.text;
    const last = spans[spans.length - 1];
    if (last && last.op === op) spans[spans.length - 1] = { op, text: last.text + text };
    else spans.push({ op, text });
  };
  for (const s of alignWords(reading, cell)) {
    if (s.kept) {
      add('equal', cell.slice(s.bFrom, s.bTo));
      continue;
    }
    add('delete', reading.slice(s.aFrom, s.aTo));
    add('insert', cell.slice(s.bFrom, s.bTo));
  }
  const last = spans[spans.length - 1];
  if (last) spans[spans.length - 1] = { op: last.op, text: last.text.trimEnd() };
  return spans;
}
