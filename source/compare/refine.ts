/**
 * Changes inside words, for display: when a changed word differs from its counterpart only by
 * punctuation or case, or by an edit or two in a long word, a reader wants the characters that
 * changed marked (`member[-,-]`, `T[-u-]{+ü+}rkiye`), not the whole word struck and written again.
 *
 * The engine's rows keep whole-word spans, so that counts (and `diff --json`) do not change; a
 * renderer calls `refineSpans(row.spans)` for the spans it prints.
 */

import { diffArrays } from 'diff';
import { graphemes } from '../text/graphemes.js';
import type { Span } from './types.js';

/** Two words this many edits apart, or fewer, are one word edited... */
const MAX_EDITS = 2;
/** ...when the edits are under this share of the longer word. */
const MAX_EDIT_SHARE = 1 / 3;

/** A word as a reader sees its characters: grapheme clusters, so é or an emoji is never split. */
function charactersOf(word: string): string[] {
  return graphemes(word);
}

const PUNCTUATION = /[\p{P}\p{S}]/gu;

/** Levenshtein distance over characters, giving up (returning `limit + 1`) past `limit`. */
function editDistance(a: readonly string[], b: readonly string[], limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      best = Math.min(best, current[j]!);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Whether two words are one word edited: they differ only by punctuation or case, or by at most
 * two character edits that are under a third of the longer word.
 */
export function isWordEdit(from: string, to: string): boolean {
  if (from === to || from === '' || to === '') return false;
  const letters = (word: string): string => word.replace(PUNCTUATION, '').toLowerCase();
  if (letters(from) !== '' && letters(from) === letters(to)) return true;
  const a = charactersOf(from);
  const b = charactersOf(to);
  const distance = editDistance(a, b, MAX_EDITS);
  return distance <= MAX_EDITS && distance < MAX_EDIT_SHARE * Math.max(a.length, b.length);
}

/**
 * The characters that changed between two words, as spans (`equal`, `delete`, `insert`), or
 * undefined when the words are not one word edited (see `isWordEdit`).
 */
export function wordEdits(from: string, to: string): Span[] | undefined {
  if (!isWordEdit(from, to)) return undefined;
  const spans: Span[] = [];
  for (const change of diffArrays(charactersOf(from), charactersOf(to))) {
    const op = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    append(spans, { op, text: change.value.join('') });
  }
  return spans;
}

/**
 * Append a span, joined to the last one when they share an op. `aText` (A's text of an equal
 * span) is kept only where it differs from `text`.
 */
function append(spans: Span[], span: Span): void {
  const last = spans[spans.length - 1];
  const joined = last?.op === span.op;
  const text = (joined ? last.text : '') + span.text;
  const aText = (joined ? (last.aText ?? last.text) : '') + (span.aText ?? span.text);
  if (joined) spans.pop();
  spans.push(
    span.op === 'equal' && aText !== text ? { op: span.op, text, aText } : { op: span.op, text },
  );
}

const WORD = /^(\s*)(\S+)(\s*)$/;

/** A span's text cut into words, each with the whitespace around it. */
function wordsOf(text: string): Array<{ lead: string; word: string; tail: string }> {
  return (text.match(/\s*\S+\s*/g) ?? []).map((piece) => {
    const [, lead, word, tail] = WORD.exec(piece)!;
    return { lead: lead!, word: word!, tail: tail! };
  });
}

/**
 * A row's spans with the changes inside words refined, for display: wherever deleted words are
 * followed by as many inserted words, each pair that is one word edited shows only the characters
 * that changed (`member[-,-]`); the other pairs stay whole. The spans still read as A's text (equal
 * and deleted) and B's (equal and inserted); `aText` holds A's whitespace where it differs.
 */
export function refineSpans(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k]!;
    const next = spans[k + 1];
    if (span.op !== 'delete' || next?.op !== 'insert') {
      append(out, span);
      continue;
    }
    const deleted = wordsOf(span.text);
    const inserted = wordsOf(next.text);
    const edits =
      deleted.length === inserted.length
        ? deleted.map((d, i) => wordEdits(d.word, inserted[i]!.word))
        : [];
    k++;
    if (!edits.some(Boolean)) {
      append(out, span);
      append(out, next);
      continue;
    }
    deleted.forEach((d, i) => {
      const n = inserted[i]!;
      const lead: Span = { op: 'equal', text: n.lead, aText: d.lead };
      const tail: Span = { op: 'equal', text: n.tail, aText: d.tail };
      const inside = edits[i];
      if (inside) {
        for (const piece of [lead, ...inside, tail])
          if (piece.text || piece.aText) append(out, piece);
        return;
      }
      append(out, { op: 'delete', text: d.lead + d.word + d.tail });
      append(out, { op: 'insert', text: n.lead + n.word + n.tail });
    });
  }
  return out;
}
