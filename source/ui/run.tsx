import React from 'react';
import { render } from 'ink';
import type { Version } from '../corpus/types.js';
import type { CorpusFeed } from '../corpus/stream.js';
import { FeedApp } from './feed.js';
import { chooseTheme } from './theme.js';
import { frameStdout } from './terminal/frames.js';
import { openReaderTerminal, type ReaderTerminal } from './terminal/reader.js';

export interface ReaderOptions {
  readonly pair: readonly [Version, Version] | undefined;
  readonly exact: boolean;
  readonly color: boolean | undefined;
}

/**
 * Open the full-screen reader on a corpus as it loads; resolves when the user quits, with the
 * terminal restored, or rejects with why the corpus could not be loaded. `opened` is the
 * terminal when it is set up already, its first frame drawn (see source/first.ts).
 */
export async function runReader(
  feed: CorpusFeed,
  options: ReaderOptions,
  opened: ReaderTerminal = openReaderTerminal(),
): Promise<void> {
  const { stdin } = process;
  const { terminal, writer } = opened;
  const frames = frameStdout(terminal.output as unknown as NodeJS.WriteStream, writer);
  const stopRedraws = terminal.onRedraw(() => {
    frames.flush();
    writer.redraw();
  });
  try {
    const app = render(
      <FeedApp
        feed={feed}
        theme={chooseTheme(options.color, process.env)}
        initialPair={options.pair}
        exact={options.exact}
        terminal={terminal}
        clipboard={(sequence) => void terminal.output.write(sequence)}
      />,
      {
        // Ink never reads stdin itself (no useInput), so its key parser never sees a byte.
        stdout: frames as unknown as NodeJS.WriteStream,
        stdin,
        exitOnCtrlC: false,
        debug: true,
        patchConsole: false,
      },
    );
    terminal.onEnd(() => {
      app.unmount();
      frames.flush();
    });
    await app.waitUntilExit();
    app.cleanup();
  } finally {
    feed.close();
    frames.flush();
    stopRedraws();
    frames.detach();
    terminal.close();
  }
  if (feed.failure) throw feed.failure;
}
