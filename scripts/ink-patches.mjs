// Corrections to Ink 6.8 and the libraries around it, applied as the bundle is built, each in one
// place: terminal quirks to drop on the move to Ink 7 (which needs Node 22), and startup work the
// first frame should not wait for.
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

/**
 * The incremental renderer steps over each unchanged row with its own "next line" (ESC [ E), three
 * bytes a row: a list move that changes two rows of a 24-row screen spends about 60 bytes walking
 * past the others. Step over a run of unchanged rows at once (ESC [ n E) instead. The cursor ends
 * where it did; only fewer bytes cross the wire (an SSH link, a slow serial line).
 */
const INCREMENTAL_SKIP = {
  file: /[\\/]ink[\\/]build[\\/]log-update\.js$/,
  from: "stream.write(buffer.join(''));",
  to: "stream.write(buffer.join('').replace(/(?:\\u001B\\[E){2,}/g, (run) => `\\u001B[${run.length / 3}E`));",
};

/**
 * Yoga (Ink's layout engine) carries its WebAssembly as a base64 data: URL and, wherever `fetch`
 * exists, fetches that URL to decode it. In Node that first `fetch` loads undici, HTTP/2 and all,
 * about 35 ms before the first frame. Decode the data: URL directly, as Yoga does where there is
 * no fetch.
 */
const YOGA_NO_FETCH = {
  file: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/,
  from: 'function ya(){return w||"function"!=typeof fetch?',
  to: 'function ya(){return true?',
};

/**
 * meow loads normalize-package-data (and the SPDX license tables, semver and hosted-git-info under
 * it), 67 kB that every start parses and evaluates, over 10 ms, only to normalize `cli.pkg`, which
 * this program never reads (it passes `description` and `version` itself). Leave package.json as
 * read; the unused code then drops out of the bundle.
 */
const MEOW_NO_NORMALIZE = {
  file: /[\\/]meow[\\/]build[\\/]dependencies\.js$/,
  from: 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
  to: 'const normalizePackageData = (data) => data;',
};

/**
 * string-width compiles /^\p{RGI_Emoji}$/v as it loads: V8 expands the thousands of emoji
 * sequences, about 20 ms before the first frame. Compile it on first use, and skip it for a
 * cluster of one code point without Emoji_Presentation, which is never an RGI emoji (every
 * single-code-point RGI emoji has Emoji_Presentation; test/build/patches.test.ts checks it). News
 * text ("·", "—", "…", curly quotes) then never needs it.
 */
const STRING_WIDTH_LAZY_EMOJI = {
  file: /[\\/]string-width[\\/]index\.js$/,
  // wrap-ansi's own string-width 7 (used only to print diffs) is another program.
  except: /[\\/]wrap-ansi[\\/]node_modules[\\/]/,
  from: 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
  to:
    'const emojiPresentationRegex = /^\\p{Emoji_Presentation}$/u;\n' +
    'let rgiEmojiPattern;\n' +
    'const rgiEmojiRegex = { test(segment) {\n' +
    '  const single = segment.length === 1 || (segment.length === 2 && segment.codePointAt(0) > 0xFFFF);\n' +
    '  if (single && !emojiPresentationRegex.test(segment)) return false;\n' +
    '  rgiEmojiPattern ??= /^\\p{RGI_Emoji}$/v;\n' +
    '  return rgiEmojiPattern.test(segment);\n' +
    '} };',
};

const PATCHES = [
  INCREMENTAL_REWIND,
  INCREMENTAL_SKIP,
  YOGA_NO_FETCH,
  MEOW_NO_NORMALIZE,
  STRING_WIDTH_LAZY_EMOJI,
];

/** The patches grouped by the file they apply to. */
function byFile(patches) {
  const groups = new Map();
  for (const patch of patches) {
    const key = patch.file.source;
    if (!groups.has(key)) groups.set(key, { file: patch.file, patches: [] });
    groups.get(key).patches.push(patch);
  }
  return [...groups.values()];
}

/** An esbuild plugin that applies the patches, and fails the build if one no longer applies. */
export const inkPatches = {
  name: 'ink-patches',
  setup(build) {
    for (const { file, patches } of byFile(PATCHES)) {
      build.onLoad({ filter: file }, async (args) => {
        const applying = patches.filter((patch) => !patch.except?.test(args.path));
        if (applying.length === 0) return undefined;
        let source = await readFile(args.path, 'utf8');
        for (const patch of applying) {
          if (!source.includes(patch.from)) {
            throw new Error(
              `ink-patches: ${args.path} no longer holds the code this patch corrects; ` +
                'check whether the installed version still needs it',
            );
          }
          // A function, so that `$` in the replacement is taken as written.
          source = source.replace(patch.from, () => patch.to);
        }
        return { contents: source, loader: 'js' };
      });
    }
  },
};
