import xterm from '@xterm/headless';
import { screenRows } from '../../../bench/screen.js';

/** A headless terminal emulator (xterm.js), to see what bytes written to a terminal show. */
export class Emulator {
  readonly term: xterm.Terminal;

  constructor(columns: number, rows: number) {
    this.term = new xterm.Terminal({ cols: columns, rows, allowProposedApi: true });
  }

  write(bytes: string): Promise<void> {
    // xterm.js never calls back for an empty write.
    if (bytes === '') return Promise.resolve();
    return new Promise((resolve) => this.term.write(bytes, resolve));
  }

  resize(columns: number, rows: number): void {
    this.term.resize(columns, rows);
  }

  /** The screen as text, one string per row, each cell with its look: what a person sees. */
  screen(): string[] {
    const buffer = this.term.buffer.active;
    const out: string[] = [];
    const cell = buffer.getNullCell();
    for (let r = 0; r < this.term.rows; r++) {
      const line = buffer.getLine(buffer.viewportY + r);
      let row = '';
      for (let c = 0; c < this.term.cols; c++) {
        line?.getCell(c, cell);
        const chars = cell.getChars() || ' ';
        const look = [
          cell.isBold(),
          cell.isDim(),
          cell.isItalic(),
          cell.isUnderline(),
          cell.isInverse(),
          cell.isStrikethrough(),
          cell.getFgColorMode(),
          cell.getFgColor(),
          cell.getBgColorMode(),
          cell.getBgColor(),
        ]
          .map(Number)
          .join(',');
        row += cell.getWidth() === 0 ? '' : `${chars}{${look}}`;
      }
      out.push(row);
    }
    return out;
  }

  /** The screen's text alone. */
  text(): string[] {
    return screenRows(this.term);
  }
}
