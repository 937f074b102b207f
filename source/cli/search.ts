/**
 * `gaza-reader search <query>`: the search pane's results, printed.
 *
 * Each hit is a header naming the versions that carry the passage, and where ("000, 003 ¶4 ·
 * 004 ¶10": paragraphs counted from 1), then the passage, wrapped and indented, its matches in
 * bold yellow, or between [[ and ]] when there is no color. `--json` prints the hits as the
 * search engine returns them (paragraphs counted from 0). Like grep, no match is exit status 1.
 */
import { UserError } from '../corpus/errors.js';
import { sanitizeLine } from '../corpus/sanitize.js';
import type { Corpus } from '../corpus/types.js';
import { buildSearchIndex } from '../search/index.js';
import type { SearchHit } from '../search/types.js';
import type { Flags } from './args.js';
import { printJson, wrapText, type Output } from './output.js';
import type { Style } from './style.js';
import { shortLabels } from '../corpus/labels.js';

const INDENT = '  ';
/** Marks a match when there is no color to show it. */
export const PLAIN_MARKS = ['[[', ']]'] as const;
/** A header names at most this many places before it says how many more there are. */
const MAX_PLACES = 12;

/** "000, 003 ¶4 · 004 ¶10": versions grouped by paragraph, in the order the hit lists them. */
export function placesLabel(
  hit: SearchHit,
  short: ReadonlyMap<string, string>,
  style: Style,
): string {
  const byParagraph = new Map<number, string[]>();
  for (const { id, paragraph } of hit.versions.slice(0, MAX_PLACES)) {
    const ids = byParagraph.get(paragraph) ?? [];
    ids.push(style.cyan(short.get(id) ?? id));
    byParagraph.set(paragraph, ids);
  }
  const groups = [...byParagraph].map(([paragraph, ids]) => `${ids.join(', ')} ¶${paragraph + 1}`);
  const more = hit.versions.length - MAX_PLACES;
  const tail = more > 0 ? style.dim(` · ${more} more versions`) : '';
  return groups.join(style.dim(' · ')) + tail;
}

/** The passage with its matches between [[ and ]]: how matches show without color. */
export function bracketMatches(hit: SearchHit): string {
  let marked = '';
  let at = 0;
  for (const [start, end] of hit.matches) {
    marked += hit.passage.slice(at, start) + PLAIN_MARKS[0] + hit.passage.slice(start, end);
    marked += PLAIN_MARKS[1];
    at = end;
  }
  return marked + hit.passage.slice(at);
}

const isSpace = (ch: string | undefined): boolean =>
  ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';

/**
 * Paint the matches of a passage onto its wrapped lines. Wrapping only turns runs of spaces into
 * one space or a line break and cuts long words, so reading the passage alongside the lines puts
 * each character of a line back at its place in the passage.
 */
export function paintWrapped(
  passage: string,
  matches: SearchHit['matches'],
  lines: readonly string[],
  paint: (text: string) => string,
): string[] {
  const matched = new Uint8Array(passage.length);
  for (const [start, end] of matches) matched.fill(1, start, end);
  let at = 0;
  return lines.map((line) => {
    while (isSpace(passage[at])) at++;
    let out = '';
    let run = '';
    let painting = false;
    const flush = (): void => {
      out += painting ? paint(run) : run;
      run = '';
    };
    for (const ch of line) {
      let inMatch = false;
      if (ch === ' ') {
        // One space stands for the run of spaces there; inside a match it is painted too.
        inMatch = matched[at] === 1 && at > 0 && matched[at - 1] === 1;
        while (isSpace(passage[at])) at++;
      } else {
        inMatch = matched[at] === 1;
        at += ch.length;
      }
      if (inMatch !== painting) {
        flush();
        painting = inMatch;
      }
      run += ch;
    }
    flush();
    return out;
  });
}

function formatHit(hit: SearchHit, short: ReadonlyMap<string, string>, out: Output): string {
  const width = Math.max(1, out.width - INDENT.length);
  const { style } = out;
  const lines = style.enabled
    ? paintWrapped(hit.passage, hit.matches, wrapText(hit.passage, width), (text) =>
        style.bold(style.yellow(text)),
      )
    : wrapText(bracketMatches(hit), width);
  return placesLabel(hit, short, style) + '\n' + lines.map((l) => INDENT + l).join('\n') + '\n';
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
    const short = shortLabels(corpus.versions);
    out.write(hits.map((hit) => formatHit(hit, short, out)).join('\n'));
  }
  return 0;
}
