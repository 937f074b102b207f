/**
 * A corpus folder, read recursively: every .txt and .md file under it is a version, whose id is
 * its path in the folder without the extension (`afp/2025-12-19`). Hidden files and folders and
 * `node_modules` are skipped, and links to folders are not followed, so a link cannot loop.
 */
import { readdirSync, type Dirent } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { extname, resolve, sep } from 'node:path';
import { versionFromText, type KeepString } from './build.js';
import { UserError } from './errors.js';
import { splitFrontMatter } from './frontmatter.js';
import { decodeText, encodingOf, looksBinary } from './normalize.js';
import { describe, readVersionFile, unreadable } from './read.js';
import { sanitizeLine } from './sanitize.js';
import type { LoadWarning, Version } from './types.js';

/** Extensions of the files that hold versions. */
export const TEXT_EXTENSIONS = new Set(['.txt', '.md']);

export interface Candidate {
  /** The path as bytes: a name that is not valid UTF-8 must still open. */
  readonly raw: Buffer;
  /** The path inside the folder, with `/` between folders. */
  readonly name: string;
}

/** Every text file under `dir`, depth first, each folder's entries in byte order of their names. */
export function textFiles(dir: string, warnings: LoadWarning[]): Candidate[] {
  const found: Candidate[] = [];
  const visit = (raw: Buffer, prefix: string): void => {
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(raw, { encoding: 'buffer', withFileTypes: true });
    } catch (error) {
      if (prefix === '') {
        throw new UserError(`cannot read corpus folder ${sanitizeLine(dir)}: ${describe(error)}`);
      }
      const folder = sanitizeLine(prefix);
      warnings.push({
        file: folder,
        message: `skipped ${folder}: cannot read it: ${describe(error)}`,
      });
      return;
    }
    entries.sort((x, y) => Buffer.compare(x.name, y.name));
    for (const entry of entries) {
      const name = entry.name.toString('utf8');
      if (name.startsWith('.')) continue;
      const path = Buffer.concat([raw, Buffer.from(sep), entry.name]);
      if (entry.isDirectory()) {
        if (name !== 'node_modules') visit(path, `${prefix}${name}/`);
      } else if (TEXT_EXTENSIONS.has(extname(name).toLowerCase())) {
        found.push({ raw: path, name: prefix + name });
      }
    }
  };
  visit(Buffer.from(dir.endsWith(sep) && dir.length > 1 ? dir.slice(0, -1) : dir), '');
  return found;
}

/**
 * One text file of a corpus folder as a version; null, with a warning, when it holds none. `keep`
 * says how it keeps its paragraphs (see KeepString).
 */
export function loadTextFile(
  dir: string,
  { raw, name }: Candidate,
  warnings: LoadWarning[],
  keep?: KeepString,
): Version | null {
  const file = sanitizeLine(name);
  const warn = (message: string): null => {
    warnings.push({ file, message: `skipped ${file}: ${message}` });
    return null;
  };
  let bytes: Buffer | string;
  try {
    bytes = readVersionFile(raw);
  } catch (error) {
    return warn(unreadable(error));
  }
  if (typeof bytes === 'string') return warn(bytes);
  // UTF-16 is full of NUL bytes: its byte-order mark says it is text all the same.
  const utf8 = encodingOf(bytes) === 'utf-8';
  if (utf8 && looksBinary(bytes)) return warn('it looks like a binary file, not text');
  const note = (message: string): void => {
    warnings.push({ file, message: `${file}: ${message}` });
  };
  const { fields, body } = splitFrontMatter(decodeText(bytes), note);
  const version = versionFromText(name, resolve(dir, name), body, fields, keep);
  if (version.paragraphs.length === 0) return warn('it is empty');
  if (utf8 && !isUtf8(bytes)) {
    // Loaded, but the reader should know why some characters show as �.
    note('some bytes are not UTF-8 and show as �; is the file Latin-1 or Windows-1252?');
  }
  return version;
}

/** How loadTextFiles reads. */
export interface FilesReading {
  /** Called before each file (a loader thread gives way to a key here). */
  readonly before?: () => void;
  /** How the versions keep their paragraphs (see KeepString). */
  readonly keep?: KeepString;
}

/** Load some of a folder's text files, in order, as versions. */
export function loadTextFiles(
  dir: string,
  files: readonly Candidate[],
  { before, keep }: FilesReading = {},
): { versions: Version[]; warnings: LoadWarning[] } {
  const warnings: LoadWarning[] = [];
  const versions: Version[] = [];
  for (const candidate of files) {
    before?.();
    const version = loadTextFile(dir, candidate, warnings, keep);
    if (version) versions.push(version);
  }
  return { versions, warnings };
}
