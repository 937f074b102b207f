import xterm from '@xterm/headless';
/**
 * The built reader in a pseudo-terminal, for the lifecycle tests. util-linux `script` owns the
 * pty; inside it a small sh records the terminal's modes before and after the reader, the reader's
 * exit status and its stderr, in files: the status survives the terminal going away, where the
 * pty's own output does not. The sh ignores SIGHUP so it outlives a hung-up terminal; Node resets
 * every signal to its default at start, so the reader does not inherit that.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { screenRows } from '../../bench/screen.js';
import { CLI } from '../helpers/run-cli.js';
import { until as waitUntil } from '../helpers/wait.js';

const WAIT_MS = 20_000;

/** Whether util-linux `script` is here to make a pty. */
export function hasScript(): boolean {
  return spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout?.includes('util-linux');
}

const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/** The parent pid and state letter in a /proc/<pid>/stat line (the name may hold spaces). */
function statOf(pid: number): { ppid: number; state: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, ppid: Number(fields[1]) };
  } catch {
    return null;
  }
}

function descendantsOf(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(Number(entry));
    if (stat) parents.set(Number(entry), stat.ppid);
  }
  const found: number[] = [];
  const walk = (pid: number): void => {
    for (const [child, parent] of parents) {
      if (parent === pid) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(root);
  return found;
}

/** Resolve once `ready()` holds, checking after each turn of the event loop; fail at the deadline. */
/** Wait for a condition on the reader's process or its terminal: checked every 5 ms. */
function until<T>(ready: () => T | null | false, what: string, show: () => string): Promise<T> {
  return waitUntil(ready, what, show, { timeoutMs: WAIT_MS, everyMs: 5 });
}

export class Pty {
  private readonly dir = mkdtempSync(join(tmpdir(), 'gaza-pty-'));
  private readonly child: ChildProcess;
  private readonly decoder = new StringDecoder('utf8');
  /** Everything the reader (and the sh) wrote to the terminal. */
  output = '';
  private readerPid: number | null = null;
  /**
   * What the terminal shows. The reader draws each frame as the difference from the last, so a
   * line on screen need not appear whole in the output written since a mark.
   */
  private readonly emulator: xterm.Terminal;
  private screenText = '';

  /** `cli`: the program to run (default: the built one, dist/cli.js). */
  constructor(args: readonly string[] = [], { columns = 80, rows = 24, cli = CLI } = {}) {
    const file = (name: string): string => quote(join(this.dir, name));
    const node = [process.execPath, cli, ...args].map(quote).join(' ');
    const script =
      `stty rows ${rows} cols ${columns}; stty -g > ${file('before')}; trap '' HUP; ` +
      `${node} 2> ${file('stderr')}; echo $? > ${file('status')}; stty -g > ${file('after')}`;
    const env: NodeJS.ProcessEnv = { ...process.env, TERM: 'xterm-256color' };
    // Ink draws only its last frame when CI is set.
    delete env.CI;
    // `script` runs the line in $SHELL, or /bin/sh where none is set. dash, Debian's sh, writes
    // "Terminated" or "Hangup" into the reader's stderr file when a signal ends it; bash does not.
    env.SHELL = '/bin/bash';
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    this.child = spawn('script', ['-qfec', script, '/dev/null'], {
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.emulator = new xterm.Terminal({ cols: columns, rows, allowProposedApi: true });
    this.child.stdout!.on('data', (chunk: Buffer) => {
      this.output += this.decoder.write(chunk);
      this.emulator.write(chunk, () => {
        this.screenText = screenRows(this.emulator).join('\n');
      });
    });
    this.child.stderr!.resume();
    this.child.stdin!.on('error', () => undefined);
  }

  /** A place in the output: what was written before it. */
  mark(): number {
    return this.output.length;
  }

  /**
   * Wait until the output written since `from` passes `test`, or, once something was written
   * since, that output with the screen as it now stands after it.
   */
  async waitFor(test: (text: string) => boolean, what: string, from = 0): Promise<string> {
    const passes = (): string | false => {
      const written = this.output.slice(from);
      if (test(written)) return written;
      const shown = `${written}\n${this.screenText}`;
      return written !== '' && test(shown) ? shown : false;
    };
    return until(
      passes,
      what,
      () => `the pty's last output was ${JSON.stringify(this.output.slice(-1500))}`,
    );
  }

  /** Send bytes as the terminal would (one write); returns the mark before them. */
  send(bytes: string): number {
    const mark = this.mark();
    this.child.stdin!.write(bytes);
    return mark;
  }

  /** The reader's process id, once it runs. */
  async pid(): Promise<number> {
    if (this.readerPid !== null) return this.readerPid;
    const node = realpathSync(process.execPath);
    this.readerPid = await until(
      () =>
        descendantsOf(this.child.pid!).find((pid) => {
          try {
            return readlinkSync(`/proc/${pid}/exe`) === node;
          } catch {
            return false;
          }
        }) ?? null,
      'the reader to start',
      () => 'no node process under script',
    );
    return this.readerPid;
  }

  /** The reader's state letter in /proc: R or S running, T stopped; null once it has ended. */
  async state(): Promise<string | null> {
    return statOf(await this.pid())?.state ?? null;
  }

  async waitForState(test: (state: string | null) => boolean, what: string): Promise<void> {
    const pid = await this.pid();
    await until(
      () => test(statOf(pid)?.state ?? null),
      what,
      () => `state ${statOf(pid)?.state}`,
    );
  }

  /** The reader's exit status as the sh saw it ($?: 128 + n for signal n). */
  async status(): Promise<number> {
    const path = join(this.dir, 'status');
    const text = await until(
      () =>
        existsSync(path) && /\d\n/.test(readFileSync(path, 'utf8')) && readFileSync(path, 'utf8'),
      'the reader to end',
      () => `the pty's last output was ${JSON.stringify(this.output.slice(-800))}`,
    );
    return Number(text.trim());
  }

  stderr(): string {
    return readFileSync(join(this.dir, 'stderr'), 'utf8');
  }

  /** The terminal's modes (stty -g) before the reader started and after it ended. */
  async modes(): Promise<{ before: string; after: string }> {
    const after = join(this.dir, 'after');
    await until(
      () => existsSync(after) && readFileSync(after, 'utf8').length > 0,
      'stty',
      () => '',
    );
    return {
      before: readFileSync(join(this.dir, 'before'), 'utf8'),
      after: readFileSync(after, 'utf8'),
    };
  }

  /** Close the terminal, as when an SSH link drops: the pty's owner dies and its master closes. */
  hangUp(): void {
    this.child.kill('SIGKILL');
  }

  /** Make sure nothing is left running. */
  dispose(): void {
    if (this.readerPid !== null && statOf(this.readerPid)) {
      try {
        process.kill(this.readerPid, 'SIGKILL');
      } catch {
        // Gone between the look and the kill.
      }
    }
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}
