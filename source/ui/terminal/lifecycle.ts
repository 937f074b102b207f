import { EventEmitter } from 'node:events';
import { writeSync } from 'node:fs';

/**
 * The terminal's lifecycle, in one place. It sets the terminal up once (alternate screen, hidden
 * cursor, raw mode, bracketed paste) and restores it once, on every way out: q and Ctrl-C (the
 * app closes it), SIGTERM, SIGINT, SIGHUP, SIGQUIT, an uncaught error, and the terminal going
 * away (EIO, or EPIPE on the tty, as when an SSH link drops). Ctrl-Z and SIGTSTP hand the
 * terminal back and stop; SIGCONT takes it again and asks for a full redraw.
 *
 * When the terminal has gone, the process ends by SIGHUP re-raised on itself (a shell reports
 * 129): Node 20 aborts in ResetStdio if a process exits normally after its terminal hung up.
 */

export const ENTER_ALT_SCREEN = '\u001B[?1049h';
export const LEAVE_ALT_SCREEN = '\u001B[?1049l';
export const HIDE_CURSOR = '\u001B[?25l';
export const SHOW_CURSOR = '\u001B[?25h';
export const PASTE_ON = '\u001B[?2004h';
export const PASTE_OFF = '\u001B[?2004l';
export const RESET_ATTRIBUTES = '\u001B[0m';
/** Clear the screen and put the cursor at the top: Ink draws from the cursor. */
export const CLEAR_SCREEN = '\u001B[2J\u001B[H';

/** Everything set up, in order; the alternate screen keeps the cursor's row, so clear it. */
export const SET_UP = ENTER_ALT_SCREEN + CLEAR_SCREEN + HIDE_CURSOR + PASTE_ON;
/** Everything restored, in order. */
export const RESTORE = PASTE_OFF + RESET_ATTRIBUTES + LEAVE_ALT_SCREEN + SHOW_CURSOR;

/** Error codes that mean the terminal is gone: reads and writes on a hung-up tty. */
const GONE_CODES: ReadonlySet<string> = new Set(['EIO', 'EPIPE', 'ENXIO', 'EBADF']);

export function isTerminalGone(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && GONE_CODES.has(code);
}

/** What the reader's components may ask of the terminal. */
export interface TerminalControl {
  /** Redraw the whole screen (Ctrl-L). */
  redraw(): void;
  /** Hand the terminal back to the shell and stop (Ctrl-Z). */
  suspend(): void;
  /** Call `listener` whenever the screen must be drawn afresh; returns an unsubscribe. */
  onRedraw(listener: () => void): () => void;
}

/**
 * The stream Ink writes frames to: the terminal, until it is restored or gone, then nothing.
 * It is the seam for a frame writer that sits between Ink and the terminal: whatever is passed
 * to Ink as `stdout` only needs `write`, `columns`, `rows`, `isTTY` and the 'resize' event.
 */
export class TerminalOutput extends EventEmitter {
  readonly isTTY = true;
  private open = true;

  constructor(
    private readonly terminal: NodeJS.WriteStream,
    private readonly send: (text: string) => boolean,
  ) {
    super();
    terminal.on('resize', () => this.emit('resize'));
  }

  get columns(): number {
    return this.terminal.columns;
  }

  get rows(): number {
    return this.terminal.rows;
  }

  /** Ink skips its final writes to a stream that is not writable. */
  get writable(): boolean {
    return this.open;
  }

  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
    if (this.open) this.send(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
    const callback = rest.find((r): r is () => void => typeof r === 'function');
    callback?.();
    return true;
  }

  /** Drop frames from now on: the terminal is restored, suspended or gone. */
  close(): void {
    this.open = false;
  }

  reopen(): void {
    this.open = true;
  }
}

export interface Lifecycle extends TerminalControl {
  /** The stream to give Ink as stdout. */
  readonly output: TerminalOutput;
  /** Called once, first thing on every way out, to stop drawing (unmount Ink). */
  onEnd(listener: () => void): void;
  /** Restore the terminal and stop listening; safe to call more than once. */
  close(): void;
}

/** What the lifecycle does to its own process; tests replace it. */
export interface ProcessControl {
  /** End with this signal, raised on ourselves once our handlers are gone. */
  raise(signal: NodeJS.Signals): void;
  exit(code: number): void;
  /** Stop until SIGCONT. */
  stop(): void;
}

const realProcess: ProcessControl = {
  raise: (signal) => {
    // With no listener left, Node restores the default action, and the signal ends us.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  },
  exit: (code) => process.exit(code),
  stop: () => process.kill(process.pid, 'SIGSTOP'),
};

/** Signals that end the reader, and how. SIGQUIT exits with its code rather than dump core. */
const ENDINGS = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT'] as const;

export function openTerminal(
  stdin: NodeJS.ReadStream,
  stdout: NodeJS.WriteStream,
  control: ProcessControl = realProcess,
): Lifecycle {
  const fd = (stdout as { fd?: number }).fd ?? 1;
  const redrawListeners = new Set<() => void>();
  const endListeners: (() => void)[] = [];
  let state: 'up' | 'suspended' | 'closing' | 'closed' = 'up';
  /** A read or write failed because the terminal is gone: nothing more can be written. */
  let gone = false;
  let hangingUp = false;

  /** Write to the terminal at once, in order; false if it is gone. */
  const send = (text: string): boolean => {
    if (gone) return false;
    try {
      let written = 0;
      const bytes = Buffer.from(text);
      while (written < bytes.length) written += writeSync(fd, bytes, written);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        stdout.write(text);
        return true;
      }
      if (isTerminalGone(error)) {
        gone = true;
        hangUp();
      }
      return false;
    }
  };
  const output = new TerminalOutput(stdout, send);

  const setRaw = (raw: boolean): void => {
    try {
      if (stdin.isTTY) stdin.setRawMode(raw);
    } catch (error) {
      if (raw && isTerminalGone(error)) {
        gone = true;
        hangUp();
      }
    }
  };

  // Input flows once the app listens for keys, so none typed before it is lost.
  const setUp = (): void => {
    setRaw(true);
    send(SET_UP);
  };

  const restoreModes = (): void => {
    setRaw(false);
    send(RESTORE);
  };

  const end = (): void => {
    for (const listener of endListeners.splice(0)) {
      try {
        listener();
      } catch {
        // Ending goes on: the terminal must be restored whatever the app does.
      }
    }
  };

  const close = (): void => {
    if (state === 'closed' || state === 'closing') return;
    const wasUp = state === 'up';
    state = 'closing';
    end();
    output.close();
    if (wasUp) restoreModes();
    state = 'closed';
    stdin.pause();
    stop();
  };

  /**
   * The terminal hung up (SIGHUP), or a read or write on it failed: restore what can be
   * restored, then end by SIGHUP. Node 20 aborts in ResetStdio if a process exits normally after
   * its terminal hung up, so the process never exits normally from here.
   */
  function hangUp(): void {
    if (hangingUp) return;
    hangingUp = true;
    close();
    control.raise('SIGHUP');
  }

  const onSignal = (signal: (typeof ENDINGS)[number]): void => {
    if (signal === 'SIGHUP') return hangUp();
    close();
    if (signal === 'SIGQUIT') control.exit(131);
    else control.raise(signal);
  };
  const signalHandlers = ENDINGS.map((signal) => [signal, () => onSignal(signal)] as const);

  const suspend = (): void => {
    if (state !== 'up') return;
    output.close();
    restoreModes();
    state = 'suspended';
    control.stop();
  };
  const onContinue = (): void => {
    // Also sent by hand (kill -CONT) while running: set up again and redraw all the same.
    if (state !== 'suspended' && state !== 'up') return;
    state = 'up';
    setUp();
    if (gone) return;
    output.reopen();
    redraw();
  };

  const redraw = (): void => {
    if (state !== 'up') return;
    for (const listener of redrawListeners) listener();
  };

  const onError = (error: unknown): void => {
    if (isTerminalGone(error)) return hangUp();
    close();
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`gaza-reader: internal error: ${message}\n`);
    control.exit(1);
  };
  const onStreamError = (error: unknown): void => {
    if (isTerminalGone(error)) hangUp();
    else onError(error);
  };
  // In raw mode Ctrl-D is a key: the end of input means the terminal hung up.
  const onInputEnd = (): void => hangUp();

  // Node's own listener type: every handler here takes what its event gives, or nothing.
  type Listener = Parameters<NodeJS.EventEmitter['on']>[1];
  const listening: [NodeJS.EventEmitter, string, Listener][] = [
    ...signalHandlers.map(([signal, handler]): [NodeJS.EventEmitter, string, Listener] => [
      process,
      signal,
      handler,
    ]),
    [process, 'SIGTSTP', suspend],
    [process, 'SIGCONT', onContinue],
    [process, 'uncaughtException', onError],
    [process, 'unhandledRejection', onError],
    [process, 'exit', close],
    [stdin, 'error', onStreamError],
    [stdin, 'end', onInputEnd],
    [stdout, 'error', onStreamError],
  ];
  function stop(): void {
    for (const [emitter, event, listener] of listening) emitter.off(event, listener);
  }
  for (const [emitter, event, listener] of listening) emitter.on(event, listener);
  setUp();

  return {
    output,
    redraw,
    suspend,
    onRedraw(listener) {
      redrawListeners.add(listener);
      return () => redrawListeners.delete(listener);
    },
    onEnd(listener) {
      endListeners.push(listener);
    },
    close,
  };
}
