/**
 * Loading a corpus: a folder of .txt and .md files (read recursively), a JSON Lines file or a CSV
 * file, as `--corpus` names it; the bundled seeds when it names none.
 */
import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { UserError } from './errors.js';
import { loadFolder, loadTextFile, textFiles, TEXT_EXTENSIONS } from './folder.js';
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
 * Makes ids unique as versions come, in corpus order: a version whose id is taken gets the first
 * free `id-2`, `id-3`…, and a warning says so. A corpus streamed in gets the same ids as one read
 * whole.
 */
export class IdRegistry {
  /** Each id taken, and the file that took it. */
  private readonly taken = new Map<string, string>();

  /** The version, or a copy with a free id; `warnings` hears of a change. */
  claim(version: Version, warnings: LoadWarning[]): Version {
    const first = this.taken.get(version.id);
    if (first === undefined) {
      this.taken.set(version.id, version.file);
      return version;
    }
    let n = 2;
    while (this.taken.has(`${version.id}-${n}`)) n++;
    const id = `${version.id}-${n}`;
    this.taken.set(id, version.file);
    warnings.push({
      file: version.file,
      message: `${version.file}: its id "${version.id}" is taken by ${first}, so it is "${id}"`,
    });
    return withFields(version, { id });
  }
}

/** Every id made unique, as IdRegistry makes them; the versions in the same order. */
export function uniqueIds(versions: readonly Version[], warnings: LoadWarning[]): Version[] {
  const registry = new IdRegistry();
  return versions.map((version) => registry.claim(version, warnings));
}

/** What `--corpus` names, checked: a folder, a JSON Lines file or a CSV file. */
export interface CorpusPlace {
  /** Absolute path. */
  readonly dir: string;
  readonly bundled: boolean;
  readonly kind: 'folder' | 'jsonl' | 'csv';
  /** Its size in bytes (a folder's own entry, for a folder). */
  readonly size: number;
}

/** Find and check what `--corpus` names; a UserError says what is wrong with it. */
export function placeCorpus(options: LoadOptions = {}): CorpusPlace {
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
  const kind = stat.isDirectory()
    ? 'folder'
    : JSON_LINES_EXTENSIONS.has(ext)
      ? 'jsonl'
      : CSV_EXTENSIONS.has(ext)
        ? 'csv'
        : null;
  if (kind === null) {
    throw new UserError(
      `--corpus needs a folder, but ${shown} is a file; a .jsonl or .csv file also works`,
    );
  }
  return { dir, bundled, kind, size: stat.size };
}

/**
 * The corpus from what was read of it: ids made unique, or a UserError when it holds no version,
 * saying why.
 */
export function finishCorpus(
  place: CorpusPlace,
  loaded: { versions: readonly Version[]; warnings: LoadWarning[] },
): Corpus {
  const { dir, bundled } = place;
  const shown = sanitizeLine(dir);
  const folder = place.kind === 'folder';
  const { warnings } = loaded;
  const versions = uniqueIds(loaded.versions, warnings);

  if (versions.length === 0) {
    if (warnings.length === 0) {
      throw new UserError(
        folder
          ? `no text files (${[...TEXT_EXTENSIONS].join(', ')}) in ${shown}`
          : `no versions in ${shown}`,
      );
    }
    const listed = warnings.slice(0, 3).map((w) => w.message);
    if (warnings.length > 3) listed.push(`and ${warnings.length - 3} more`);
    if (!folder) {
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

/**
 * Read the corpus that `--corpus` names one version at a time, its ids made unique, without
 * keeping it: for output that streams. Returns where it is and its warnings.
 */
export function readVersions(
  options: LoadOptions,
  each: (version: Version) => void,
): { place: CorpusPlace; warnings: LoadWarning[] } {
  const place = placeCorpus(options);
  const warnings: LoadWarning[] = [];
  const idWarnings: LoadWarning[] = [];
  const ids = new IdRegistry();
  const take = (version: Version): void => each(ids.claim(version, idWarnings));
  if (place.kind === 'folder') {
    for (const candidate of textFiles(place.dir, warnings)) {
      const version = loadTextFile(place.dir, candidate, warnings);
      if (version) take(version);
    }
  } else {
    const sink = { version: take, chunk: () => undefined };
    const loaded =
      place.kind === 'jsonl' ? loadJsonLines(place.dir, sink) : loadCsv(place.dir, sink);
    warnings.push(...loaded.warnings);
  }
  return { place, warnings: [...warnings, ...idWarnings] };
}

/** Load the corpus that `--corpus` names: a folder, a .jsonl file or a .csv file. */
export function loadCorpus(options: LoadOptions = {}): Corpus {
  const place = placeCorpus(options);
  const loaded =
    place.kind === 'folder'
      ? loadFolder(place.dir)
      : place.kind === 'jsonl'
        ? loadJsonLines(place.dir)
        : loadCsv(place.dir);
  return finishCorpus(place, loaded);
}
