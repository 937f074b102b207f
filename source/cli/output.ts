import stringWidth from 'string-width';
import type { Style } from './style.js';

/** Where a command writes, and how. */
export interface Output {
  readonly style: Style;
  /** Columns to wrap to. */
  readonly width: number;
  /** Whether stdout is a terminal (then long titles are cut to fit). */
  readonly isTTY: boolean;
  write(text: string): void;
}

export function printJson(out: Output, value: unknown): void {
  out.write(JSON.stringify(value, null, 2) + '\n');
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Columns a piece of text takes in a terminal. */
function columnsOf(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

/** Cut a word wider than `width` columns into pieces that fit, without splitting a character. */
function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  if (PRINTABLE_ASCII.test(word)) {
    for (let i = 0; i < word.length; i += width) pieces.push(word.slice(i, i + width));
    return pieces;
  }
  let piece = '';
  let used = 0;
  for (const { segment } of graphemes.segment(word)) {
    const columns = columnsOf(segment);
    if (piece !== '' && used + columns > width) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += segment;
    used += columns;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * Wrap plain (unstyled) text to `width` columns: lines break at spaces, runs of spaces collapse,
 * and a word longer than a line is cut. It takes time in proportion to the text, so a
 * multi-megabyte paragraph wraps in a moment (wrap-ansi takes minutes on one). Style the lines
 * after wrapping.
 */
export function wrapText(text: string, width: number): string[] {
  const limit = Math.max(1, Math.floor(width));
  const lines: string[] = [];
  for (const source of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const word of source.split(/[ \t]+/)) {
      if (word === '') continue;
      const size = columnsOf(word);
      if (used > 0 && used + 1 + size <= limit) {
        line += ' ' + word;
        used += 1 + size;
        continue;
      }
      if (used > 0) lines.push(line);
      if (size <= limit) {
        line = word;
        used = size;
        continue;
      }
      const pieces = breakWord(word, limit);
      for (let i = 0; i < pieces.length - 1; i++) lines.push(pieces[i]!);
      line = pieces[pieces.length - 1]!;
      used = columnsOf(line);
    }
    lines.push(line);
  }
  return lines;
}
