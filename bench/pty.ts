/**
 * The built reader in a pseudo-terminal, driven as a user drives it. util-linux `script` owns
 * the pty: it copies our pipe to the terminal's input and the terminal's output to our pipe, so
 * no native module is needed. Ink draws only its last frame when CI is set, so CI is unset.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import xterm from '@xterm/headless';
import { OutputLog, type Mark } from './output-log.js';
import { screenRows } from './screen.js';

export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

export interface PtyOptions {
  /** Arguments for the CLI. */
  readonly args?: readonly string[];
  /** Run these arguments to node instead of the CLI (to time node's own start, say). */
  readonly nodeArgs?: readonly string[];
  readonly columns?: number;
  readonly rows?: number;
}

/** Whether util-linux `script` is here to make the pty. */
export function hasScript(): boolean {
  return spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout?.includes('util-linux');
}

/** A word for sh, quoted. */
export function shellQuote(word: string): string {
  return /^[\w./=:-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command `script` runs in the pty: size it, then become the reader. */
export function ptyCommand(node: string, cli: string, options: PtyOptions = {}): string {
  const { args = [], columns = 80, rows = 24 } = options;
  const program = [node, ...(options.nodeArgs ?? [cli, ...args])].map(shellQuote).join(' ');
  return `stty rows ${rows} cols ${columns}; exec ${program}`;
}

/** The parent pid in a /proc/<pid>/stat line (the command name may hold spaces or parens). */
export function parentPidOf(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[1]);
}

/** A VmHWM (peak resident set) from /proc/<pid>/status, in bytes; null if absent. */
export function peakRssOf(status: string): number | null {
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) * 1024 : null;
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (parentPidOf(readFileSync(`/proc/${entry}/stat`, 'utf8')) === pid) {
        children.push(Number(entry));
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

/** Chunks further apart than this belong to different frames (Ink's throttle is 33 ms). */
export const FRAME_GAP_MS = 15;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class PtySession {
  readonly log = new OutputLog();
  /** performance.now() just before the spawn. */
  readonly startedAt: number;
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;
  /** performance.now() when `script`, and so the program in the pty, exited; null while running. */
  exitedAt: number | null = null;
  private readonly listeners = new Set<() => void>();
  /** What the terminal shows: the reader draws frames as differences, so raw text is not enough. */
  private readonly emulator = new xterm.Terminal({ cols: 80, rows: 24, allowProposedApi: true });
  #screenText = '';

  /** What the terminal shows now, row by row. */
  get screenText(): string {
    return this.#screenText;
  }

  constructor(options: PtyOptions = {}) {
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
    delete env.CI;
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    this.startedAt = performance.now();
    this.child = spawn(
      'script',
      ['-qfec', ptyCommand(process.execPath, CLI, options), '/dev/null'],
      { env, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    this.child.stdout!.on('data', (chunk: Buffer) => {
      this.log.add(chunk, performance.now());
      for (const listener of this.listeners) listener();
      this.emulator.write(chunk, () => {
        this.#screenText = this.screen();
        for (const listener of this.listeners) listener();
      });
    });
    this.child.stderr!.resume();
    // A key sent as the reader exits has nowhere to go; that is not the benchmark's failure.
    this.child.stdin!.on('error', () => undefined);
    this.exited = new Promise((resolve) =>
      this.child.on('exit', (code) => {
        this.exitedAt = performance.now();
        resolve(code);
      }),
    );
  }

  /** The terminal's screen as text, a line per row. */
  screen(): string {
    return screenRows(this.emulator).join('\n');
  }

  /**
   * Wait until `test` holds for the text written since `from` (null: since the start), or for
   * the screen as it stands; resolves with the time the last chunk arrived.
   */
  waitFor(test: (text: string) => boolean, from: Mark | null = null, timeoutMs = 20_000) {
    const start: Mark = from ?? { bytes: 0, text: 0, at: this.startedAt };
    return new Promise<number>((resolve, reject) => {
      const check = (): boolean => {
        const written = this.log.textSince(start);
        if (!test(written) && !(written !== '' && test(this.screenText))) return false;
        done();
        resolve(this.log.lastAt);
        return true;
      };
      const timer = setTimeout(() => {
        done();
        const tail = this.log.textSince(start).slice(-2000);
        reject(new Error(`timed out; the pty's last output was:\n${JSON.stringify(tail)}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = (): void => void check();
      this.listeners.add(listener);
      check();
    });
  }

  /** Wait until nothing has been written for `quietMs` since `from`. */
  async settle(from: Mark, quietMs: number, timeoutMs = 20_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!this.log.isQuiet(from, performance.now(), quietMs)) {
      if (performance.now() > deadline) throw new Error('the reader never went quiet');
      await pause(10);
    }
  }

  send(keys: string): Mark {
    const mark = this.log.mark(performance.now());
    this.child.stdin!.write(keys);
    return mark;
  }

  /**
   * Send keys and count what the terminal receives until it has been quiet for `quietMs`: the
   * bytes, the frames (bursts apart by FRAME_GAP_MS), and the time from the keys to the last byte.
   */
  async keystroke(
    keys: string,
    quietMs = 150,
  ): Promise<{ bytes: number; text: string; frames: number; lastByteMs: number }> {
    const mark = this.send(keys);
    await this.settle(mark, quietMs);
    return {
      bytes: this.log.bytesSince(mark),
      text: this.log.textSince(mark),
      frames: this.log.framesSince(mark, FRAME_GAP_MS),
      lastByteMs: this.log.bytesSince(mark) > 0 ? this.log.lastAt - mark.at : 0,
    };
  }

  /**
   * The reader's own process: the child of `script`, once it has become node. (Its name and
   * command line say "gaza-reader" once it sets its title, so look at what it runs.)
   */
  appPid(): number | null {
    const pid = this.child.pid;
    if (pid === undefined) return null;
    const node = realpathSync(process.execPath);
    for (const child of childrenOf(pid)) {
      try {
        if (readlinkSync(`/proc/${child}/exe`) === node) return child;
      } catch {
        // Gone already.
      }
    }
    return null;
  }

  /** The reader's peak resident set so far, in bytes. */
  peakRss(): number {
    const pid = this.appPid();
    if (pid === null) throw new Error('the reader is not running');
    const peak = peakRssOf(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (peak === null) throw new Error(`no VmHWM in /proc/${pid}/status`);
    return peak;
  }

  /** Milliseconds from the spawn to the exit of a program that ends by itself (`node -e 0`). */
  async runTime(timeoutMs = 20_000): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const result = await Promise.race([this.exited, timeout]);
    clearTimeout(timer);
    if (result === 'timeout') {
      await this.close();
      throw new Error(`the program in the pty did not exit within ${timeoutMs} ms`);
    }
    return this.exitedAt! - this.startedAt;
  }

  /** Quit with Ctrl-C, and make sure the processes are gone. */
  async close(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.stdin!.write('\u0003');
    const timeout = pause(5000).then(() => 'timeout' as const);
    const result = await Promise.race([this.exited, timeout]);
    if (result !== 'timeout') return result;
    const app = this.appPid();
    if (app !== null) process.kill(app, 'SIGKILL');
    this.child.kill('SIGKILL');
    return this.exited;
  }
}
