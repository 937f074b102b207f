import { UserError } from './errors.js';
import { sanitizeLine } from './sanitize.js';
import type { Corpus, Version } from './types.js';

/** How many ids an error message lists before it says how many there are in all. */
const LISTED = 8;

/** A few of the corpus's ids, for an error message. */
function someIds(versions: readonly Version[]): string {
  const known = versions
    .slice(0, LISTED)
    .map((v) => v.id)
    .join(', ');
  return versions.length > LISTED ? `${known}, … (${versions.length} in all)` : known;
}

/** Find a version by its id, its file name, or a unique prefix of its id. */
export function findVersion(corpus: Corpus, name: string): Version {
  if (name === '') {
    throw new UserError(`a version name cannot be empty; try one of: ${someIds(corpus.versions)}`);
  }
  const exact = corpus.versions.find((v) => v.id === name || v.file === name);
  if (exact) return exact;
  const matches = corpus.versions.filter((v) => v.id.startsWith(name));
  if (matches.length === 1) return matches[0]!;
  const shown = sanitizeLine(name);
  if (matches.length > 1) {
    throw new UserError(`version "${shown}" is ambiguous: it could be ${someIds(matches)}`);
  }
  throw new UserError(
    `no version "${shown}" in the corpus; try one of: ${someIds(corpus.versions)}`,
  );
}
