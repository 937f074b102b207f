import { writeSync } from 'node:fs';

/**
 * The terminal's modes that the reader changes, and their restoration on every way out: `q`,
 * Ctrl-C, SIGTERM, SIGHUP (an SSH link dropping), SIGINT and an uncaught error. Ink 6 has no
 * alternate screen of its own.
 */

// The alternate screen keeps the cursor's row; Ink draws from the cursor, so start at the top.
const ENTER_ALT_SCREEN = '\u001B[?1049h\u001B[2J\u001B[H';
const LEAVE_ALT_SCREEN = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';
const RESET_ATTRIBUTES = '\u001B[0m';

export interface TerminalSession {
  /** Leave the alternate screen, show the cursor and leave raw mode; safe to call twice. */
  restore(): void;
}

export function enterTerminal(
  stdout: NodeJS.WriteStream,
  stdin: NodeJS.ReadStream,
): TerminalSession {
  const fd = (stdout as { fd?: number }).fd ?? 1;
  let restored = false;
  const write = (text: string): void => {
    try {
      writeSync(fd, text);
    } catch {
      // The terminal may be gone (SIGHUP); nothing left to restore then.
    }
  };
  const restore = (): void => {
    if (restored) return;
    restored = true;
    try {
      if (stdin.isTTY) stdin.setRawMode(false);
    } catch {
      // stdin may already be closed.
    }
    write(RESET_ATTRIBUTES + LEAVE_ALT_SCREEN + SHOW_CURSOR);
    for (const [signal, handler] of handlers) process.off(signal, handler);
    process.off('exit', restore);
    process.off('uncaughtException', onError);
    process.off('unhandledRejection', onError);
  };
  const onError = (error: unknown): void => {
    restore();
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`gaza-reader: internal error: ${message}\n`);
    process.exit(1);
  };
  const exitCodes: Record<string, number> = { SIGTERM: 143, SIGHUP: 129, SIGINT: 130 };
  const handlers = (['SIGTERM', 'SIGHUP', 'SIGINT'] as const).map(
    (signal) =>
      [
        signal,
        () => {
          restore();
          process.exit(exitCodes[signal]);
        },
      ] as const,
  );
  for (const [signal, handler] of handlers) process.on(signal, handler);
  process.on('exit', restore);
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
  write(ENTER_ALT_SCREEN);
  return { restore };
}
