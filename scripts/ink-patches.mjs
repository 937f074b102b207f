// Terminal quirks of Ink 6.8 that the bundle corrects, each in one place, to drop on the move to
// Ink 7 (which needs Node 22).
import { readFile } from 'node:fs/promises';

/**
 * Ink 6.8's incremental renderer rewinds the cursor `previousVisible - 1` rows before a repaint,
 * but a frame that ends in a newline leaves the cursor one row lower than that, so every repaint
 * slides the frame down a row and leaves ghost lines (ink issue #909, fixed in Ink 7). Rewind by
 * the full height when the previous frame ended in a newline, as the shrinking branch already does.
 */
const INCREMENTAL_REWIND = {
  file: /[\\/]ink[\\/]build[\\/]log-update\.js$/,
  from: 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));',
  to:
    "{ const rewind = previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1);" +
    " buffer.push(rewind > 0 ? ansiEscapes.cursorUp(rewind) : ''); }",
};

const PATCHES = [INCREMENTAL_REWIND];

/** An esbuild plugin that applies the patches, and fails the build if one no longer applies. */
export const inkPatches = {
  name: 'ink-patches',
  setup(build) {
    for (const patch of PATCHES) {
      build.onLoad({ filter: patch.file }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes(patch.from)) {
          throw new Error(
            `ink-patches: ${args.path} no longer holds the code this patch corrects; ` +
              'check whether the installed Ink still needs it',
          );
        }
        return { contents: source.replace(patch.from, patch.to), loader: 'js' };
      });
    }
  },
};
