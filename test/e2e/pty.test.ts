import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLEAR_SCREEN, RESTORE, SET_UP, SHOW_CURSOR } from '../../source/ui/terminal/lifecycle.js';
import { hasScript, Pty } from './pty.js';

/**
 * The terminal lifecycle of the built reader, in a real pseudo-terminal: every way out restores
 * the terminal once, and the terminal going away ends the reader by SIGHUP, never by a crash.
 */

const STORIES = '5 versions in 1 story';
const STATUS = /Stories · 000 · 1 of 5/;

/**
 * What the reader wrote to stderr that a person would read. Ink's cursor library (restore-cursor)
 * writes a cursor-show sequence to stderr as any process that hid the cursor exits normally.
 */
const readable = (stderr: string): string => stderr.replaceAll(SHOW_CURSOR, '');

let pty: Pty | undefined;
afterEach(() => {
  pty?.dispose();
  pty = undefined;
});

beforeAll(() => {
  // Fail loudly: a lifecycle left untested because a tool is missing is not a pass.
  if (!hasScript()) throw new Error('these tests need util-linux `script` to make a pty');
});

async function started(): Promise<Pty> {
  pty = new Pty();
  await pty.waitFor((text) => text.includes(STORIES) && STATUS.test(text), 'the stories pane');
  return pty;
}

/** The terminal was set up once and restored once, after the last frame, and its modes are back. */
async function expectRestored(term: Pty): Promise<void> {
  const output = await term.waitFor((text) => text.includes(RESTORE), 'the terminal restored');
  expect(output.split(SET_UP)).toHaveLength(2);
  expect(output.split(RESTORE)).toHaveLength(2);
  expect(output.indexOf(RESTORE)).toBeGreaterThan(output.indexOf(SET_UP));
  const { before, after } = await term.modes();
  expect(after).toBe(before);
}

describe('the reader in a pseudo-terminal', () => {
  it.each([
    ['q', 'q', 0],
    ['Ctrl-C', '\u0003', 0],
  ] as const)('quits on %s and gives the terminal back', async (_name, key, status) => {
    const term = await started();
    term.send(key);
    expect(await term.status()).toBe(status);
    await expectRestored(term);
    expect(readable(term.stderr())).toBe('');
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
    ['SIGQUIT', 131],
  ] as const)('restores the terminal on %s and ends with status %i', async (signal, status) => {
    const term = await started();
    process.kill(await term.pid(), signal);
    expect(await term.status()).toBe(status);
    await expectRestored(term);
    expect(readable(term.stderr())).toBe('');
  });

  it('ends by SIGHUP, quietly, when the terminal goes away', async () => {
    const term = await started();
    term.hangUp();
    // The sh in the pty outlives it and records how the reader ended: 129, not 139 (SIGSEGV),
    // 134 (abort) or 1 with a stack trace.
    expect(await term.status()).toBe(129);
    expect(readable(term.stderr())).toBe('');
  });

  it('ends by SIGHUP when the terminal goes away and SIGHUP follows, as from a login shell', async () => {
    const term = await started();
    const pid = await term.pid();
    term.hangUp();
    process.kill(pid, 'SIGHUP');
    expect(await term.status()).toBe(129);
    expect(readable(term.stderr())).toBe('');
  });

  const suspenders: [string, (term: Pty) => Promise<void>][] = [
    ['Ctrl-Z', async (term) => void term.send('\u001A')],
    ['SIGTSTP', async (term) => process.kill(await term.pid(), 'SIGTSTP') && undefined],
  ];
  it.each(suspenders)(
    'hands the terminal back and stops on %s, and takes it again on SIGCONT',
    async (_name, suspend) => {
      const term = await started();
      const before = term.mark();
      await suspend(term);
      await term.waitForState((state) => state === 'T', 'the reader to stop');
      // The pty's output reaches us through \`script\`, maybe after the reader has stopped.
      await term.waitFor((text) => text.includes(RESTORE), 'the terminal handed back', before);
      const resumed = term.mark();
      process.kill(await term.pid(), 'SIGCONT');
      // Set up again and drawn at once: the whole frame, though nothing in it changed.
      const again = await term.waitFor(
        (text) => text.includes(SET_UP) && text.includes(STORIES) && STATUS.test(text),
        'the reader to draw its screen again',
        resumed,
      );
      expect(again.indexOf(STORIES)).toBeGreaterThan(again.indexOf(SET_UP));
      // And it still takes keys.
      const moved = term.send('j');
      await term.waitFor((text) => /2 of 5/.test(text), 'the cursor to move', moved);
      term.send('q');
      expect(await term.status()).toBe(0);
      const { before: modes, after } = await term.modes();
      expect(after).toBe(modes);
    },
  );

  it('redraws the whole screen on Ctrl-L', async () => {
    const term = await started();
    const mark = term.send('\u000C');
    const redrawn = await term.waitFor(
      (text) => text.includes(CLEAR_SCREEN) && text.includes(STORIES) && STATUS.test(text),
      'the whole screen drawn again',
      mark,
    );
    expect(redrawn.indexOf(STORIES)).toBeGreaterThan(redrawn.indexOf(CLEAR_SCREEN));
    term.send('q');
    expect(await term.status()).toBe(0);
  });

  it('survives terminal replies and keeps taking keys', async () => {
    const term = await started();
    const mark = term.send('\u001B[0n\u001B[31m\u001B[?1;2c\u001B[12;40Rj');
    await term.waitFor((text) => /2 of 5/.test(text), 'the cursor to move', mark);
    term.send('q');
    expect(await term.status()).toBe(0);
    expect(readable(term.stderr())).toBe('');
  });
});
