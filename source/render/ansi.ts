/**
 * Lines to text for a terminal: each tone's style becomes SGR codes, from the one theme, around
 * text that was wrapped and cut before. SGR is the only escape sequence this program writes.
 */
import { inert } from './inert.js';
import type { Line } from './line.js';
import { BASIC_COLORS, type Theme, type Tone, type ToneStyle } from './theme.js';

const ESC = '\u001B[';

interface Codes {
  readonly open: string;
  readonly close: string;
}

/** The SGR sequences that turn a style on and off, one per attribute. */
export function sgrCodes(style: ToneStyle): Codes {
  const on: number[] = [];
  const off: number[] = [];
  const add = (code: number, reset: number): void => {
    on.push(code);
    off.push(reset);
  };
  if (style.bold) add(1, 22);
  if (style.dimColor) add(2, 22);
  if (style.underline) add(4, 24);
  if (style.inverse) add(7, 27);
  if (style.color) add(30 + BASIC_COLORS.indexOf(style.color), 39);
  if (style.backgroundColor) add(40 + BASIC_COLORS.indexOf(style.backgroundColor), 49);
  const closes = [...new Set(off)].reverse();
  return {
    open: on.map((code) => `${ESC}${code}m`).join(''),
    close: closes.map((code) => `${ESC}${code}m`).join(''),
  };
}

const codeCache = new WeakMap<ToneStyle, Codes>();

function codesOf(style: ToneStyle): Codes {
  let codes = codeCache.get(style);
  if (!codes) codeCache.set(style, (codes = sgrCodes(style)));
  return codes;
}

/** One line as a terminal shows it, styles turned off again before its end. */
export function ansiLine(line: Line, theme: Theme): string {
  let out = '';
  let k = 0;
  while (k < line.length) {
    const tone: Tone = line[k]!.tone;
    // Neighbours in one tone share one pair of codes.
    let text = '';
    while (k < line.length && line[k]!.tone === tone) text += line[k++]!.text;
    if (text === '') continue;
    const { open, close } = codesOf(theme.tones[tone]);
    out += open + inert(text) + close;
  }
  return out;
}

/** Lines as a terminal shows them, each ended by a newline. */
export function toAnsi(lines: readonly Line[], theme: Theme): string {
  let out = '';
  for (const line of lines) out += ansiLine(line, theme) + '\n';
  return out;
}
