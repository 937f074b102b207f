import { toAnsi } from '../render/ansi.js';
import type { Line } from '../render/line.js';
import { toPlain } from '../render/plain.js';
import { colorTheme } from '../render/theme.js';
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

/** Lines as the command prints them: SGR colors, or plain text. The last step of every command. */
export function serialize(lines: readonly Line[], out: Output): string {
  return out.style.enabled ? toAnsi(lines, colorTheme) : toPlain(lines);
}
