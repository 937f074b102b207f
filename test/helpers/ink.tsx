import React from 'react';
import { render } from 'ink-testing-library';
import type { Corpus, Version } from '../../source/corpus/types.js';
import { App, type ReaderProbe } from '../../source/ui/app.js';
import type { TerminalControl } from '../../source/ui/terminal/lifecycle.js';
import { colorTheme, type Theme } from '../../source/ui/theme.js';
import { until } from './wait.js';

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  home: '\u001B[H',
  end: '\u001B[F',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
  ctrlD: '\u0004',
  ctrlU: '\u0015',
  ctrlC: '\u0003',
  ctrlL: '\u000C',
  ctrlZ: '\u001A',
} as const;

/** Bracketed paste, as a terminal sends pasted text once the reader has asked for it. */
export const pasted = (text: string): string => `\u001B[200~${text}\u001B[201~`;

export { until } from './wait.js';

export interface Driven {
  /** The frame on screen now. */
  frame(): string;
  /** Send each argument as its own read, then wait for the frame that shows them all. */
  press(...keys: string[]): Promise<string>;
  /** Type text one character (one read) at a time. */
  type(text: string): Promise<string>;
  /** Wait until the frame on screen passes `test`. */
  waitFor(test: (frame: string) => boolean, what?: string): Promise<string>;
  resize(columns: number, rows?: number): Promise<string>;
  /** Whether the app has exited (q from Stories, Ctrl-C). */
  exited(): boolean;
  unmount(): void;
}

/** Render the reader as a user would see it, in a 100-column test terminal. */
export async function drive(
  corpus: Corpus,
  options: {
    theme?: Theme;
    pair?: readonly [Version, Version];
    exact?: boolean;
    terminal?: TerminalControl;
  } = {},
): Promise<Driven> {
  let probe: ReaderProbe | null = null;
  const instance = render(
    <App
      corpus={corpus}
      theme={options.theme ?? colorTheme}
      initialPair={options.pair}
      exact={options.exact ?? false}
      terminal={options.terminal}
      probe={(p) => (probe = p)}
    />,
  );
  const frame = (): string => instance.lastFrame() ?? '';
  const idle = (): Promise<unknown> =>
    until(() => probe?.idle() ?? false, 'the reader to draw its frame', frame);
  const driven: Driven = {
    frame,
    async press(...keys) {
      for (const key of keys) instance.stdin.write(key);
      await idle();
      return frame();
    },
    async type(text) {
      for (const ch of text) instance.stdin.write(ch);
      await idle();
      return frame();
    },
    async waitFor(test, what = 'the expected frame') {
      await until(() => test(frame()), what, frame);
      return frame();
    },
    async resize(columns, rows) {
      Object.defineProperty(instance.stdout, 'columns', { value: columns, configurable: true });
      if (rows !== undefined)
        Object.defineProperty(instance.stdout, 'rows', { value: rows, configurable: true });
      instance.stdout.emit('resize');
      await idle();
      return frame();
    },
    exited: () => probe?.quitting() ?? false,
    unmount: () => instance.unmount(),
  };
  await idle();
  return driven;
}

/** Strip SGR codes, to read a frame as plain text. */
export const plain = (frame: string): string => frame.replace(/\u001B\[[0-9;]*m/g, '');
