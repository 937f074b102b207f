import { EventEmitter } from 'node:events';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  openTerminal,
  RESTORE,
  SET_UP,
  type Lifecycle,
  type ProcessControl,
} from '../../../source/ui/terminal/lifecycle.js';
import { openReaderTerminal } from '../../../source/ui/terminal/reader.js';

/** A terminal stand-in: what the reader writes lands in a file; `fd` -1 makes every write fail. */
function fakeTerminal(options: { broken?: boolean } = {}) {
  const path = join(mkdtempSync(join(tmpdir(), 'gaza-terminal-')), 'tty');
  const fd = openSync(path, 'w');
  const rawModes: boolean[] = [];
  const stdout = Object.assign(new EventEmitter(), {
    fd: options.broken ? 1_000_000 : fd,
    isTTY: true,
    columns: 80,
    rows: 24,
  }) as unknown as NodeJS.WriteStream;
  const stdin = Object.assign(new EventEmitter(), {
    isTTY: true,
    setRawMode: (mode: boolean) => rawModes.push(mode),
    pause: () => undefined,
  }) as unknown as NodeJS.ReadStream;
  const ended: string[] = [];
  const control: ProcessControl = {
    raise: (signal) => void ended.push(`raise ${signal}`),
    exit: (code) => void ended.push(`exit ${code}`),
    stop: () => void ended.push('stop'),
  };
  return {
    stdout,
    stdin,
    rawModes,
    ended,
    control,
    written: () => readFileSync(path, 'utf8'),
    close: () => closeSync(fd),
  };
}

let session: Lifecycle | undefined;
afterEach(() => {
  session?.close();
  session = undefined;
  vi.restoreAllMocks();
});

const count = (text: string, part: string): number => text.split(part).length - 1;

describe('the terminal lifecycle', () => {
  it('sets the terminal up once and restores it once, in order', () => {
    const term = fakeTerminal();
    session = openTerminal(term.stdin, term.stdout, term.control);
    expect(term.written()).toBe(SET_UP);
    expect(term.rawModes).toEqual([true]);
    session.output.write('frame');
    session.close();
    session.close();
    session.output.write('late frame');
    expect(term.written()).toBe(SET_UP + 'frame' + RESTORE);
    expect(term.rawModes).toEqual([true, false]);
    term.close();
  });

  it.each([
    ['SIGTERM', 'raise SIGTERM'],
    ['SIGINT', 'raise SIGINT'],
    ['SIGHUP', 'raise SIGHUP'],
    ['SIGQUIT', 'exit 131'],
  ] as const)('on %s, stops the app, restores the terminal, then ends (%s)', (signal, how) => {
    const term = fakeTerminal();
    const listeners = process.listenerCount(signal);
    session = openTerminal(term.stdin, term.stdout, term.control);
    session.onEnd(() => term.ended.push('app unmounted'));
    process.emit(signal, signal);
    expect(term.ended).toEqual(['app unmounted', how]);
    expect(count(term.written(), RESTORE)).toBe(1);
    expect(process.listenerCount(signal)).toBe(listeners);
    term.close();
  });

  it('reports an uncaught error in one line after restoring, and exits 1', () => {
    const term = fakeTerminal();
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    session = openTerminal(term.stdin, term.stdout, term.control);
    process.emit('uncaughtException', new Error('boom'));
    expect(term.written().endsWith(RESTORE)).toBe(true);
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/^gaza-reader: internal error: Error: boom/);
    expect(term.ended).toEqual(['exit 1']);
    term.close();
  });

  it('ends by SIGHUP when a read fails with EIO or the input ends', () => {
    for (const fail of ['error', 'end'] as const) {
      const term = fakeTerminal();
      session = openTerminal(term.stdin, term.stdout, term.control);
      if (fail === 'error')
        term.stdin.emit('error', Object.assign(new Error('read EIO'), { code: 'EIO' }));
      else term.stdin.emit('end');
      expect(term.ended).toEqual(['raise SIGHUP']);
      term.close();
    }
  });

  it('ends by SIGHUP, without a word on stderr, when a write finds the terminal gone', () => {
    const term = fakeTerminal({ broken: true });
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    session = openTerminal(term.stdin, term.stdout, term.control);
    expect(term.ended).toEqual(['raise SIGHUP']);
    session.output.write('frame');
    expect(term.ended).toEqual(['raise SIGHUP']);
    expect(stderr).not.toHaveBeenCalled();
    term.close();
  });

  it('hands the terminal back on suspend, and takes it again with a redraw on SIGCONT', () => {
    const term = fakeTerminal();
    session = openTerminal(term.stdin, term.stdout, term.control);
    const redraws: string[] = [];
    session.onRedraw(() => redraws.push('redraw'));
    session.suspend();
    session.output.write('drawn while stopped');
    expect(term.ended).toEqual(['stop']);
    expect(term.written()).toBe(SET_UP + RESTORE);
    expect(term.rawModes).toEqual([true, false]);
    process.emit('SIGCONT', 'SIGCONT');
    expect(term.written()).toBe(SET_UP + RESTORE + SET_UP);
    expect(term.rawModes).toEqual([true, false, true]);
    expect(redraws).toEqual(['redraw']);
    session.redraw();
    expect(redraws).toEqual(['redraw', 'redraw']);
    term.close();
  });

  it('suspends on SIGTSTP as on Ctrl-Z', () => {
    const term = fakeTerminal();
    session = openTerminal(term.stdin, term.stdout, term.control);
    process.emit('SIGTSTP', 'SIGTSTP');
    expect(term.ended).toEqual(['stop']);
    expect(term.written().endsWith(RESTORE)).toBe(true);
    term.close();
  });

  it('draws the next frame whole after SIGCONT, though no one has asked for a redraw yet', () => {
    const term = fakeTerminal();
    const opened = openReaderTerminal(term.stdin, term.stdout, term.control);
    session = opened.terminal;
    const frame = 'Stories  5 versions\n\n  000  A top Hamas official';
    opened.writer.frame(frame, 80, 24);
    expect(term.written()).toContain('A top Hamas official');
    // Ctrl-Z, then back: the terminal is set up again, cleared, before the reader (or the first
    // stage) has anything listening for the redraw.
    session.suspend();
    process.emit('SIGCONT', 'SIGCONT');
    const back = term.written().length;
    opened.writer.frame(frame, 80, 24);
    // The same frame as before the stop, drawn again whole: not nothing, as an unchanged frame.
    expect(term.written().slice(back)).toContain('A top Hamas official');
    term.close();
  });
});
