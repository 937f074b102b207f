/**
 * The reader's export key: the comparison on screen, written as one self-contained HTML page to a
 * new file in the working folder, or in `$GAZA_READER_EXPORT_DIR`. HTML because it opens in any
 * browser by a double click and shows the comparison with its colors, and its links; the same
 * report as Markdown is one command away (`gaza-reader diff a b --format markdown`).
 *
 * The file never replaces another (it is opened with `wx`, and the next free name is taken), and
 * its name is made of the versions' ids cut down to [A-Za-z0-9._-], so no id can name a file
 * outside the folder.
 */
import { openSync, closeSync, writeSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { sanitizeLine } from '../corpus/sanitize.js';
import { diffReport } from '../render/report.js';
import type { Context, UiState } from './state.js';

/** Longest stem an id gives a file name. */
const STEM_MAX = 40;

/** An id as part of a file name: [A-Za-z0-9._-] only, no leading dot or dash, at most 40. */
export function safeStem(id: string): string {
  const stem = id
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, STEM_MAX)
    .replace(/[.-]+$/, '');
  return stem === '' ? 'version' : stem;
}

/** The export's file name for a pair, and the `n`th alternative when that one is taken. */
export function exportFileName(aId: string, bId: string, n = 1): string {
  const suffix = n > 1 ? `-${n}` : '';
  return `gaza-reader-${safeStem(aId)}-vs-${safeStem(bId)}${suffix}.html`;
}

/** How many names to try before giving up. */
const ATTEMPTS = 1000;

/** Write `content` to a new file in `dir`, never over another; returns its path. */
export function writeNewFile(dir: string, aId: string, bId: string, content: string): string {
  for (let n = 1; n <= ATTEMPTS; n++) {
    const path = join(dir, exportFileName(aId, bId, n));
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    try {
      writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    return path;
  }
  throw new Error(`${ATTEMPTS} files of that name are there already`);
}

/** The folder exports go to: $GAZA_READER_EXPORT_DIR, else the working folder. */
export function exportDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.GAZA_READER_EXPORT_DIR;
  return dir !== undefined && dir !== '' ? dir : process.cwd();
}

/** Write the comparison on screen as an HTML report; returns the status line's words. */
export function exportComparison(state: UiState, ctx: Context, dir = exportDir()): string {
  const view =
    state.pane === 'compare' && state.compare
      ? ctx.layouts.compare(state.compare, ctx.width, state.sideBySide)
      : null;
  if (!view) return 'nothing to write: open a comparison first';
  const report = diffReport(
    { a: view.a, b: view.b, comparison: view.comparison, labels: ctx.layouts.labels },
    'html',
  );
  try {
    const path = writeNewFile(dir, view.a.id, view.b.id, report);
    const shown = relative(process.cwd(), path);
    return `wrote ${sanitizeLine(shown.startsWith('..') || isAbsolute(shown) ? path : shown)}`;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return `could not write the comparison: ${sanitizeLine(reason)}`;
  }
}
