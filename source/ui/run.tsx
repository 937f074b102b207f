import React from 'react';
import { render } from 'ink';
import type { Corpus, Version } from '../corpus/types.js';
import { App } from './app.js';
import { chooseTheme } from './theme.js';
import { enterTerminal } from './hooks/terminal.js';

export interface ReaderOptions {
  readonly pair: readonly [Version, Version] | undefined;
  readonly exact: boolean;
  readonly color: boolean | undefined;
}

/** Open the full-screen reader; resolves when the user quits, with the terminal restored. */
export async function runReader(corpus: Corpus, options: ReaderOptions): Promise<void> {
  const { stdout, stdin } = process;
  const session = enterTerminal(stdout, stdin);
  try {
    const app = render(
      <App
        corpus={corpus}
        theme={chooseTheme(options.color, process.env)}
        initialPair={options.pair}
        exact={options.exact}
      />,
      { exitOnCtrlC: false, incrementalRendering: true, patchConsole: false },
    );
    await app.waitUntilExit();
    app.cleanup();
  } finally {
    session.restore();
  }
}
