import React from 'react';
import { render } from 'ink-testing-library';
import type { Corpus, Version } from '../../source/corpus/types.js';
import { App } from '../../source/ui/app.js';
import { colorTheme, type Theme } from '../../source/ui/theme.js';

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
} as const;

const tick = (ms = 25): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface Driven {
  /** The frame on screen now. */
  frame(): string;
  /** Press keys one at a time, letting the app draw after each. */
  press(...keys: string[]): Promise<string>;
  /** Type text one character at a time. */
  type(text: string): Promise<string>;
  resize(columns: number, rows?: number): Promise<string>;
  unmount(): void;
}

/** Render the reader as a user would see it, in a 100-column test terminal. */
export async function drive(
  corpus: Corpus,
  options: { theme?: Theme; pair?: readonly [Version, Version]; exact?: boolean } = {},
): Promise<Driven> {
  const instance = render(
    <App
      corpus={corpus}
      theme={options.theme ?? colorTheme}
      initialPair={options.pair}
      exact={options.exact ?? false}
    />,
  );
  await tick(60);
  const frame = (): string => instance.lastFrame() ?? '';
  return {
    frame,
    async press(...keys) {
      for (const key of keys) {
        instance.stdin.write(key);
        await tick();
      }
      await tick();
      return frame();
    },
    async type(text) {
      for (const ch of text) {
        instance.stdin.write(ch);
        await tick(10);
      }
      await tick(40);
      return frame();
    },
    async resize(columns, rows) {
      Object.defineProperty(instance.stdout, 'columns', { value: columns, configurable: true });
      if (rows !== undefined)
        Object.defineProperty(instance.stdout, 'rows', { value: rows, configurable: true });
      instance.stdout.emit('resize');
      await tick(40);
      return frame();
    },
    unmount: () => instance.unmount(),
  };
}

/** Strip SGR codes, to read a frame as plain text. */
export const plain = (frame: string): string => frame.replace(/\u001B\[[0-9;]*m/g, '');
