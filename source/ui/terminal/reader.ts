import { UserError } from '../../corpus/errors.js';
import { FrameWriter, trustsScrollRegions } from './frames.js';
import { openTerminal, type Lifecycle } from './lifecycle.js';

/** The terminal set up for the reader, and what its frame writer has put on it. */
export interface ReaderTerminal {
  readonly terminal: Lifecycle;
  readonly writer: FrameWriter;
}

/**
 * Set the terminal up for the reader (see terminal/lifecycle.ts) with a frame writer that has
 * drawn nothing yet. Ink draws whole frames (its unthrottled debug mode: one frame per key, at
 * once); the frame writer sends the terminal only what changed, moving rows with scroll regions
 * where the terminal is known to have them, and draws the whole screen after a resize or a redraw.
 */
export function openReaderTerminal(): ReaderTerminal {
  const { stdout, stdin } = process;
  // Ink would throw "Raw mode is not supported" later, with a stack trace.
  if (!stdin.isTTY || !stdout.isTTY) {
    throw new UserError('the reader needs a terminal on standard input and output');
  }
  const terminal = openTerminal(stdin, stdout);
  const writer = new FrameWriter({
    write: (bytes) => terminal.output.write(bytes),
    scrollRegions: trustsScrollRegions(process.env.TERM),
  });
  return { terminal, writer };
}
