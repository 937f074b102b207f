/**
 * Lines to plain text, for a pipe or NO_COLOR: no escape code at all. Layouts made with a theme
 * that has `markers` already carry [-deleted-] and {+inserted+} in their text.
 */
import { inert } from './inert.js';
import type { Line } from './line.js';

export function plainLine(line: Line): string {
  let out = '';
  for (const segment of line) out += segment.text;
  return inert(out);
}

/** Lines as plain text, each ended by a newline. */
export function toPlain(lines: readonly Line[]): string {
  let out = '';
  for (const line of lines) out += plainLine(line) + '\n';
  return out;
}
