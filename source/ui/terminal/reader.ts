import { UserError } from '../../corpus/errors.js';
import { FrameWriter, trustsScrollRegions } from './frames.js';
import { openTerminal, type Lifecycle, type ProcessControl } from './lifecycle.js';

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
export function openReaderTerminal(
  stdin: NodeJS.ReadStream = process.stdin,
  stdout: NodeJS.WriteStream = process.stdout,
  control?: ProcessControl,
): ReaderTerminal {
  // Ink would throw "Raw mode is not supported" later, with a stack trace.
  if (!stdin.isTTY || !stdout.isTTY) {
    throw new UserError('the reader needs a terminal on standard input and output');
  }
  const terminal = openTerminal(stdin, stdout, control);
  const writer = new FrameWriter({
    write: (bytes) => terminal.output.write(bytes),
    scrollRegions: trustsScrollRegions(process.env.TERM),
  });
  // Set up again (back from Ctrl-Z) or to be redrawn, the terminal no longer shows what the
  // writer drew: the next frame is drawn whole, even one that comes before anyone redraws. (Between
  // the first stage and the reader no one does: a frame drawn as the changes from a screen that
  // was cleared left most of it blank.)
  terminal.onRedraw(() => writer.invalidate());
  return { terminal, writer };
}
