/**
 * Loading a corpus: a folder of .txt and .md files (read recursively), a JSON Lines file or a CSV
 * file, as `--corpus` names it; the bundled seeds when it names none.
 */
import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { UserError } from './errors.js';
import { loadFolder, TEXT_EXTENSIONS } from './folder.js';
import { bundledSeedsDir } from './paths.js';
import { describe } from './read.js';
import { CSV_EXTENSIONS, JSON_LINES_EXTENSIONS, loadCsv, loadJsonLines } from './records.js';
import { sanitizeLine } from './sanitize.js';
import type { Corpus, LoadWarning, Version } from './types.js';

import { withFields } from './build.js';

export { versionFromText } from './build.js';
export { TEXT_EXTENSIONS } from './folder.js';
export { MAX_FILE_BYTES } from './read.js';

export interface LoadOptions {
  /** The folder, or JSON Lines or CSV file, to load; the bundled seeds when omitted. */
  readonly dir?: string | undefined;
}

/**
 * Make every id unique: a second version with a taken id gets the first free `id-2`, `id-3`…,
 * and a warning says so. Returns the versions in the same order.
 */
function uniqueIds(versions: readonly Version[], warnings: LoadWarning[]): Version[] {
  const taken = new Map<string, string>();
  for (const version of versions) if (!taken.has(version.id)) taken.set(version.id, version.file);
  const seen = new Set<string>();
  return versions.map((version) => {
    if (!seen.has(version.id)) {
      seen.add(version.id);
      return version;
    }
    let n = 2;
    while (taken.has(`${version.id}-${n}`)) n++;
    const id = `${version.id}-${n}`;
    taken.set(id, version.file);
    seen.add(id);
    warnings.push({
      file: version.file,
      message: `${version.file}: its id "${version.id}" is taken by ${taken.get(version.id)!}, so it is "${id}"`,
    });
    return withFields(version, { id });
  });
}

/** Load the corpus that `--corpus` names: a folder, a .jsonl file or a .csv file. */
export function loadCorpus(options: LoadOptions = {}): Corpus {
  const bundled = options.dir === undefined;
  const dir = resolve(options.dir ?? bundledSeedsDir());
  const shown = sanitizeLine(dir);
  let stat;
  try {
    stat = statSync(dir);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new UserError(`corpus folder not found: ${shown}`);
    }
    throw new UserError(`cannot read corpus folder ${shown}: ${describe(error)}`);
  }
  const ext = extname(dir).toLowerCase();
  let loaded: { versions: Version[]; warnings: LoadWarning[] };
  if (stat.isDirectory()) loaded = loadFolder(dir);
  else if (JSON_LINES_EXTENSIONS.has(ext)) loaded = loadJsonLines(dir);
  else if (CSV_EXTENSIONS.has(ext)) loaded = loadCsv(dir);
  else {
    throw new UserError(
      `--corpus needs a folder, but ${shown} is a file; a .jsonl or .csv file also works`,
    );
  }
  const { warnings } = loaded;
  const versions = uniqueIds(loaded.versions, warnings);

  if (versions.length === 0) {
    if (warnings.length === 0) {
      throw new UserError(
        stat.isDirectory()
          ? `no text files (${[...TEXT_EXTENSIONS].join(', ')}) in ${shown}`
          : `no versions in ${shown}`,
      );
    }
    const listed = warnings.slice(0, 3).map((w) => w.message);
    if (warnings.length > 3) listed.push(`and ${warnings.length - 3} more`);
    if (!stat.isDirectory()) {
      throw new UserError(
        `nothing to read in ${shown}: no line holds a version (${listed.join('; ')})`,
      );
    }
    const count =
      warnings.length === 1 ? 'the only text file' : `all ${warnings.length} text files`;
    throw new UserError(
      `nothing to read in ${shown}: ${count} had to be skipped (${listed.join('; ')})`,
    );
  }
  return { dir, bundled, versions, warnings };
}
