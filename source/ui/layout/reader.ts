import type { Version } from '../../corpus/types.js';
import { plural, wordCount } from '../../render/labels.js';
import { append, seg, withGutter, wrapSegments, type Line } from '../../render/line.js';
import { glyphs } from '../../render/glyphs.js';
import { highlight, type Ranges } from '../../render/paint.js';

export interface ReaderLayout {
  readonly lines: readonly Line[];
  /** The line where each paragraph starts. */
  readonly paragraphStarts: readonly number[];
}

export type { Ranges };

/** A version laid out for reading: title, metadata, then numbered paragraphs (site chrome dim). */
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
    wordCount(version.words),
    plural(version.paragraphs.length, 'paragraph'),
  ].join(` ${glyphs().dot} `);
  lines.push(...wrapSegments([seg(meta, 'dim')], width));
  const digits = String(version.paragraphs.length).length;
  const gutterWidth = digits + 2;
  const textWidth = Math.max(10, width - gutterWidth);
  const paragraphStarts: number[] = [];
  const chrome = new Set(version.chrome ?? []);
  version.paragraphs.forEach((paragraph, index) => {
    lines.push([]);
    paragraphStarts.push(lines.length);
    // Site chrome (share buttons, bylines, captions) is kept but shown dim; a search hit in it
    // still shows as a match.
    const painted = highlight(paragraph, highlights.get(index)).map((s) =>
      chrome.has(index) && s.tone === 'plain' ? { ...s, tone: 'dim' as const } : s,
    );
    const wrapped = wrapSegments(painted, textWidth);
    const number = seg(String(index + 1).padStart(digits) + '  ', 'gutter');
    append(lines, withGutter(wrapped, [number], [seg(' '.repeat(gutterWidth))]));
  });
  return { lines, paragraphStarts };
}
