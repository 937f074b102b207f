import React from 'react';
import { render } from 'ink';
import type { Corpus, Version } from '../corpus/types.js';
import { UserError } from '../corpus/errors.js';
import { App } from './app.js';
import { chooseTheme } from './theme.js';
import { openTerminal } from './terminal/lifecycle.js';

export interface ReaderOptions {
  readonly pair: readonly [Version, Version] | undefined;
  readonly exact: boolean;
  readonly color: boolean | undefined;
}

/** Open the full-screen reader; resolves when the user quits, with the terminal restored. */
export async function runReader(corpus: Corpus, options: ReaderOptions): Promise<void> {
  const { stdout, stdin } = process;
  // Ink would throw "Raw mode is not supported" later, with a stack trace.
  if (!stdin.isTTY || !stdout.isTTY) {
    throw new UserError('the reader needs a terminal on standard input and output');
  }
  const terminal = openTerminal(stdin, stdout);
  try {
    const app = render(
      <App
        corpus={corpus}
        theme={chooseTheme(options.color, process.env)}
        initialPair={options.pair}
        exact={options.exact}
        terminal={terminal}
      />,
      {
        // Ink writes frames to the terminal's output stream, which a frame writer may wrap; it
        // never reads stdin itself (no useInput), so its key parser never sees a byte.
        stdout: terminal.output as unknown as NodeJS.WriteStream,
        stdin,
        exitOnCtrlC: false,
        incrementalRendering: true,
        patchConsole: false,
      },
    );
    terminal.onEnd(() => app.unmount());
    await app.waitUntilExit();
    app.cleanup();
  } finally {
    terminal.close();
  }
}
