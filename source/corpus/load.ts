import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  statSync,
} from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { basename, extname, resolve, sep } from 'node:path';
import { UserError } from './errors.js';
import { countWords, decodeText, looksBinary } from './normalize.js';
import { parseText, titleOf } from './metadata.js';
import { sanitizeLine } from './sanitize.js';
import { bundledSeedsDir } from './paths.js';
import type { Corpus, LoadWarning, Version } from './types.js';

/** Extensions of the files that hold versions. */
export const TEXT_EXTENSIONS = new Set(['.txt', '.md']);

/** Files larger than this are refused with a warning: a news story is tens of kilobytes. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Build a version from a file's decoded text. */
export function versionFromText(file: string, path: string, text: string): Version {
  const parsed = parseText(text);
  const id = sanitizeLine(basename(file, extname(file)));
  const body = parsed.paragraphs.join('\n\n');
  return {
    id,
    file: sanitizeLine(file),
    path,
    title: titleOf(parsed, id),
    headline: parsed.headline,
    date: parsed.date,
    paragraphs: parsed.paragraphs,
    ...(parsed.chrome ? { chrome: parsed.chrome } : {}),
    body,
    words: countWords(body),
  };
}

/** A size in megabytes, rounded up to a tenth, so a file just over the limit shows as over it. */
function formatSize(bytes: number): string {
  const tenths = Math.ceil((bytes / (1024 * 1024)) * 10);
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)} MB`;
}

/** Why a file or folder could not be read, in words: no path, and never a raw byte of a name. */
function describe(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'ELOOP') return 'it is a link that loops';
  if (typeof code === 'string') return code;
  return sanitizeLine(error instanceof Error ? error.message : String(error));
}

/** Why a version file could not be read, as a warning says it. */
function unreadable(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'it is a broken link, or it was removed while loading';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ELOOP') return 'it is a link that loops';
  return `cannot read it: ${describe(error)}`;
}

export interface LoadOptions {
  /** The folder to load; the bundled seeds when omitted. */
  readonly dir?: string | undefined;
}

/** Read a regular file of at most MAX_FILE_BYTES, or say why not. */
function readVersionFile(path: Buffer): Buffer | string {
  // Non-blocking, so that a FIFO named like a text file cannot hang the load.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    // fstat on the open file: what is read is what was checked, even if the folder changes.
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return 'it is a folder';
    if (!stat.isFile()) return 'it is not a regular file';
    if (stat.size > MAX_FILE_BYTES) {
      return `it is ${formatSize(stat.size)}, over the ${formatSize(MAX_FILE_BYTES)} limit for one version`;
    }
    // Read at most one byte past the limit, so a file that grows after fstat cannot be read whole.
    const buffer = Buffer.alloc(Math.min(stat.size, MAX_FILE_BYTES) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === buffer.length) break;
    }
    if (length > MAX_FILE_BYTES) {
      return `it is over the ${formatSize(MAX_FILE_BYTES)} limit for one version`;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** Load every .txt and .md file of a folder as a version. */
export function loadCorpus(options: LoadOptions = {}): Corpus {
  const bundled = options.dir === undefined;
  const dir = resolve(options.dir ?? bundledSeedsDir());
  let stat;
  try {
    stat = statSync(dir);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new UserError(`corpus folder not found: ${sanitizeLine(dir)}`);
    }
    throw new UserError(`cannot read corpus folder ${sanitizeLine(dir)}: ${describe(error)}`);
  }
  if (!stat.isDirectory()) {
    throw new UserError(`--corpus needs a folder, but ${sanitizeLine(dir)} is a file`);
  }
  let entries: Buffer[];
  try {
    // File names as bytes: a name that is not valid UTF-8 must still open.
    entries = readdirSync(dir, { encoding: 'buffer' });
  } catch (error) {
    throw new UserError(`cannot read corpus folder ${sanitizeLine(dir)}: ${describe(error)}`);
  }
  const dirBytes = Buffer.from(dir.endsWith(sep) ? dir : dir + sep);
  const candidates = entries
    .map((raw) => ({ raw, name: raw.toString('utf8') }))
    .filter(({ name }) => !name.startsWith('.') && TEXT_EXTENSIONS.has(extname(name).toLowerCase()))
    .sort((x, y) => Buffer.compare(x.raw, y.raw));

  const versions: Version[] = [];
  const warnings: LoadWarning[] = [];
  const seen = new Map<string, string>();
  for (const { raw, name } of candidates) {
    const path = Buffer.concat([dirBytes, raw]);
    const file = sanitizeLine(name);
    const warn = (message: string): void => {
      warnings.push({ file, message: `skipped ${file}: ${message}` });
    };
    let bytes: Buffer | string;
    try {
      bytes = readVersionFile(path);
    } catch (error) {
      warn(unreadable(error));
      continue;
    }
    if (typeof bytes === 'string') {
      warn(bytes);
      continue;
    }
    if (looksBinary(bytes)) {
      warn('it looks like a binary file, not text');
      continue;
    }
    const version = versionFromText(name, resolve(dir, name), decodeText(bytes));
    if (version.paragraphs.length === 0) {
      warn('it is empty');
      continue;
    }
    if (!isUtf8(bytes)) {
      // Loaded, but the reader should know why some characters show as �.
      warnings.push({
        file,
        message: `${file}: some bytes are not UTF-8 and show as �; is the file Latin-1 or Windows-1252?`,
      });
    }
    const clash = seen.get(version.id);
    if (clash !== undefined) {
      warn(`its id "${version.id}" is taken by ${clash}`);
      continue;
    }
    seen.set(version.id, file);
    versions.push(version);
  }

  if (versions.length === 0) {
    if (warnings.length === 0) {
      throw new UserError(`no text files (.txt, .md) in ${sanitizeLine(dir)}`);
    }
    const shown = warnings.slice(0, 3).map((w) => w.message);
    if (warnings.length > 3) shown.push(`and ${warnings.length - 3} more`);
    const count =
      warnings.length === 1 ? 'the only text file' : `all ${warnings.length} text files`;
    throw new UserError(
      `nothing to read in ${sanitizeLine(dir)}: ${count} had to be skipped (${shown.join('; ')})`,
    );
  }
  return { dir, bundled, versions, warnings };
}
