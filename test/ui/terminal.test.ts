import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enterTerminal } from '../../source/ui/hooks/terminal.js';

const LEAVE = '\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';

/** A terminal stand-in: what the reader writes lands in a file we can read back. */
function fakeTerminal() {
  const path = join(mkdtempSync(join(tmpdir(), 'gaza-terminal-')), 'tty');
  const fd = openSync(path, 'w');
  const rawModes: boolean[] = [];
  const stdout = { fd } as unknown as NodeJS.WriteStream;
  const stdin = {
    isTTY: true,
    setRawMode: (mode: boolean) => rawModes.push(mode),
  } as unknown as NodeJS.ReadStream;
  return {
    stdout,
    stdin,
    rawModes,
    written: () => readFileSync(path, 'utf8'),
    close: () => closeSync(fd),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the terminal session', () => {
  it('enters the alternate screen at the top, and restores the terminal once', () => {
    const term = fakeTerminal();
    const session = enterTerminal(term.stdout, term.stdin);
    expect(term.written()).toBe('\u001B[?1049h\u001B[2J\u001B[H');
    session.restore();
    session.restore();
    expect(term.written().endsWith(LEAVE + SHOW_CURSOR)).toBe(true);
    expect(term.written().split(LEAVE)).toHaveLength(2);
    expect(term.rawModes).toEqual([false]);
    term.close();
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
    ['SIGINT', 130],
  ] as const)('restores the terminal on %s and exits with %i', (signal, code) => {
    const term = fakeTerminal();
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const listeners = process.listenerCount(signal);
    enterTerminal(term.stdout, term.stdin);
    process.emit(signal, signal);
    expect(term.written().endsWith(LEAVE + SHOW_CURSOR)).toBe(true);
    expect(exit).toHaveBeenCalledWith(code);
    expect(process.listenerCount(signal)).toBe(listeners);
    term.close();
  });

  it('restores the terminal on an uncaught error, then reports it', () => {
    const term = fakeTerminal();
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    enterTerminal(term.stdout, term.stdin);
    process.emit('uncaughtException', new Error('boom'));
    expect(term.written().endsWith(LEAVE + SHOW_CURSOR)).toBe(true);
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/^gaza-reader: internal error: Error: boom/);
    expect(exit).toHaveBeenCalledWith(1);
    term.close();
  });
});
