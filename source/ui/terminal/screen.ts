import stringWidth from 'string-width';
import { graphemes } from '../../text/graphemes.js';

/**
 * A terminal screen as a grid of cells, parsed from one of Ink's frames. Ink draws a frame as
 * text lines holding its own SGR codes (corpus text is sanitized long before, so SGR is the only
 * escape a frame holds). Parsing it back into cells lets the frame writer compare two frames
 * cell by cell, as curses compares its virtual screens.
 */

/** One character cell: what it shows and the SGR parameters it is drawn with. */
export interface Cell {
  /** The grapheme drawn here; '' in the right half of a wide character. */
  readonly text: string;
  /** Canonical SGR parameters ('' for the default look), so equal looks compare equal. */
  readonly style: string;
}

export type Row = readonly Cell[];

export interface Screen {
  readonly columns: number;
  readonly rows: readonly Row[];
}

const BLANK: Cell = { text: ' ', style: '' };
export const blankCell = (): Cell => BLANK;

/** The last blank row made: a frame asks for the same width many times over. */
let blank: Row = [];

/** A row of blank cells (one shared row for each width asked for in turn: rows are read-only). */
export function blankRow(columns: number): Row {
  if (blank.length !== columns) blank = new Array<Cell>(columns).fill(BLANK);
  return blank;
}

/** The look SGR codes set, kept as the parameters that produce it. */
interface Look {
  bold: boolean;
  dim: boolean;
  italic: boolean;
  underline: boolean;
  blink: boolean;
  inverse: boolean;
  hidden: boolean;
  strike: boolean;
  fg: string;
  bg: string;
}

const plainLook = (): Look => ({
  bold: false,
  dim: false,
  italic: false,
  underline: false,
  blink: false,
  inverse: false,
  hidden: false,
  strike: false,
  fg: '',
  bg: '',
});

/** Apply one SGR sequence's parameters (as `1;31` or `38;5;208`) to a look. */
function applySgr(look: Look, params: string): void {
  const codes = params === '' ? [0] : params.split(/[;:]/).map((p) => (p === '' ? 0 : Number(p)));
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code === 0) Object.assign(look, plainLook());
    else if (code === 1) look.bold = true;
    else if (code === 2) look.dim = true;
    else if (code === 3) look.italic = true;
    else if (code === 4) look.underline = true;
    else if (code === 5) look.blink = true;
    else if (code === 7) look.inverse = true;
    else if (code === 8) look.hidden = true;
    else if (code === 9) look.strike = true;
    else if (code === 22) look.bold = look.dim = false;
    else if (code === 23) look.italic = false;
    else if (code === 24) look.underline = false;
    else if (code === 25) look.blink = false;
    else if (code === 27) look.inverse = false;
    else if (code === 28) look.hidden = false;
    else if (code === 29) look.strike = false;
    else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) look.fg = String(code);
    else if (code === 39) look.fg = '';
    else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) look.bg = String(code);
    else if (code === 49) look.bg = '';
    else if (code === 38 || code === 48) {
      // Extended colors: 5;n (256 colors) or 2;r;g;b (true color).
      const mode = codes[i + 1];
      const take = mode === 5 ? 2 : mode === 2 ? 4 : 1;
      const value = codes.slice(i, i + 1 + take).join(';');
      if (code === 38) look.fg = value;
      else look.bg = value;
      i += take;
    }
  }
}

function styleOf(look: Look): string {
  const parts: string[] = [];
  if (look.bold) parts.push('1');
  if (look.dim) parts.push('2');
  if (look.italic) parts.push('3');
  if (look.underline) parts.push('4');
  if (look.blink) parts.push('5');
  if (look.inverse) parts.push('7');
  if (look.hidden) parts.push('8');
  if (look.strike) parts.push('9');
  if (look.fg) parts.push(look.fg);
  if (look.bg) parts.push(look.bg);
  return parts.join(';');
}

const PRINTABLE_ASCII = /^[\x20-\x7e]$/;
// eslint-disable-next-line no-control-regex -- a frame's escapes are what this splits out
const ESCAPE = /\u001B\[([0-9;:?]*)([@-~])|\u001B[^[]/g;

/** Parse one frame line into exactly `columns` cells; what does not fit is dropped. */
export function parseRow(line: string, columns: number): Row {
  const cells: Cell[] = [];
  const look = plainLook();
  let style = '';
  const put = (text: string): void => {
    const width = PRINTABLE_ASCII.test(text) ? 1 : stringWidth(text);
    if (width === 0) {
      // A zero-width grapheme (a lone combining mark): it joins the cell before it.
      const last = cells[cells.length - 1];
      if (last && last.text !== '') cells[cells.length - 1] = { text: last.text + text, style };
      return;
    }
    if (cells.length + width > columns) {
      cells.length = Math.min(cells.length, columns);
      return;
    }
    cells.push({ text, style });
    if (width === 2) cells.push({ text: '', style });
  };
  let at = 0;
  ESCAPE.lastIndex = 0;
  for (let match = ESCAPE.exec(line); match; match = ESCAPE.exec(line)) {
    for (const segment of graphemes(line.slice(at, match.index))) put(segment);
    if (match[2] === 'm' && !match[1]!.startsWith('?')) {
      applySgr(look, match[1]!);
      style = styleOf(look);
    }
    at = match.index + match[0].length;
  }
  for (const segment of graphemes(line.slice(at))) put(segment);
  while (cells.length < columns) cells.push(BLANK);
  return cells.slice(0, columns);
}

/** Parse a whole frame into a screen of `columns` × `rows`: missing rows are blank. */
export function parseScreen(frame: string, columns: number, rows: number): Screen {
  return new ScreenParser().parse(frame, columns, rows);
}

/**
 * Parses the frames of one terminal in turn, each line of a frame that the frame before held too
 * given the row parsed then: a line is all there is to its row at a width, and a key changes a
 * few rows of a frame. Parsing every row of every frame made half of what a key allocated.
 */
export class ScreenParser {
  #columns = -1;
  #rowsByLine = new Map<string, Row>();

  /** Parse a whole frame into a screen of `columns` × `rows`: missing rows are blank. */
  parse(frame: string, columns: number, rows: number): Screen {
    if (columns !== this.#columns) {
      this.#columns = columns;
      this.#rowsByLine = new Map();
    }
    const before = this.#rowsByLine;
    const now = new Map<string, Row>();
    const lines = frame.split('\n');
    const out: Row[] = [];
    for (let r = 0; r < rows; r++) {
      const line = lines[r];
      if (line === undefined || line === '') {
        out.push(blankRow(columns));
        continue;
      }
      const row = now.get(line) ?? before.get(line) ?? parseRow(line, columns);
      now.set(line, row);
      out.push(row);
    }
    this.#rowsByLine = now;
    return { columns, rows: out };
  }
}

export function sameCell(a: Cell, b: Cell): boolean {
  return a.text === b.text && a.style === b.style;
}

export function sameRow(a: Row, b: Row): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameCell(a[i]!, b[i]!)) return false;
  return true;
}

/** Rows' keys, once made: a row parsed once is compared in the frames after it too. */
const keys = new WeakMap<Row, string>();

/** A key per row, equal for rows that look the same, to find shifted runs quickly. */
export function rowKey(row: Row): string {
  let key = keys.get(row);
  if (key === undefined) keys.set(row, (key = keyOf(row)));
  return key;
}

function keyOf(row: Row): string {
  let key = '';
  let style = '';
  for (const cell of row) {
    if (cell.style !== style) {
      key += '\u0000' + cell.style + '\u0000';
      style = cell.style;
    }
    key += cell.text === '' ? '\u0001' : cell.text;
  }
  return key;
}
