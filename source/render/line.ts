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
import { graphemes } from '../text/graphemes.js';
import { glyphs } from './glyphs.js';
import { inert, inertText } from './inert.js';
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

/** Widths of short words outside ASCII ("¶4", "·", "Türkiye"), which recur in every layout. */
const shortWidths = new Map<string, number>();

/** Columns a piece of plain text takes in a terminal. */
export function columns(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  if (text.length > 24) return stringWidth(text);
  let width = shortWidths.get(text);
  if (width === undefined) {
    if (shortWidths.size > 50_000) shortWidths.clear();
    shortWidths.set(text, (width = stringWidth(text)));
  }
  return width;
}

export function lineWidth(line: Line): number {
  let width = 0;
  for (const segment of line) width += columns(segment.text);
  return width;
}

export function lineText(line: Line): string {
  return line.map((segment) => segment.text).join('');
}

/** The graphemes of a text with their widths, ASCII without segmenting. */
function* cells(text: string): Generator<readonly [string, number]> {
  if (PRINTABLE_ASCII.test(text)) {
    for (const ch of text) yield [ch, 1];
    return;
  }
  for (const segment of graphemes(text)) yield [segment, columns(segment)];
}

/**
 * The longest start of `text` that fits in `room` columns, never splitting a grapheme, and the
 * columns it takes. ASCII is cut where it stands, without looking at each character.
 */
function fit(text: string, room: number): { readonly text: string; readonly width: number } {
  if (PRINTABLE_ASCII.test(text)) {
    const end = Math.max(0, Math.min(text.length, room));
    return { text: text.slice(0, end), width: end };
  }
  let end = 0;
  let width = 0;
  for (const grapheme of graphemes(text)) {
    const w = columns(grapheme);
    if (width + w > room) break;
    end += grapheme.length;
    width += w;
  }
  return { text: text.slice(0, end), width };
}

/** Cut a line to at most `width` columns, never splitting a grapheme; `ellipsis` marks a cut. */
export function truncateLine(given: Line, width: number, ellipsis = glyphs().ellipsis): Line {
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
    const { text, width: taken } = fit(segment.text, room - used);
    used += taken;
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
const isBreak = (code: number): boolean => code === 32 || code === 9 || code === 10;

/** A piece of a word, in one tone. */
interface Piece {
  readonly text: string;
  readonly tone: Tone;
  readonly width: number;
}

/**
 * Wrap text in segments to `width` columns at spaces, keeping each piece's tone. A run of spaces
 * becomes one space or a line break; a newline starts a new line; a word wider than the line is
 * broken between graphemes. Words that arrive in several tones ("mili" + "tant") stay together.
 * One pass over the text, each word measured once.
 */
export function wrapSegments(segments: readonly Segment[], width: number): Line[] {
  const max = Math.max(1, Math.floor(width));
  const lines: Segment[][] = [];
  let current: Segment[] = [];
  let used = 0;
  // The text of the current line in one tone, not yet a segment.
  let runText = '';
  let runTone: Tone | null = null;
  // The space before the next word, in its tone, once the line holds something.
  let pendingSpace: Tone | null = null;
  // The word being gathered, perhaps in several tones.
  let word: Piece[] = [];
  let wordWidth = 0;

  const flushRun = (): void => {
    if (runTone !== null && runText !== '') current.push({ text: runText, tone: runTone });
    runText = '';
    runTone = null;
  };
  const push = (text: string, tone: Tone, w: number): void => {
    if (tone !== runTone) {
      flushRun();
      runTone = tone;
    }
    runText += text;
    used += w;
  };
  const newline = (): void => {
    flushRun();
    lines.push(current);
    current = [];
    used = 0;
    pendingSpace = null;
  };
  const placeWord = (): void => {
    if (word.length === 0) return;
    const spaceWidth = pendingSpace === null ? 0 : 1;
    if (used > 0 && used + spaceWidth + wordWidth > max) newline();
    if (pendingSpace !== null && used > 0) push(' ', pendingSpace, 1);
    pendingSpace = null;
    if (used + wordWidth <= max) {
      for (const piece of word) push(piece.text, piece.tone, piece.width);
    } else {
      for (const piece of word) {
        for (const [g, w] of cells(piece.text)) {
          if (used + w > max && used > 0) newline();
          push(g, piece.tone, w);
        }
      }
    }
    word = [];
    wordWidth = 0;
  };
  const space = (text: string, tone: Tone): void => {
    placeWord();
    let breaks = 0;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) breaks++;
    for (let b = 0; b < breaks; b++) newline();
    if (breaks === 0 && used > 0) pendingSpace = tone;
  };

  for (const segment of segments) {
    const text = inertText(segment.text);
    let at = 0;
    while (at < text.length) {
      const breaking = isBreak(text.charCodeAt(at));
      let end = at + 1;
      while (end < text.length && isBreak(text.charCodeAt(end)) === breaking) end++;
      const part = text.slice(at, end);
      if (breaking) space(part, segment.tone);
      else {
        const w = columns(part);
        word.push({ text: part, tone: segment.tone, width: w });
        wordWidth += w;
      }
      at = end;
    }
  }
  placeWord();
  flushRun();
  lines.push(current);
  return lines;
}

/** Wrap plain text to `width` columns: wrapSegments for text in one tone, as strings. */
export function wrapText(text: string, width: number): string[] {
  return wrapSegments([seg(text)], width).map(lineText);
}

/**
 * Add lines to a list. A paragraph of megabytes wraps into more lines than a function call can
 * take as arguments, so never `list.push(...lines)` with wrapped text.
 */
export function append(list: Line[], lines: readonly Line[]): void {
  for (const line of lines) list.push(line);
}

/** Prefix each wrapped line with a gutter: `first` on the first line, `rest` on the others. */
export function withGutter(lines: readonly Line[], first: Line, rest: Line): Line[] {
  return lines.map((line, i) => [...(i === 0 ? first : rest), ...line]);
}

/** Lines under a sign or a name: `first` before the first, as many spaces before the others. */
export function indented(lines: readonly Line[], first: Line): Line[] {
  return withGutter(lines, first, [seg(' '.repeat(lineWidth(first)))]);
}
