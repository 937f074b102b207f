/**
 * A version's metadata as a corpus file states it: the fields of YAML front matter, of a JSON
 * Lines object, or of a CSV row. They win over what is read out of the text (see build.ts).
 */
import { parseDate } from './dates.js';
import { normalizeText } from './normalize.js';
import { sanitizeLine } from './sanitize.js';

/** The metadata a corpus file can state for one version; null when it states none. */
export interface StatedFields {
  readonly id: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  /** As YYYY-MM-DD. */
  readonly date: string | null;
  readonly title: string | null;
  readonly author: string | null;
}

export const NO_FIELDS: StatedFields = {
  id: null,
  outlet: null,
  url: null,
  date: null,
  title: null,
  author: null,
};

/** The names of the stated fields, as they are written in front matter, JSON Lines and CSV. */
export const FIELD_NAMES = ['id', 'outlet', 'url', 'date', 'title', 'author'] as const;

/** Longer than this, a field is not a name, a date or a headline: it is cut. */
const FIELD_MAX_CHARS = 500;

/**
 * A field's value as one clean line: sanitized like the text (a YAML "\e" or a JSON "\u001b" is
 * an escape once parsed), Unicode NFC, runs of white space made one space. Null when empty.
 */
export function cleanField(value: string): string | null {
  const line = sanitizeLine(normalizeText(value).replace(/\s+/g, ' ').trim());
  if (line === '') return null;
  return line.length > FIELD_MAX_CHARS ? line.slice(0, FIELD_MAX_CHARS - 1) + '…' : line;
}

/** A scalar as text: strings, numbers and booleans; null for anything else. */
function scalar(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  // A YAML 1.1 timestamp, or a Date from any parser: its calendar day in UTC.
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return value.toISOString().slice(0, 10);
  }
  return null;
}

/**
 * Read the stated fields of a record (front matter, a JSON object, a CSV row). Field names are
 * matched without regard to case; `author` may be a list of names. A value of the wrong kind, or
 * a date that cannot be read, is left out, and `warn` says why.
 */
export function statedFields(
  record: Readonly<Record<string, unknown>>,
  warn: (message: string) => void,
): StatedFields {
  const byName = new Map<string, unknown>();
  for (const [key, value] of Object.entries(record)) {
    const name = key.trim().toLowerCase();
    if (!byName.has(name)) byName.set(name, value);
  }
  const read = (name: (typeof FIELD_NAMES)[number]): string | null => {
    const value = byName.get(name);
    if (value === undefined || value === null) return null;
    if (name === 'author' && Array.isArray(value)) {
      const names = value.map(scalar).filter((v): v is string => v !== null);
      return cleanField(names.join(', '));
    }
    const text = scalar(value);
    if (text === null) {
      warn(`its ${name} is not text, so it is left out`);
      return null;
    }
    return cleanField(text);
  };
  const dateText = read('date');
  const date = dateText === null ? null : parseDate(dateText);
  if (dateText !== null && date === null) {
    warn(`its date "${dateText}" is not an ISO-8601 or RFC 2822 date, so it is left out`);
  }
  return {
    id: read('id'),
    outlet: read('outlet'),
    url: read('url'),
    date,
    title: read('title'),
    author: read('author'),
  };
}
