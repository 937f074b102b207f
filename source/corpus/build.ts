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
import { ownField, ownString } from './strings.js';
import type { Version } from './types.js';

/** The id a file gives its version: its path in the corpus, with `/` between folders, no extension. */
export function idOfFile(file: string): string {
  const ext = extname(file);
  return sanitizeLine((ext === '' ? file : file.slice(0, -ext.length)).split('\\').join('/'));
}

/**
 * How a version keeps its paragraphs. By default each is copied out of the file's text
 * (ownString), for a version kept on the thread that read it. A loader thread, which posts its
 * versions on, keeps them as read (`asRead`): they go packed (packed.ts), one byte a character
 * where they can be, so a copy here would be made only to be thrown away. (The other fields are
 * always copied: a message keeps a string's width, and a title cut from a text with one curly
 * quote would cross at two bytes a character.)
 */
export type KeepString = (text: string) => string;

export const asRead: KeepString = (text) => text;

/** What a version is made of: every field but the body, which its paragraphs make. */
export type VersionFields = Omit<Version, 'body'>;

/**
 * What every version the corpus builds inherits: its body, joined from its paragraphs when asked
 * for, so that the text is kept once. Copy a version with `withFields`, not with a spread, which
 * would leave the body behind (and, for a version a loader thread sent, its paragraphs, which it
 * reads out of its batch when asked for: corpus/taken.ts).
 */
export const STORED_VERSION = {
  get body(): string {
    return bodyOf(this as unknown as Version);
  },
};

/**
 * A version of these fields (in the order of the Version type, `chrome` only when some). A
 * version a loader thread sent is made by takenVersion (corpus/taken.ts).
 */
export function storedVersion(fields: VersionFields): Version {
  return Object.assign(Object.create(STORED_VERSION) as object, fields) as Version;
}

/** A version's body: its paragraphs joined by blank lines. */
export function bodyOf(version: Pick<Version, 'paragraphs'>): string {
  return version.paragraphs.join('\n\n');
}

/** A copy of a version with some fields changed: a spread would lose its body. */
export function withFields(version: Version, changes: Partial<VersionFields>): Version {
  const fields: VersionFields = {
    id: version.id,
    file: version.file,
    path: version.path,
    title: version.title,
    headline: version.headline,
    date: version.date,
    outlet: version.outlet,
    url: version.url,
    author: version.author,
    paragraphs: version.paragraphs,
    ...(version.chrome ? { chrome: version.chrome } : {}),
    words: version.words,
  };
  return storedVersion({ ...fields, ...changes });
}

/**
 * Build a version from its decoded text (see decodeText) and the fields its file states.
 * `file` names where it came from: a path in the corpus folder, or `archive.jsonl:12`.
 * Every string it keeps is its own copy (see ownString), never a slice of the file's text; its
 * paragraphs are kept as `keep` says.
 */
export function buildVersion(
  id: string,
  file: string,
  path: string,
  text: string,
  stated: StatedFields = NO_FIELDS,
  keep: KeepString = ownString,
): Version {
  const parsed = parseText(text);
  const paragraphs = parsed.paragraphs.map((paragraph) => keep(paragraph));
  let words = 0;
  for (const paragraph of paragraphs) words += countWords(paragraph);
  return storedVersion({
    id: ownString(id),
    file: sanitizeLine(file),
    path,
    title: ownString(stated.title ?? titleOf(parsed, id)),
    headline: ownField(parsed.headline),
    date: ownField(stated.date ?? parsed.date),
    outlet: ownField(stated.outlet),
    url: ownField(stated.url),
    author: ownField(stated.author),
    paragraphs,
    ...(parsed.chrome ? { chrome: parsed.chrome } : {}),
    words,
  });
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
  keep?: KeepString,
): Version {
  return buildVersion(idOfFile(file), file, path, text, stated, keep);
}
