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
