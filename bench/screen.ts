/** What a headless terminal (xterm.js) shows: its screen as text, a string per row. */
import type xterm from '@xterm/headless';

export function screenRows(term: xterm.Terminal): string[] {
  const buffer = term.buffer.active;
  const rows: string[] = [];
  for (let r = 0; r < term.rows; r++) {
    rows.push(buffer.getLine(buffer.viewportY + r)?.translateToString(true) ?? '');
  }
  return rows;
}
