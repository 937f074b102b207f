/**
 * YAML front matter, as static sites, Pandoc and note apps write it: a block that opens the file
 * with a `---` line and ends with a `---` (or `...`) line, holding a mapping of fields.
 */
import { parse } from 'yaml';
import { NO_FIELDS, statedFields, type StatedFields } from './fields.js';
import { sanitizeLine } from './sanitize.js';

export interface FrontMatter {
  readonly fields: StatedFields;
  /** The text after the block; the whole text when there is no front matter. */
  readonly body: string;
}

const BLOCK = /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/**
 * Split a version's text (already decoded: LF line ends, no BOM) into its front matter and body.
 * A block that is not a YAML mapping is text (a rule, then a line, then a rule) and stays in the
 * body. A block that is not valid YAML is left out of the body, and `warn` says why.
 */
export function splitFrontMatter(text: string, warn: (message: string) => void): FrontMatter {
  const block = BLOCK.exec(text);
  if (!block) return { fields: NO_FIELDS, body: text };
  let data: unknown;
  try {
    // The core schema: `date: 2025-12-19` stays the text it is, not a time in UTC.
    data = parse(block[1] ?? '', { schema: 'core', uniqueKeys: false, maxAliasCount: 100 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = sanitizeLine(message.split('\n')[0]!);
    warn(`its front matter is not valid YAML (${reason}), so it is left out`);
    return { fields: NO_FIELDS, body: text.slice(block[0].length) };
  }
  if (data === null || data === undefined) {
    return { fields: NO_FIELDS, body: text.slice(block[0].length) };
  }
  if (typeof data !== 'object' || Array.isArray(data)) return { fields: NO_FIELDS, body: text };
  return {
    fields: statedFields(data as Record<string, unknown>, warn),
    body: text.slice(block[0].length),
  };
}
