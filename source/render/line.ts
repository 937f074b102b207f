/**
 * The document model every output shares: lines of segments, each segment plain text in one
 * semantic tone. Layouts wrap, cut and pad plain text here; serializers (ansi.ts, plain.ts,
 * html.ts, markdown.ts) turn tones into escape codes, markup or nothing, last. Nothing in this
 * module ever sees an escape code.
 *
 * Every function here takes time in proportion to its input, so a multi-megabyte paragraph wraps
 * in a moment.
 */
import stringWidth from 'string-width';
import { inert } from './inert.js';
import type { Tone } from './theme.js';

/** A run of text in one tone. */
export interface Segment {
  readonly text: string;
  readonly tone: Tone;
}

/** One row of output: segments whose widths add up to at most the row's width. */
export type Line = readonly Segment[];

export const seg = (text: string, tone: Tone = 'plain'): Segment => ({ text, tone });

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Columns a piece of plain text takes in a terminal. */
export function columns(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

export function lineWidth(line: Line): number {
  let width = 0;
  for (const segment of line) width += columns(segment.text);
  return width;
}

export function lineText(line: Line): string {
  return line.map((segment) => segment.text).join('');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The graphemes of a text with their widths, ASCII without segmenting. */
function* cells(text: string): Generator<readonly [string, number]> {
  if (PRINTABLE_ASCII.test(text)) {
    for (const ch of text) yield [ch, 1];
    return;
  }
  for (const { segment } of graphemes.segment(text)) yield [segment, columns(segment)];
}

/** Cut a line to at most `width` columns, never splitting a grapheme; `ellipsis` marks a cut. */
export function truncateLine(given: Line, width: number, ellipsis = '…'): Line {
  // Cut the text as it will show: controls in caret notation take room.
  const shown = given.map((segment) => inert(segment.text));
  const line = shown.every((text, k) => text === given[k]!.text)
    ? given
    : given.map((segment, k) => seg(shown[k]!, segment.tone));
  if (lineWidth(line) <= width) return line;
  const out: Segment[] = [];
  let used = 0;
  const room = Math.max(0, width - columns(ellipsis));
  for (const segment of line) {
    let text = '';
    for (const [g, w] of cells(segment.text)) {
      if (used + w > room) break;
      text += g;
      used += w;
    }
    if (text) out.push({ text, tone: segment.tone });
    if (text.length < segment.text.length) {
      if (used + columns(ellipsis) <= width) out.push({ text: ellipsis, tone: segment.tone });
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

/** Where lines may break: spaces and tabs (a no-break space is part of its word), and newlines. */
const BREAKS = /([ \t\n]+)/;

interface Token {
  readonly text: string;
  readonly tone: Tone;
  readonly space: boolean;
}

/** Words and breaks, each in its segment's tone; text that could drive a terminal made visible. */
function tokenize(segments: readonly Segment[]): Token[] {
  const tokens: Token[] = [];
  for (const segment of segments) {
    const parts = segment.text.split(BREAKS).map((part, k) => (k % 2 === 0 ? inert(part) : part));
    // split() with a capture group alternates words (even places) and breaks (odd places).
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!;
      if (part !== '') tokens.push({ text: part, tone: segment.tone, space: k % 2 === 1 });
    }
  }
  return tokens;
}

/**
 * Wrap text in segments to `width` columns at spaces, keeping each piece's tone. A run of spaces
 * becomes one space or a line break; a newline starts a new line; a word wider than the line is
 * broken between graphemes. Words that arrive in several tones ("mili" + "tant") stay together.
 */
export function wrapSegments(segments: readonly Segment[], width: number): Line[] {
  const max = Math.max(1, Math.floor(width));
  const lines: Segment[][] = [];
  let current: Segment[] = [];
  let used = 0;
  let pendingSpace: Tone | null = null;

  const push = (text: string, tone: Tone, w: number): void => {
    const last = current[current.length - 1];
    if (last && last.tone === tone) current[current.length - 1] = { text: last.text + text, tone };
    else current.push({ text, tone });
    used += w;
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
      let breaks = 0;
      for (let at = token.text.indexOf('\n'); at !== -1; at = token.text.indexOf('\n', at + 1))
        breaks++;
      for (let b = 0; b < breaks; b++) newline();
      if (breaks === 0 && used > 0) pendingSpace = token.tone;
      continue;
    }
    // Gather the whole visual word: adjacent non-space tokens.
    const word: Token[] = [token];
    while (i + 1 < tokens.length && !tokens[i + 1]!.space) word.push(tokens[++i]!);
    const widths = word.map((part) => columns(part.text));
    const wordWidth = widths.reduce((sum, w) => sum + w, 0);
    const spaceWidth = pendingSpace === null ? 0 : 1;
    if (used > 0 && used + spaceWidth + wordWidth > max) newline();
    if (pendingSpace !== null && used > 0) push(' ', pendingSpace, 1);
    pendingSpace = null;
    if (used + wordWidth <= max) {
      word.forEach((part, k) => push(part.text, part.tone, widths[k]!));
      continue;
    }
    for (const part of word) {
      for (const [g, w] of cells(part.text)) {
        if (used + w > max && used > 0) newline();
        push(g, part.tone, w);
      }
    }
  }
  lines.push(current);
  return lines;
}

/** Wrap plain text to `width` columns: wrapSegments for text in one tone, as strings. */
export function wrapText(text: string, width: number): string[] {
  return wrapSegments([seg(text)], width).map(lineText);
}

/** Prefix each wrapped line with a gutter: `first` on the first line, `rest` on the others. */
export function withGutter(lines: readonly Line[], first: Line, rest: Line): Line[] {
  return lines.map((line, i) => [...(i === 0 ? first : rest), ...line]);
}

/** Lines under a sign or a name: `first` before the first, as many spaces before the others. */
export function indented(lines: readonly Line[], first: Line): Line[] {
  return withGutter(lines, first, [seg(' '.repeat(lineWidth(first)))]);
}
