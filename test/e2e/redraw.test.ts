import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRow } from '../../source/ui/terminal/screen.js';
import { CLI } from '../helpers/run-cli.js';
import { until } from '../helpers/wait.js';
import { tmuxServer } from './tmux.js';

/**
 * Exact redraws, in a real terminal: after any resize, each pane shows exactly what a fresh start
 * at that size, in the same place, shows (colors included, as tmux captures them). A pane at its
 * top stays at its top.
 */

const socket = `gaza-reader-redraw-${process.pid}`;
let sessions = 0;
let env: NodeJS.ProcessEnv = {};

const tmux = tmuxServer(socket, () => env);

const SGR = /\u001B\[[0-9;:]*m/g;

interface Size {
  readonly columns: number;
  readonly rows: number;
}

/** The reader in a new tmux window of `size`, started with no shell around it. */
function start(size: Size): string {
  const name = `r${++sessions}`;
  tmux(
    'new-session',
    '-d',
    '-s',
    name,
    '-x',
    String(size.columns),
    '-y',
    String(size.rows),
    `TERM=xterm-256color ${process.execPath} ${CLI}; sleep 600`,
  );
  return name;
}

/**
 * What the pane shows, as a person sees it: each row's characters, each with the SGR state it is
 * drawn in. Blanks are compared by position alone: tmux's capture also reports the attributes of
 * blank cells (a dim space, a plain space), which look the same.
 */
function capture(name: string): string {
  const rows = tmux('capture-pane', '-p', '-e', '-t', name).split('\n');
  const columns = Number(tmux('display-message', '-p', '-t', name, '#{pane_width}').trim());
  // tmux writes a look once and lets it run on into the rows after: carry it over.
  let carried = '';
  return rows
    .map((row) => {
      const cells = parseRow(carried + row, columns);
      carried += (row.match(SGR) ?? []).join('');
      return cells
        .map((cell) =>
          cell.text === ' ' || cell.text === '' ? cell.text : `${cell.style}:${cell.text}`,
        )
        .join('')
        .trimEnd();
    })
    .join('\n');
}

/**
 * The screen once it shows `ready` and has not changed for 400 ms: over tmux there is no other
 * sign that the reader is idle (in this process, tests ask its probe instead).
 */
function settled(name: string, ready: RegExp): Promise<string> {
  let last = '';
  let sameSince = Date.now();
  return until(
    () => {
      const now = capture(name);
      if (now !== last) {
        last = now;
        sameSince = Date.now();
        return false;
      }
      return ready.test(tmux('capture-pane', '-p', '-t', name)) && Date.now() - sameSince >= 400
        ? now
        : false;
    },
    `the screen to settle on ${ready}`,
    () => `it was:\n${last}`,
    { timeoutMs: 20_000, everyMs: 50 },
  );
}

interface Pane {
  readonly name: string;
  /** Keys from Stories to the pane, at its top. */
  readonly keys: readonly string[];
  /** What the status line says once the pane is drawn. */
  readonly ready: RegExp;
}

const PANES: readonly Pane[] = [
  {
    name: 'Stories',
    keys: [],
    ready: /Stories · 000 · 1 of 5[\s\S]*in 1 story|in 1 story[\s\S]*Stories · 000/,
  },
  { name: 'Reader', keys: ['Enter'], ready: /Reader · 000/ },
  {
    name: 'Search',
    keys: ['/', 'r', 'a', 'f', 'a', 'h'],
    ready: /Rafah[\s\S]* Search/,
  },
  { name: 'Compare', keys: ['c', '1'], ready: /Compare ·/ },
  { name: 'Help', keys: ['?'], ready: /Help/ },
];

const BIG: readonly Size[] = [
  { columns: 80, rows: 24 },
  { columns: 200, rows: 50 },
];

/** Open a pane at a size, from a fresh start. */
async function open(pane: Pane, size: Size): Promise<string> {
  const name = start(size);
  await settled(name, PANES[0]!.ready);
  for (const key of pane.keys) tmux('send-keys', '-t', name, key);
  await settled(name, pane.ready);
  return name;
}

const fresh = new Map<string, string>();
/** What a fresh start shows in a pane at a size (each captured once). */
async function freshScreen(pane: Pane, size: Size): Promise<string> {
  const key = `${pane.name} ${size.columns}x${size.rows}`;
  let screen = fresh.get(key);
  if (screen === undefined) {
    const name = await open(pane, size);
    screen = capture(name);
    tmux('kill-session', '-t', name);
    fresh.set(key, screen);
  }
  return screen;
}

/**
 * Resize the reader's window and wait for the screen a fresh start at that size shows; on the
 * deadline, the screen as it stands (the test then shows how it differs).
 */
async function resized(name: string, pane: Pane, size: Size): Promise<string> {
  const want = await freshScreen(pane, size);
  tmux('resize-window', '-t', name, '-x', String(size.columns), '-y', String(size.rows));
  let shown = '';
  try {
    await until(
      () => (shown = capture(name)) === want,
      'the fresh screen',
      () => shown,
      {
        timeoutMs: 20_000,
        everyMs: 50,
      },
    );
  } catch {
    // The screen as it stands: the test's comparison then shows how it differs.
  }
  return shown;
}

describe('redraws after a resize', () => {
  beforeAll(() => {
    if (spawnSync('tmux', ['-V']).status !== 0) {
      throw new Error('the end-to-end tests need tmux (apt-get install tmux)');
    }
    env = { ...process.env, TERM: 'xterm-256color' };
    // Ink draws only its last frame when CI is set.
    delete env.CI;
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    spawnSync('tmux', ['-L', socket, '-f', '/dev/null', 'start-server'], { env });
    tmux('new-session', '-d', '-s', 'idle', 'sleep 3600');
  });

  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  for (const pane of PANES) {
    for (const size of BIG) {
      it(
        `${pane.name} at ${size.columns}×${size.rows}: to 45 columns, to 60×18, and back`,
        { timeout: 120_000 },
        async () => {
          const name = await open(pane, size);
          const narrow = { columns: 45, rows: size.rows };
          const small = { columns: 60, rows: 18 };
          expect(await resized(name, pane, narrow)).toBe(await freshScreen(pane, narrow));
          expect(await resized(name, pane, size)).toBe(await freshScreen(pane, size));
          expect(await resized(name, pane, small)).toBe(await freshScreen(pane, small));
          expect(await resized(name, pane, size)).toBe(await freshScreen(pane, size));
          tmux('kill-session', '-t', name);
        },
      );
    }
  }
});
