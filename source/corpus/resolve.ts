import { UserError } from './errors.js';
import { sanitize } from './sanitize.js';
import type { Corpus, Version } from './types.js';

/** Find a version by its id, its file name, or a unique prefix of its id. */
export function findVersion(corpus: Corpus, name: string): Version {
  const exact = corpus.versions.find((v) => v.id === name || v.file === name);
  if (exact) return exact;
  const matches = corpus.versions.filter((v) => v.id.startsWith(name));
  if (matches.length === 1) return matches[0]!;
  const shown = sanitize(name);
  if (matches.length > 1) {
    throw new UserError(
      `version "${shown}" is ambiguous: it could be ${matches.map((v) => v.id).join(', ')}`,
    );
  }
  const known = corpus.versions
    .slice(0, 8)
    .map((v) => v.id)
    .join(', ');
  const more = corpus.versions.length > 8 ? `, … (${corpus.versions.length} in all)` : '';
  throw new UserError(`no version "${shown}" in the corpus; try one of: ${known}${more}`);
}
