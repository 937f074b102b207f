import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve, basename } from 'node:path';
import { UserError } from './errors.js';
import { countWords, decodeText, looksBinary } from './normalize.js';
import { parseText, titleOf } from './metadata.js';
import { sanitize } from './sanitize.js';
import { bundledSeedsDir } from './paths.js';
import type { Corpus, LoadWarning, Version } from './types.js';

/** Extensions of the files that hold versions. */
export const TEXT_EXTENSIONS = new Set(['.txt', '.md']);

/** Files larger than this are refused with a warning: a news story is tens of kilobytes. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Build a version from a file's decoded text. */
export function versionFromText(file: string, path: string, text: string): Version {
  const parsed = parseText(text);
  const id = sanitize(basename(file, extname(file)));
  const body = parsed.paragraphs.join('\n\n');
  return {
    id,
    file: sanitize(file),
    path,
    title: titleOf(parsed, id),
    headline: parsed.headline,
    date: parsed.date,
    paragraphs: parsed.paragraphs,
    body,
    words: countWords(body),
  };
}

function formatSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return error instanceof Error ? error.message : String(error);
}

export interface LoadOptions {
  /** The folder to load; the bundled seeds when omitted. */
  readonly dir?: string | undefined;
}

/** Load every .txt and .md file of a folder as a version. */
export function loadCorpus(options: LoadOptions = {}): Corpus {
  const bundled = options.dir === undefined;
  const dir = resolve(options.dir ?? bundledSeedsDir());
  let stat;
  try {
    stat = statSync(dir);
  } catch {
    throw new UserError(`corpus folder not found: ${sanitize(dir)}`);
  }
  if (!stat.isDirectory()) {
    throw new UserError(`--corpus needs a folder, but ${sanitize(dir)} is a file`);
  }
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new UserError(`cannot read corpus folder ${sanitize(dir)}: ${describe(error)}`);
  }
  const candidates = names
    .filter((name) => !name.startsWith('.') && TEXT_EXTENSIONS.has(extname(name).toLowerCase()))
    .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));

  const versions: Version[] = [];
  const warnings: LoadWarning[] = [];
  const seen = new Map<string, string>();
  for (const name of candidates) {
    const path = resolve(dir, name);
    const file = sanitize(name);
    const warn = (message: string): void => {
      warnings.push({ file, message: `skipped ${file}: ${message}` });
    };
    try {
      const fileStat = statSync(path);
      if (!fileStat.isFile()) continue;
      if (fileStat.size > MAX_FILE_BYTES) {
        warn(
          `${formatSize(fileStat.size)} is over the ${formatSize(MAX_FILE_BYTES)} limit for one version`,
        );
        continue;
      }
      const bytes = readFileSync(path);
      if (looksBinary(bytes)) {
        warn('it looks like a binary file, not text');
        continue;
      }
      const version = versionFromText(name, path, decodeText(bytes));
      if (version.paragraphs.length === 0) {
        warn('it is empty');
        continue;
      }
      const clash = seen.get(version.id);
      if (clash !== undefined) {
        warn(`its id "${version.id}" is taken by ${clash}`);
        continue;
      }
      seen.set(version.id, file);
      versions.push(version);
    } catch (error) {
      warn(`cannot read it (${describe(error)})`);
    }
  }

  if (versions.length === 0) {
    const why = warnings.length > 0 ? `; ${warnings.map((w) => w.message).join('; ')}` : '';
    throw new UserError(`no text files (.txt, .md) to read in ${sanitize(dir)}${why}`);
  }
  return { dir, bundled, versions, warnings };
}
