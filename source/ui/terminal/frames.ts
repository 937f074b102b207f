import { EventEmitter } from 'node:events';
import {
  blankRow,
  rowKey,
  ScreenParser,
  sameCell,
  sameRow,
  type Cell,
  type Row,
  type Screen,
} from './screen.js';

/**
 * The output layer between Ink's frames and the terminal. Ink hands over each whole frame (it
 * runs in its unthrottled "debug" mode, so every render is one frame, at once); this layer
 * compares it with what the terminal shows and writes only the difference, the way curses does:
 *
 * - rows that moved up or down together are moved by the terminal itself, with a scroll region
 *   (DECSTBM) and index or reverse index, so a one-line scroll writes one new row, not a screen;
 * - in each other row, only the cells from the first change to the last are written, and a row
 *   that ends in blanks is cleared with EL instead of spaces;
 * - after a resize, a Ctrl-L, or a return from the background, the next frame is drawn whole on
 *   a cleared screen, so what shows is exactly what a fresh start at that size would show.
 */

const CSI = '\u001B[';
const RESET = `${CSI}0m`;
/** Index (down one row, scrolling at the bottom margin) and reverse index. */
const INDEX = '\u001BD';
const REVERSE_INDEX = '\u001BM';
const SHOW_CURSOR = `${CSI}?25h`;
const HIDE_CURSOR = `${CSI}?25l`;

const at = (row: number, column: number): string =>
  column === 0 ? `${CSI}${row + 1}H` : `${CSI}${row + 1};${column + 1}H`;
const sgr = (style: string): string => (style === '' ? RESET : `${CSI}0;${style}m`);

const isBlank = (cell: Cell): boolean => cell.text === ' ' && cell.style === '';

/** The index of a row's last cell that is not a default blank, or -1. */
function contentEnd(row: Row): number {
  for (let i = row.length - 1; i >= 0; i--) if (!isBlank(row[i]!)) return i;
  return -1;
}

/** Writes cells with as few SGR changes as it can, remembering the terminal's current look. */
class Painter {
  out = '';
  style = '';

  move(row: number, column: number): void {
    this.out += at(row, column);
  }

  cells(row: Row, from: number, to: number): void {
    for (let i = from; i <= to; i++) {
      const cell = row[i]!;
      if (cell.text === '') continue;
      if (cell.style !== this.style) {
        this.out += sgr(cell.style);
        this.style = cell.style;
      }
      this.out += cell.text;
    }
  }

  /** Clear from the cursor to the end of the line, in the default look. */
  eraseRest(): void {
    if (this.style !== '') {
      this.out += RESET;
      this.style = '';
    }
    this.out += `${CSI}K`;
  }

  finish(): string {
    if (this.style !== '') this.out += RESET;
    this.style = '';
    return this.out;
  }
}

/** Draw a screen whole, on a cleared terminal. */
function drawWhole(next: Screen): string {
  const painter = new Painter();
  painter.out = `${RESET}${CSI}2J${CSI}H`;
  next.rows.forEach((row, r) => {
    const end = contentEnd(row);
    if (end < 0) return;
    painter.move(r, 0);
    painter.cells(row, 0, end);
  });
  return painter.finish();
}

/** Bring one row from what it shows (`shown`) to `next`, writing only the changed stretch. */
function updateRow(painter: Painter, r: number, shown: Row, next: Row): void {
  const columns = next.length;
  let first = 0;
  while (first < columns && sameCell(shown[first]!, next[first]!)) first++;
  if (first === columns) return;
  let last = columns - 1;
  while (last > first && sameCell(shown[last]!, next[last]!)) last--;
  // Never start or end inside a wide character, old or new: write the whole character.
  while (first > 0 && (next[first]!.text === '' || shown[first]!.text === '')) first--;
  while (last + 1 < columns && (next[last + 1]!.text === '' || shown[last + 1]!.text === '')) {
    last++;
  }
  const end = contentEnd(next);
  if (last > end) {
    // The change reaches into the blanks that end the new row: write up to its content, then erase.
    if (first <= end) {
      painter.move(r, first);
      painter.cells(next, first, end);
    } else {
      painter.move(r, first);
    }
    painter.eraseRest();
    return;
  }
  painter.move(r, first);
  painter.cells(next, first, last);
}

interface Shift {
  /** First and last rows (of the new screen) that the shift brings into place. */
  readonly from: number;
  readonly to: number;
  /** Rows moved: positive when the content moved up (new row i was old row i + by). */
  readonly by: number;
}

/** The shift that saves the most row rewrites, if any: a run of new rows equal to old rows k away. */
export function findShift(shown: Screen, next: Screen): Shift | null {
  const rows = next.rows.length;
  const oldKeys = shown.rows.map(rowKey);
  const newKeys = next.rows.map(rowKey);
  const blankKey = rowKey(blankRow(next.columns));
  let best: Shift | null = null;
  let bestGain = 0;
  for (let by = -(rows - 1); by <= rows - 1; by++) {
    if (by === 0) continue;
    let runStart = -1;
    let gain = 0;
    for (let i = 0; i <= rows; i++) {
      const j = i + by;
      const match = i < rows && j >= 0 && j < rows && newKeys[i] === oldKeys[j];
      if (match) {
        if (runStart < 0) {
          runStart = i;
          gain = 0;
        }
        // A row gains when it is not blank and not already right where it stands.
        if (newKeys[i] !== blankKey && newKeys[i] !== oldKeys[i]) gain++;
        continue;
      }
      if (runStart >= 0 && gain > bestGain) {
        bestGain = gain;
        best = { from: runStart, to: i - 1, by };
      }
      runStart = -1;
    }
  }
  return best;
}

/** Scroll part of the terminal, and the model of what it shows, by a shift. */
function applyShift(shift: Shift, shown: Row[], columns: number): string {
  const { from, to, by } = shift;
  // The region spans the rows' old and new places; the terminal moves them all at once.
  const top = by > 0 ? from : from + by;
  const bottom = by > 0 ? to + by : to;
  const count = Math.abs(by);
  let out = `${RESET}${CSI}${top + 1};${bottom + 1}r`;
  if (by > 0) {
    out += at(bottom, 0) + INDEX.repeat(count);
    for (let r = top; r <= bottom; r++) {
      shown[r] = r + count <= bottom ? shown[r + count]! : blankRow(columns);
    }
  } else {
    out += at(top, 0) + REVERSE_INDEX.repeat(count);
    for (let r = bottom; r >= top; r--) {
      shown[r] = r - count >= top ? shown[r - count]! : blankRow(columns);
    }
  }
  // Resetting the region also homes the cursor; every write after this positions itself.
  return out + `${CSI}r`;
}

/**
 * The bytes that turn the terminal from `shown` into `next`. With no trusted `shown` (the first
 * frame, or after a resize), the screen is cleared and drawn whole.
 */
export function frameBytes(shown: Screen | null, next: Screen, scrollRegions: boolean): string {
  if (!shown || shown.columns !== next.columns || shown.rows.length !== next.rows.length) {
    return drawWhole(next);
  }
  const rows = [...shown.rows];
  let out = '';
  if (scrollRegions) {
    const shift = findShift(shown, next);
    if (shift) out += applyShift(shift, rows, next.columns);
  }
  const painter = new Painter();
  next.rows.forEach((row, r) => {
    if (!sameRow(rows[r]!, row)) updateRow(painter, r, rows[r]!, row);
  });
  return out + painter.finish();
}

/** Whether a terminal can be trusted with scroll regions: the known families, not TERM=dumb. */
export function trustsScrollRegions(term: string | undefined): boolean {
  if (!term) return false;
  return /^(xterm|screen|tmux|rxvt|vt(1|2|3|4|5)\d\d|linux|alacritty|kitty|foot|wezterm|st(-|$)|konsole|gnome|putty|cygwin|ansi|contour|ghostty|mintty|iterm|eterm|ms-terminal)/i.test(
    term,
  );
}

export interface FrameWriterOptions {
  /** Where the bytes go: the terminal. */
  readonly write: (bytes: string) => void;
  /** Move rows with scroll regions; without, changed rows are rewritten. */
  readonly scrollRegions: boolean;
}

/** Draws each frame as the difference from what the terminal shows. */
export class FrameWriter {
  readonly #parser = new ScreenParser();
  #shown: Screen | null = null;
  #last: { frame: string; columns: number; rows: number } | null = null;
  #bytes = 0;
  #frames = 0;

  constructor(private readonly options: FrameWriterOptions) {}

  /** Show a frame: text lines holding Ink's SGR codes, for a screen of the given size. */
  frame(frame: string, columns: number, rows: number): void {
    const last = this.#last;
    this.#last = { frame, columns, rows };
    // The frame on screen again, as from a render that changed nothing shown: nothing to compare.
    const again = last?.frame === frame && last.columns === columns && last.rows === rows;
    if (again && this.#shown) {
      this.#frames++;
      return;
    }
    const next = this.#parser.parse(frame, columns, rows);
    const bytes = frameBytes(this.#shown, next, this.options.scrollRegions);
    this.#shown = next;
    this.#frames++;
    if (bytes === '') return;
    this.#bytes += bytes.length;
    this.options.write(bytes);
  }

  /** Forget what the terminal shows, so the next frame is drawn whole. */
  invalidate(): void {
    this.#shown = null;
  }

  /** Draw the last frame again, whole (Ctrl-L, or back from the background). */
  redraw(): void {
    this.invalidate();
    if (this.#last) this.frame(this.#last.frame, this.#last.columns, this.#last.rows);
  }

  /** Frames drawn and bytes written so far, for tests and the bench. */
  get stats(): { readonly frames: number; readonly bytes: number } {
    return { frames: this.#frames, bytes: this.#bytes };
  }
}

/** What Ink needs of its stdout, and what the frame layer gives it. */
export interface FrameStdout extends EventEmitter {
  readonly isTTY: true;
  readonly columns: number;
  readonly rows: number;
  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean;
  /** Draw the frame Ink wrote last, if it is not drawn yet (before leaving the screen). */
  flush(): void;
  /** Stop following the terminal's resizes. */
  detach(): void;
}

/**
 * A stand-in stdout for Ink. Each write from Ink (in debug mode, one whole frame) goes to the
 * frame writer. Frames written in one go, as when a batch of keys arrives in one read, are drawn
 * once, with the last of them, before the program waits for input again. The terminal's resizes
 * reach Ink only after the writer knows that the next frame must be drawn whole.
 */
export function frameStdout(
  terminal: Pick<NodeJS.WriteStream, 'columns' | 'rows' | 'on' | 'off'>,
  writer: FrameWriter,
): FrameStdout {
  const emitter = new EventEmitter();
  const size = (): { columns: number; rows: number } => ({
    columns: terminal.columns || 80,
    rows: terminal.rows || 24,
  });
  let pending: string | null = null;
  const flush = (): void => {
    if (pending === null) return;
    const frame = pending;
    pending = null;
    const { columns, rows } = size();
    writer.frame(frame, columns, rows);
  };
  const onResize = (): void => {
    pending = null;
    writer.invalidate();
    emitter.emit('resize');
  };
  terminal.on('resize', onResize);
  // Defined as getters (Object.assign would copy today's size once): Ink reads the size anew.
  Object.defineProperties(emitter, {
    columns: { get: () => size().columns, enumerable: true },
    rows: { get: () => size().rows, enumerable: true },
  });
  return Object.assign(emitter as EventEmitter & Pick<FrameStdout, 'columns' | 'rows'>, {
    isTTY: true as const,
    write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      // Ink shows and hides the cursor itself on some paths; the terminal lifecycle owns that.
      if (text !== '' && text !== SHOW_CURSOR && text !== HIDE_CURSOR) {
        if (pending === null) queueMicrotask(flush);
        pending = text;
      }
      const callback = rest.find((r): r is () => void => typeof r === 'function');
      callback?.();
      return true;
    },
    flush,
    detach(): void {
      terminal.off('resize', onResize);
    },
  });
}
