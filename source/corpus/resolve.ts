import { isAbsolute, normalize, resolve } from 'node:path';
import { UserError } from './errors.js';
import { outletKey, shortLabels } from './labels.js';
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

/**
 * The version a path-like name (`./-dash.txt`, `stories/a.md`, an absolute path) names: the file
 * at that path from the working folder, or that path inside the corpus folder.
 */
function byPath(corpus: Corpus, name: string): Version | undefined {
  if (!/^\.{0,2}[/\\]/.test(name) && !isAbsolute(name)) return undefined;
  const absolute = resolve(name);
  const inCorpus = normalize(name).replace(/\\/g, '/');
  return corpus.versions.find(
    (v) => v.path === absolute || v.file === inCorpus || v.id === inCorpus,
  );
}

/**
 * Find a version by its id, its file name, a path to its file (`./-dash.txt`), the name it is
 * shown by (see shortLabels: `Daily Ledger · 2`), its outlet where that outlet has one version,
 * or a unique prefix of its id.
 */
export function findVersion(corpus: Corpus, name: string): Version {
  if (name === '') {
    throw new UserError(`a version name cannot be empty; try one of: ${someIds(corpus.versions)}`);
  }
  const exact =
    corpus.versions.find((v) => v.id === name || v.file === name) ?? byPath(corpus, name);
  if (exact) return exact;
  const key = outletKey(name);
  const labels = shortLabels(corpus.versions);
  // `Daily Ledger 2` names `Daily Ledger · 2`: a middle dot is hard to type.
  const loose = (text: string): string => outletKey(text).replace(/\s*·\s*/g, ' ');
  const labelled = corpus.versions.find((v) => loose(labels.get(v.id) ?? '') === loose(name));
  if (labelled) return labelled;
  const shown = sanitizeLine(name);
  const fromOutlet = corpus.versions.filter(
    (v) => v.outlet !== null && outletKey(v.outlet) === key,
  );
  if (fromOutlet.length === 1) return fromOutlet[0]!;
  if (fromOutlet.length > 1) {
    const names = fromOutlet.map((v) => `${labels.get(v.id)!} (${v.id})`).join(', ');
    throw new UserError(
      `outlet "${shown}" has ${fromOutlet.length} versions: name one of ${names}`,
    );
  }
  const matches = corpus.versions.filter((v) => v.id.startsWith(name));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new UserError(`version "${shown}" is ambiguous: it could be ${someIds(matches)}`);
  }
  throw new UserError(
    `no version "${shown}" in the corpus; try one of: ${someIds(corpus.versions)}`,
  );
}
