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

/** Words keyed by their letters alone; a word of punctuation alone matches nothing. */
function byLetters(words: readonly Word[], side: string): Word[] {
  return words.map((word, i) => ({
    ...word,
    key: word.sig === '' ? `\u0000${side}${i}` : `\u0001${word.sig}`,
  }));
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

/** The stretches of reading `a` against cell `b`, words first. */
export function alignWords(a: readonly Word[], b: readonly Word[]): Stretch[] {
  const out: Stretch[] = [];
  for (const stretch of diffWords(byLetters(a, 'a'), byLetters(b, 'b'))) {
    if (stretch.kept) {
      // Paired by letters; a word whose case or punctuation differs is still a change.
      for (let k = 0; k < stretch.aTo - stretch.aFrom; k++) {
        const i = stretch.aFrom + k;
        const j = stretch.bFrom + k;
        push(out, { kept: a[i]!.key === b[j]!.key, aFrom: i, aTo: i + 1, bFrom: j, bTo: j + 1 });
      }
      continue;
    }
    // Between the word pairs: what else is kept, punctuation now included.
    const inner = diffWords(
      a.slice(stretch.aFrom, stretch.aTo),
      b.slice(stretch.bFrom, stretch.bTo),
    );
    for (const s of inner) {
      push(out, {
        kept: s.kept,
        aFrom: stretch.aFrom + s.aFrom,
        aTo: stretch.aFrom + s.aTo,
        bFrom: stretch.bFrom + s.bFrom,
        bTo: stretch.bFrom + s.bTo,
      });
    }
  }
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
