import stringWidth from 'string-width';
import type { Tone } from '../theme.js';

/** A run of text in one tone. */
export interface Segment {
  readonly text: string;
  readonly tone: Tone;
}

/** One terminal row: segments whose widths add up to at most the row's width. */
export type Line = readonly Segment[];

export const seg = (text: string, tone: Tone = 'plain'): Segment => ({ text, tone });

export function lineWidth(line: Line): number {
  let width = 0;
  for (const segment of line) width += stringWidth(segment.text);
  return width;
}

export function lineText(line: Line): string {
  return line.map((segment) => segment.text).join('');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Cut a line to at most `width` columns, never splitting a grapheme. */
export function truncateLine(line: Line, width: number, ellipsis = '…'): Line {
  if (lineWidth(line) <= width) return line;
  const out: Segment[] = [];
  let used = 0;
  const room = Math.max(0, width - stringWidth(ellipsis));
  for (const segment of line) {
    let text = '';
    for (const { segment: g } of graphemes.segment(segment.text)) {
      const w = stringWidth(g);
      if (used + w > room) break;
      text += g;
      used += w;
    }
    if (text) out.push({ text, tone: segment.tone });
    if (text.length < segment.text.length) {
      out.push({ text: ellipsis, tone: segment.tone });
      return out;
    }
  }
  return out;
}

/** Pad a line with spaces to exactly `width` columns (cutting it first if it is wider). */
export function padLine(line: Line, width: number, tone: Tone = 'plain'): Line {
  const cut = truncateLine(line, width);
  const gap = width - lineWidth(cut);
  return gap > 0 ? [...cut, { text: ' '.repeat(gap), tone }] : cut;
}

interface Token {
  readonly text: string;
  readonly tone: Tone;
  readonly space: boolean;
}

function tokenize(segments: readonly Segment[]): Token[] {
  const tokens: Token[] = [];
  for (const segment of segments) {
    for (const part of segment.text.split(/(\s+)/)) {
      if (part === '') continue;
      tokens.push({ text: part, tone: segment.tone, space: /^\s/.test(part) });
    }
  }
  return tokens;
}

/**
 * Wrap styled text to `width` columns at word boundaries. A word wider than the line is broken
 * between graphemes. Newlines in the text start new lines.
 */
export function wrapSegments(segments: readonly Segment[], width: number): Line[] {
  const max = Math.max(1, width);
  const lines: Segment[][] = [];
  let current: Segment[] = [];
  let used = 0;
  // Words of one visual word may arrive in several tones ("mili" + "tant"): keep them together.
  let pendingSpace: Token | null = null;

  const push = (text: string, tone: Tone): void => {
    const last = current[current.length - 1];
    if (last && last.tone === tone) current[current.length - 1] = { text: last.text + text, tone };
    else current.push({ text, tone });
    used += stringWidth(text);
  };
  const newline = (): void => {
    lines.push(current);
    current = [];
    used = 0;
    pendingSpace = null;
  };

  const tokens = tokenize(segments);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.space) {
      const breaks = token.text.split('\n').length - 1;
      if (breaks > 0) {
        for (let b = 0; b < breaks; b++) newline();
        continue;
      }
      if (used > 0) pendingSpace = token;
      continue;
    }
    // Gather the whole visual word: adjacent non-space tokens.
    const word: Token[] = [token];
    while (i + 1 < tokens.length && !tokens[i + 1]!.space) word.push(tokens[++i]!);
    const wordWidth = word.reduce((sum, t) => sum + stringWidth(t.text), 0);
    const spaceWidth = pendingSpace ? 1 : 0;
    if (used > 0 && used + spaceWidth + wordWidth > max) newline();
    if (pendingSpace && used > 0) push(' ', pendingSpace.tone);
    pendingSpace = null;
    if (used + wordWidth <= max) {
      for (const part of word) push(part.text, part.tone);
      continue;
    }
    for (const part of word) {
      for (const { segment: g } of graphemes.segment(part.text)) {
        const w = stringWidth(g);
        if (used + w > max && used > 0) newline();
        push(g, part.tone);
      }
    }
  }
  if (current.length > 0 || lines.length === 0) lines.push(current);
  return lines;
}

/** Prefix each wrapped line with a gutter: `first` on the first line, `rest` on the others. */
export function withGutter(lines: readonly Line[], first: Line, rest: Line): Line[] {
  return lines.map((line, i) => [...(i === 0 ? first : rest), ...line]);
}
