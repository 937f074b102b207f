import React from 'react';
import { render } from 'ink';
import type { Version } from '../corpus/types.js';
import type { CorpusFeed } from '../corpus/stream.js';
import { UserError } from '../corpus/errors.js';
import { FeedApp } from './feed.js';
import { chooseTheme } from './theme.js';
import { openTerminal } from './terminal/lifecycle.js';
import { FrameWriter, frameStdout, trustsScrollRegions } from './terminal/frames.js';

export interface ReaderOptions {
  readonly pair: readonly [Version, Version] | undefined;
  readonly exact: boolean;
  readonly color: boolean | undefined;
}

/**
 * Open the full-screen reader on a corpus as it loads; resolves when the user quits, with the
 * terminal restored, or rejects with why the corpus could not be loaded.
 */
export async function runReader(feed: CorpusFeed, options: ReaderOptions): Promise<void> {
  const { stdout, stdin } = process;
  // Ink would throw "Raw mode is not supported" later, with a stack trace.
  if (!stdin.isTTY || !stdout.isTTY) {
    throw new UserError('the reader needs a terminal on standard input and output');
  }
  const terminal = openTerminal(stdin, stdout);
  // Ink draws whole frames (its unthrottled debug mode: one frame per key, at once); the frame
  // writer sends the terminal only what changed, moving rows with scroll regions where the
  // terminal is known to have them, and draws the whole screen after a resize or a redraw.
  const writer = new FrameWriter({
    write: (bytes) => terminal.output.write(bytes),
    scrollRegions: trustsScrollRegions(process.env.TERM),
  });
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
