/**
 * Building a version: its text read by the rules of metadata.ts, then the fields its file states
 * (front matter, JSON Lines, CSV) laid over what the text gave. This is the one place where the
 * stated fields win over the parsed ones.
 */
import { extname } from 'node:path';
import { NO_FIELDS, type StatedFields } from './fields.js';
import { parseText, titleOf } from './metadata.js';
import { countWords } from './normalize.js';
import { sanitizeLine } from './sanitize.js';
import type { Version } from './types.js';

/** The id a file gives its version: its path in the corpus, with `/` between folders, no extension. */
export function idOfFile(file: string): string {
  const ext = extname(file);
  return sanitizeLine((ext === '' ? file : file.slice(0, -ext.length)).split('\\').join('/'));
}

/**
 * Build a version from its decoded text (see decodeText) and the fields its file states.
 * `file` names where it came from: a path in the corpus folder, or `archive.jsonl:12`.
 */
export function buildVersion(
  id: string,
  file: string,
  path: string,
  text: string,
  stated: StatedFields = NO_FIELDS,
): Version {
  const parsed = parseText(text);
  const body = parsed.paragraphs.join('\n\n');
  return {
    id,
    file: sanitizeLine(file),
    path,
    title: stated.title ?? titleOf(parsed, id),
    headline: parsed.headline,
    date: stated.date ?? parsed.date,
    outlet: stated.outlet,
    url: stated.url,
    author: stated.author,
    paragraphs: parsed.paragraphs,
    ...(parsed.chrome ? { chrome: parsed.chrome } : {}),
    body,
    words: countWords(body),
  };
}

/**
 * Build a version from a file's decoded text. Its id is the file's path without extension, whatever
 * its front matter says: a folder's ids are its paths.
 */
export function versionFromText(
  file: string,
  path: string,
  text: string,
  stated: StatedFields = NO_FIELDS,
): Version {
  return buildVersion(idOfFile(file), file, path, text, stated);
}
