import type { Version } from '../../corpus/types.js';
import { seg, withGutter, wrapSegments, type Line, type Segment } from './line.js';

export interface ReaderLayout {
  readonly lines: readonly Line[];
  /** The line where each paragraph starts. */
  readonly paragraphStarts: readonly number[];
}

export type Ranges = readonly (readonly [number, number])[];

/** Split a passage into plain and highlighted segments along [start, end) ranges. */
export function highlight(text: string, ranges: Ranges | undefined): Segment[] {
  if (!ranges || ranges.length === 0) return [seg(text)];
  const out: Segment[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    const s = Math.max(at, Math.min(start, text.length));
    const e = Math.max(s, Math.min(end, text.length));
    if (s > at) out.push(seg(text.slice(at, s)));
    if (e > s) out.push(seg(text.slice(s, e), 'match'));
    at = e;
  }
  if (at < text.length) out.push(seg(text.slice(at)));
  return out;
}

/** A version laid out for reading: title, metadata, then numbered paragraphs. */
export function layoutReader(
  version: Version,
  width: number,
  highlights: ReadonlyMap<number, Ranges> = new Map(),
): ReaderLayout {
  const lines: Line[] = [];
  lines.push(...wrapSegments([seg(version.title, 'heading')], width));
  const meta = [
    version.id,
    version.date ?? 'no date',
    `${version.words} words`,
    `${version.paragraphs.length} paragraphs`,
  ].join(' · ');
  lines.push(...wrapSegments([seg(meta, 'dim')], width));
  const digits = String(version.paragraphs.length).length;
  const gutterWidth = digits + 2;
  const textWidth = Math.max(10, width - gutterWidth);
  const paragraphStarts: number[] = [];
  version.paragraphs.forEach((paragraph, index) => {
    lines.push([]);
    paragraphStarts.push(lines.length);
    const wrapped = wrapSegments(highlight(paragraph, highlights.get(index)), textWidth);
    const number = seg(String(index + 1).padStart(digits) + '  ', 'gutter');
    lines.push(...withGutter(wrapped, [number], [seg(' '.repeat(gutterWidth))]));
  });
  return { lines, paragraphStarts };
}
