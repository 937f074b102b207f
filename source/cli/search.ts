/**
 * `gaza-reader search <query>`: the search pane's results, printed.
 *
 * Each hit is a header naming the versions that carry the passage, and where ("000, 003 ¶4 ·
 * 004 ¶10": paragraphs counted from 1), then the passage, wrapped and indented, its matches in
 * black on yellow, or between [[ and ]] when there is no color. `--json` prints the hits as the
 * search engine returns them (paragraphs counted from 0). Like grep, no match is exit status 1.
 */
import { UserError } from '../corpus/errors.js';
import { sanitizeLine } from '../corpus/sanitize.js';
import type { Corpus } from '../corpus/types.js';
import { hitPlaces } from '../render/labels.js';
import { indented, seg, wrapSegments, type Line } from '../render/line.js';
import { highlight } from '../render/paint.js';
import { buildSearchIndex } from '../search/index.js';
import type { SearchHit } from '../search/types.js';
import type { Flags } from './args.js';
import { printJson, serialize, type Output } from './output.js';
import { shortLabels } from '../corpus/labels.js';

const INDENT = 2;

/** A hit: where it stands, then its passage with the matches marked, indented. */
export function hitLines(
  hit: SearchHit,
  short: ReadonlyMap<string, string>,
  width: number,
  markers: boolean,
): Line[] {
  const passage = highlight(hit.passage, hit.matches, markers);
  return [
    ...wrapSegments(hitPlaces(hit, short), width),
    ...indented(wrapSegments(passage, Math.max(1, width - INDENT)), [seg(' '.repeat(INDENT))]),
  ];
}

/** Every hit, a blank line between them. */
export function searchLines(
  hits: readonly SearchHit[],
  short: ReadonlyMap<string, string>,
  width: number,
  markers: boolean,
): Line[] {
  return hits.flatMap((hit, k) => [
    ...(k > 0 ? [[]] : []),
    ...hitLines(hit, short, width, markers),
  ]);
}

/** A hit as `--json` prints it. */
function toJson(hit: SearchHit): SearchHit {
  return {
    passage: hit.passage,
    versions: hit.versions.map(({ id, paragraph }) => ({ id, paragraph })),
    score: Math.round(hit.score * 1000) / 1000,
    matches: hit.matches.map(([start, end]) => [start, end] as const),
  };
}

/**
 * Print the hits for `query`. Returns the exit status, and sets it: 0 when something matched,
 * 1 (with a line on stderr) when nothing did.
 */
export function runSearch(
  corpus: Corpus,
  query: string,
  out: Output,
  flags: Flags,
  complain: (line: string) => void = (line) => process.stderr.write(line),
): number {
  if (query.trim() === '') {
    throw new UserError('search needs something to look for, e.g. gaza-reader search Rafah');
  }
  const index = buildSearchIndex(corpus.versions);
  const hits = index.search(query, { limit: flags.limit });
  if (flags.json) printJson(out, hits.map(toJson));
  if (hits.length === 0) {
    complain(`gaza-reader: no matches for "${sanitizeLine(query)}"\n`);
    process.exitCode = 1;
    return 1;
  }
  if (!flags.json) {
    const lines = searchLines(hits, shortLabels(corpus.versions), out.width, !out.style.enabled);
    out.write(serialize(lines, out));
  }
  return 0;
}
