import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RESTORE, SET_UP } from '../../source/ui/terminal/lifecycle.js';
import { hasScript, Pty } from './pty.js';

/**
 * `gaza-reader` with no arguments draws the Stories list from its first stage (source/first.ts)
 * while the reader itself loads: the terminal is set up once, keys typed meanwhile are kept, and
 * every way out restores the terminal, whenever it comes.
 */

const FIRST = /Stories · 000 · 1 of 5/;
const GROUPED = '5 versions in 1 story';

let pty: Pty | undefined;
afterEach(() => {
  pty?.dispose();
  pty = undefined;
});

beforeAll(() => {
  if (!hasScript()) throw new Error('these tests need util-linux `script` to make a pty');
});

/** The terminal was set up once and restored once, and its modes are back. */
async function expectRestored(term: Pty): Promise<void> {
  const output = await term.waitFor((text) => text.includes(RESTORE), 'the terminal restored');
  expect(output.split(SET_UP)).toHaveLength(2);
  expect(output.split(RESTORE)).toHaveLength(2);
  const { before, after } = await term.modes();
  expect(after).toBe(before);
}

describe('the first frame, before the reader is loaded', () => {
  it('keeps the keys typed as soon as the list shows, and the screen is drawn once', async () => {
    pty = new Pty();
    await pty.waitFor((text) => FIRST.test(text), 'the first frame');
    pty.send('jj');
    await pty.waitFor((text) => /Stories · 002 · 3 of 5/.test(text), 'two moves');
    await pty.waitFor((text) => text.includes(GROUPED), 'the stories grouped');
    // One whole draw after the set-up: the reader's first frame added nothing to the first
    // stage's, and later frames are differences.
    const clears = pty.output.split('\u001B[2J').length - 1;
    expect(clears).toBe(2);
    pty.send('q');
    expect(await pty.status()).toBe(0);
    await expectRestored(pty);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('restores the terminal on %s as soon as the list shows', async (signal, status) => {
    pty = new Pty();
    await pty.waitFor((text) => FIRST.test(text), 'the first frame');
    process.kill(await pty.pid(), signal);
    expect(await pty.status()).toBe(status);
    await expectRestored(pty);
  });

  it('draws the list again when brought back from the background as soon as it shows', async () => {
    pty = new Pty();
    await pty.waitFor((text) => FIRST.test(text), 'the first frame');
    const pid = await pty.pid();
    process.kill(pid, 'SIGTSTP');
    await pty.waitForState((state) => state === 'T', 'the reader to stop');
    const back = pty.mark();
    process.kill(pid, 'SIGCONT');
    // Set up again (the screen cleared), then the list, whole.
    await pty.waitFor(
      (text) => text.includes(SET_UP) && FIRST.test(text.slice(text.lastIndexOf(SET_UP))),
      'the list drawn again',
      back,
    );
    pty.send('q');
    expect(await pty.status()).toBe(0);
  });

  it('restores the terminal and says why when the reader cannot be loaded', async () => {
    // A copy of the built program whose main.js is missing: the first stage draws, then fails.
    const root = mkdtempSync(join(tmpdir(), 'gaza-first-'));
    try {
      const repo = fileURLToPath(new URL('../../', import.meta.url));
      cpSync(join(repo, 'dist'), join(root, 'dist'), { recursive: true });
      rmSync(join(root, 'dist', 'main.js'));
      cpSync(join(repo, 'package.json'), join(root, 'package.json'));
      symlinkSync(join(repo, 'seeds'), join(root, 'seeds'));
      pty = new Pty([], { cli: join(root, 'dist', 'cli.js') });
      await pty.waitFor((text) => FIRST.test(text), 'the first frame');
      expect(await pty.status()).toBe(1);
      await expectRestored(pty);
      expect(pty.stderr()).toMatch(/^gaza-reader: internal error: .*main\.js/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('leaves a terminal too small for the list to the reader, which says so', async () => {
    pty = new Pty([], { columns: 30, rows: 8 });
    await pty.waitFor((text) => text.includes('Terminal too small'), 'the too-small screen');
    pty.send('q');
    expect(await pty.status()).toBe(0);
    await expectRestored(pty);
  });
});
