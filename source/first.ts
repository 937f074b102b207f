/**
 * The first stage of `gaza-reader` with no arguments on a terminal (the bin, dist/cli.js, loads
 * this file, dist/first.js, only then). Ink, React and the reader's panes take a few hundred
 * milliseconds to load and to draw; this stage shows the reader's real first screen before
 * them, with only the corpus loader, the Stories layout and the frame layer:
 *
 * 1. read the corpus (the bundled seeds); a corpus that streams in goes straight on to step 4;
 * 2. set the terminal up as the reader keeps it (alternate screen, raw mode: keys typed from now
 *    on are not echoed, and wait in the terminal until the reader reads them), with the handlers
 *    that restore it on every way out (signals, errors), as the reader itself does;
 * 3. draw the Stories list through the reader's frame writer (ui/first-frame.ts lays it out with
 *    the pane's own layout code);
 * 4. load the reader (dist/main.js) and hand it the corpus, the terminal and the frame writer:
 *    its first frame is the same screen, so the writer sends the terminal nothing for it.
 *
 * A terminal too small for the list skips steps 2 and 3: the reader then starts as it would
 * without this stage.
 *
 * This bundle has its own copies of the corpus modules. The seeds never stream, so none of it
 * matters today; a corpus this stage streamed would reach the reader without what its loaders
 * took (corpus/taken.ts keys it by symbols of its own copy, and passage hashes use this copy's
 * seeds): the reader would read and hash every version again.
 */
import chalk from 'chalk';
import { reportFailure } from './cli/failure.js';
import { exitOnWriteErrors } from './cli/write.js';
import { openCorpus } from './corpus/stream.js';
import { firstScreenLines, frameText } from './ui/first-frame.js';
import { openReaderTerminal, type ReaderTerminal } from './ui/terminal/reader.js';
import { chooseTheme } from './ui/theme.js';

async function start(): Promise<void> {
  // No arguments: the bundled seeds, in the environment's colours, typographic variants ignored.
  const feed = openCorpus();
  const options = { pair: undefined, exact: false, color: undefined };
  let opened: ReaderTerminal | undefined;
  let stopRedraws = (): unknown => undefined;
  try {
    const { stdout } = process;
    // The size the frame layer reads (terminal/frames.ts frameStdout).
    const size = { columns: stdout.columns || 80, rows: stdout.rows || 24 };
    const lines = feed.progress === null ? firstScreenLines(feed.corpus, size) : null;
    if (lines) {
      opened = openReaderTerminal();
      const theme = chooseTheme(options.color, process.env);
      // Ink styles its text with chalk, which finds no colour support on some terminals: then
      // its frames, and so this one, carry no SGR at all.
      const frame = frameText(lines, theme, size.columns, chalk.level > 0);
      const { terminal, writer } = opened;
      writer.frame(frame, size.columns, size.rows);
      // Back from Ctrl-Z (SIGTSTP, then SIGCONT) before the reader has loaded: the terminal was
      // cleared, so draw the screen again, whole. The reader takes this over as it starts.
      stopRedraws = terminal.onRedraw(() => writer.redraw());
    }
    // dist/main.js in the bundle (scripts/build.mjs).
    const { openReader } = await import('./cli.js');
    stopRedraws();
    await openReader(feed, options, opened);
  } catch (error) {
    // Whatever failed before the reader took the terminal over: restore it, then say why.
    feed.close();
    opened?.terminal.close();
    throw error;
  }
}

exitOnWriteErrors();
start().catch(reportFailure);
