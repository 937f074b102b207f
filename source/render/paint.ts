/**
 * The painters: a comparison's spans and a search hit's matches as segments in their tones. The
 * commands and the reader paint with these, then wrap. Without color (`markers`), the text itself
 * carries the marks: wdiff's [-deleted-] and {+inserted+}, and [[matches]].
 */
import { refineSpans } from '../compare/refine.js';
import type { Row, Span } from '../compare/types.js';
import { seg, type Segment } from './line.js';

export type Ranges = readonly (readonly [number, number])[];

/** Marks a search match when there is no color to show it. */
export const MATCH_MARKS = ['[[', ']]'] as const;

/** A text's [start, end) ranges in the `match` tone, the rest plain; marked when `markers`. */
export function highlight(text: string, ranges: Ranges | undefined, markers = false): Segment[] {
  if (!ranges || ranges.length === 0) return [seg(text)];
  const out: Segment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    const s = Math.max(at, Math.min(start, text.length));
    const e = Math.max(s, Math.min(end, text.length));
    if (s > at) out.push(seg(text.slice(at, s)));
    if (e > s) {
      const match = text.slice(s, e);
      out.push(seg(markers ? MATCH_MARKS[0] + match + MATCH_MARKS[1] : match, 'match'));
    }
    at = e;
  }
  if (at < text.length) out.push(seg(text.slice(at)));
  return out;
}

/** A changed span: its words in the change's tone, in markers if asked; the space after, plain. */
export function changeSegments(span: Span, markers: boolean): Segment[] {
  const tone = span.op === 'insert' ? 'insert' : 'delete';
  const body = span.text.trimEnd();
  const tail = span.text.slice(body.length);
  const [open, close] = span.op === 'insert' ? ['{+', '+}'] : ['[-', '-]'];
  const words = markers ? open + body + close : body;
  return [...(body ? [seg(words, tone)] : []), ...(tail ? [seg(tail)] : [])];
}

export interface SideOptions {
  /** Mark changes in the text: [-so-] and {+so+}. */
  readonly markers: boolean;
  /** A whole added or removed passage: its equal text in this tone too. */
  readonly whole?: 'insert' | 'delete';
}

/**
 * A row's passage as one side has it: A shows equal and deleted text, B equal and inserted. A word
 * edited only a little shows the characters that changed (`member[-,-]`), as `refineSpans` finds.
 */
export function sideSegments(row: Row, side: 'a' | 'b', options: SideOptions): Segment[] {
  const out: Segment[] = [];
  const hidden = side === 'a' ? 'insert' : 'delete';
  for (const span of refineSpans(row.spans)) {
    if (span.op === hidden) continue;
    if (span.op === 'equal') {
      out.push(seg(side === 'a' ? (span.aText ?? span.text) : span.text, options.whole ?? 'plain'));
      continue;
    }
    out.push(...changeSegments(span, options.markers));
  }
  return out;
}

/** Whether a row holds any change of words. */
export function isEdited(row: Row): boolean {
  return row.spans.some((span) => span.op !== 'equal');
}
