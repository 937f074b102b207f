/**
 * Loading a corpus: a folder of .txt and .md files (read recursively), a JSON Lines file or a CSV
 * file, as `--corpus` names it; the bundled seeds when it names none.
 */
import { statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { ShardedMap } from '../text/sharded-map.js';
import { UserError } from './errors.js';
import { loadTextFile, textFiles, TEXT_EXTENSIONS, type Candidate } from './folder.js';
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
  /**
   * Each id taken, and the file that took it: a ShardedMap, as one Map of 100,000 ids doubled in
   * the turn that opened a batch of versions (25 ms), while a key waited.
   */
  private readonly taken = new ShardedMap<string>();

  /** The version, or a copy with a free id; `warnings` hears of a change. */
  claim(version: Version, warnings: LoadWarning[]): Version {
    const id = this.claimId(version, warnings);
    return id === version.id ? version : withFields(version, { id });
  }

  /** The id a version of this id and file takes: its own, or the first `id-N` not taken. */
  claimId({ id, file }: Pick<Version, 'id' | 'file'>, warnings: LoadWarning[]): string {
    const first = this.taken.get(id);
    if (first === undefined) {
      this.taken.set(id, file);
      return id;
    }
    let n = 2;
    while (this.taken.has(`${id}-${n}`)) n++;
    const unique = `${id}-${n}`;
    this.taken.set(unique, file);
    warnings.push({
      file,
      message: `${file}: its id "${id}" is taken by ${first}, so it is "${unique}"`,
    });
    return unique;
  }
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
 * The corpus from what was read of it (its ids already unique: IdRegistry makes them so as the
 * versions come), or a UserError when it holds no version, saying why.
 */
export function finishCorpus(
  place: CorpusPlace,
  loaded: { versions: readonly Version[]; warnings: LoadWarning[] },
): Corpus {
  const { dir, bundled } = place;
  const shown = sanitizeLine(dir);
  const folder = place.kind === 'folder';
  const { versions, warnings } = loaded;

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

/** A folder's text files, listed already, and the warnings listing gave. */
export interface FolderListing {
  readonly files: readonly Candidate[];
  readonly warnings: readonly LoadWarning[];
}

/**
 * Read a corpus one version at a time, its ids made unique as they come, without keeping it (for
 * output that streams, or to gather it whole). A folder is listed now unless `listing` is given.
 * Returns its warnings: the reading's, then the ids'.
 */
export function readVersions(
  place: CorpusPlace,
  each: (version: Version) => void,
  listing?: FolderListing,
): LoadWarning[] {
  const warnings: LoadWarning[] = [];
  const idWarnings: LoadWarning[] = [];
  const ids = new IdRegistry();
  const take = (version: Version): void => each(ids.claim(version, idWarnings));
  if (place.kind === 'folder') {
    const { files } = listing ?? { files: textFiles(place.dir, warnings) };
    if (listing) warnings.push(...listing.warnings);
    for (const candidate of files) {
      const version = loadTextFile(place.dir, candidate, warnings);
      if (version) take(version);
    }
  } else {
    const sink = { version: take, chunk: () => undefined };
    const read = place.kind === 'jsonl' ? loadJsonLines : loadCsv;
    warnings.push(...read(place.dir, sink));
  }
  return [...warnings, ...idWarnings];
}

/** Read a corpus whole (a folder listed already, if `listing` is given). */
export function readCorpus(place: CorpusPlace, listing?: FolderListing): Corpus {
  const versions: Version[] = [];
  const warnings = readVersions(place, (version) => versions.push(version), listing);
  return finishCorpus(place, { versions, warnings });
}

/** Load the corpus that `--corpus` names: a folder, a .jsonl file or a .csv file. */
export function loadCorpus(options: LoadOptions = {}): Corpus {
  return readCorpus(placeCorpus(options));
}
