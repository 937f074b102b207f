/**
 * `gaza-reader collate [<version>...]`: every version of a story at once. Text output is one
 * block per row where versions differ (the reading, then each group of versions that carry the
 * same text, their changes marked), a compact mark for runs of rows every version shares, and
 * each version's fingerprint. `--json` prints the collation for scripts.
 *
 * The text is built as lines of toned segments, wrapped as plain text, and only then styled.
 */
import { collate, variantsOf, type Collation, type CollationRow } from '../collate/index.js';
import type { CellSpan, Fingerprint } from '../collate/types.js';
import { UserError } from '../corpus/errors.js';
import { shortLabels } from '../corpus/labels.js';
import { findVersion } from '../corpus/resolve.js';
import { groupStories } from '../corpus/stories.js';
import type { Corpus, Version } from '../corpus/types.js';
import {
  seg,
  truncateLine,
  withGutter,
  wrapSegments,
  type Line,
  type Segment,
} from '../render/line.js';
import type { Tone } from '../render/theme.js';
import type { Flags } from './args.js';
import { printJson, serialize, type Output } from './output.js';

/** The versions `names` ask for: those named, the story of the one named, or the only story. */
export function versionsToCollate(corpus: Corpus, names: readonly string[]): Version[] {
  if (names.length >= 2) {
    const chosen = [
      ...new Map(
        names.map((name) => findVersion(corpus, name)).map((v) => [v.id, v] as const),
      ).values(),
    ];
    if (chosen.length < 2) throw new UserError('collate needs at least two different versions');
    return chosen;
  }
  const named = names.length === 1 ? findVersion(corpus, names[0]!) : undefined;
  if (!named && corpus.versions.length < 2) {
    throw new UserError('collate needs at least two versions, and the corpus has one');
  }
  const { stories } = groupStories(corpus.versions);
  if (named) {
    const story = stories.find((s) => s.versions.includes(named))!;
    if (story.versions.length < 2) {
      throw new UserError(
        `${named.id} is the only version of its story; name two or more versions to collate them`,
      );
    }
    return [...story.versions];
  }
  if (stories.length !== 1) {
    throw new UserError(
      `the corpus holds ${stories.length} stories; name a version to collate its story, e.g. gaza-reader collate ${stories[0]!.versions[0]!.id}`,
    );
  }
  return [...stories[0]!.versions];
}

export function runCollate(
  corpus: Corpus,
  names: readonly string[],
  out: Output,
  flags: Flags,
): void {
  const versions = versionsToCollate(corpus, names);
  const collation = collate(versions, { exact: flags.exact });
  if (flags.json) {
    printJson(out, collateJson(versions, collation));
    return;
  }
  const lines = collateLines(versions, collation, {
    width: out.width,
    markers: !out.style.enabled,
  });
  printLines(lines, out);
}

// ---------------------------------------------------------------------------------------------
// JSON

export interface CollateJson {
  readonly versions: ReadonlyArray<{ id: string; title: string; words: number }>;
  readonly central: string;
  readonly rows: ReadonlyArray<{
    reading: string;
    cells: ReadonlyArray<{
      version: string;
      paragraph: number | null;
      state: string;
      moved: boolean;
      spans: readonly CellSpan[];
    }>;
  }>;
  readonly fingerprints: readonly Fingerprint[];
}

/** The documented `collate --json` shape. */
export function collateJson(versions: readonly Version[], collation: Collation): CollateJson {
  return {
    versions: versions.map((v) => ({ id: v.id, title: v.title, words: v.words })),
    central: collation.central,
    rows: collation.rows.map((row) => ({
      reading: row.reading,
      cells: row.cells.map((cell) => ({
        version: cell.version,
        paragraph: cell.paragraph,
        state: cell.state,
        moved: cell.moved,
        spans: cell.spans.map(({ op, text }) => ({ op, text })),
      })),
    })),
    fingerprints: collation.fingerprints.map((f) => ({
      version: f.version,
      inserted: f.inserted,
      deleted: f.deleted,
      added: f.added,
      dropped: f.dropped,
      moved: f.moved,
      substitutions: f.substitutions.map(({ from, to, count }) => ({ from, to, count })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Text: lines of toned segments

export interface LayoutOptions {
  readonly width: number;
  /** Mark changes with [-deleted-] and {+inserted+}, for output without color. */
  readonly markers: boolean;
}

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n} ${n === 1 ? one : many}`;

/** Text as one line of words: the corpus's line breaks inside a passage are spaces here. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

/** Wrap segments to the width, under a gutter of `indent` spaces. */
export function wrapped(segments: readonly Segment[], width: number, indent: number): Line[] {
  const pad = [seg(' '.repeat(indent))];
  return withGutter(wrapSegments(segments, Math.max(10, width - indent)), pad, pad);
}

/** A cell's text with its changes against the reading toned (and marked, without color). */
export function spanSegments(spans: readonly CellSpan[], markers: boolean): Segment[] {
  return spans.flatMap((span) => {
    const text = flat(span.text);
    if (span.op === 'equal') return [seg(text)];
    const tone: Tone = span.op === 'insert' ? 'insert' : 'delete';
    if (!markers) return [seg(text, tone)];
    const body = text.trimEnd();
    const [open, close] = span.op === 'insert' ? ['{+', '+}'] : ['[-', '-]'];
    return [seg(open + body + close, tone), seg(text.slice(body.length))];
  });
}

/** Where a cell stands: "003 ¶9", paragraphs counted from 1. */
function placeOf(label: string, paragraph: number | null): string {
  return paragraph === null ? label : `${label} ¶${paragraph + 1}`;
}

/** The whole collation as lines: who is collated, each row that differs, the fingerprints. */
export function collateLines(
  versions: readonly Version[],
  collation: Collation,
  options: LayoutOptions,
): Line[] {
  const labels = shortLabels(versions);
  const label = (id: string): string => labels.get(id) ?? id;
  const { width } = options;
  const differing = collation.rows.filter((row) => row.varies).length;
  const lines: Line[] = [];
  lines.push(
    ...wrapped(
      [
        seg(`Collation of ${plural(versions.length, 'version')}`, 'heading'),
        seg(` · ${plural(collation.rows.length, 'row')}, ${differing} where versions differ`),
      ],
      width,
      0,
    ),
  );
  lines.push(
    ...wrapped(
      [
        seg('Rows follow '),
        seg(label(collation.central), 'accent'),
        seg(', the version closest to all the others.'),
      ],
      width,
      0,
    ),
  );
  const idWidth = Math.max(...versions.map((v) => label(v.id).length));
  for (const v of versions) {
    const lead = [
      seg('  '),
      seg(label(v.id).padEnd(idWidth), 'accent'),
      seg(` ${String(v.words).padStart(5)} words  `, 'dim'),
    ];
    lines.push(truncateLine([...lead, seg(flat(v.title))], width));
  }
  lines.push(
    wrapped(
      [
        seg('Marks: = same, ~ changed, . absent, '),
        seg('moved', 'moved'),
        seg(', '),
        seg(options.markers ? '[-deleted-]' : 'deleted', 'delete'),
        seg(', '),
        seg(options.markers ? '{+inserted+}' : 'inserted', 'insert'),
      ],
      width,
      0,
    )[0]!,
  );

  let shared: number[] = [];
  const flush = (): void => {
    if (shared.length === 0) return;
    lines.push([]);
    const first = shared[0]! + 1;
    const last = shared[shared.length - 1]! + 1;
    const rows = first === last ? `Row ${first}` : `Rows ${first}–${last}`;
    const excerpt = flat(collation.rows[shared[0]!]!.reading);
    lines.push(
      truncateLine(
        [
          seg(`= ${rows}: all ${versions.length} versions read the same · `, 'dim'),
          seg(excerpt, 'dim'),
        ],
        width,
      ),
    );
    shared = [];
  };
  collation.rows.forEach((row, r) => {
    if (!row.varies) {
      shared.push(r);
      return;
    }
    flush();
    lines.push([]);
    lines.push(...rowLines(row, r, versions.length, label, options));
  });
  flush();

  lines.push([]);
  lines.push(...wrapped([seg('Fingerprints against the readings', 'heading')], width, 0));
  for (const f of collation.fingerprints) lines.push(...fingerprintLines(f, label, idWidth, width));
  return lines;
}

function rowLines(
  row: CollationRow,
  r: number,
  total: number,
  label: (id: string) => string,
  options: LayoutOptions,
): Line[] {
  const { width, markers } = options;
  const where = row.cells.find((cell) => cell.version === row.readingVersion)!;
  const share =
    row.carriers === 1
      ? `only ${label(row.readingVersion)} carries it`
      : `${row.carriers} of ${total} versions`;
  const lines: Line[] = [
    truncateLine(
      [
        seg(`Row ${r + 1}`, 'heading'),
        seg(` · ${share} · reading from ${placeOf(label(where.version), where.paragraph)}`, 'dim'),
      ],
      width,
    ),
  ];
  lines.push(...wrapped([seg(flat(row.reading))], width, 2));
  for (const variant of variantsOf(row)) {
    const mark = variant.state === 'same' ? '=' : variant.state === 'changed' ? '~' : '.';
    const names: Segment[] = [seg(`${mark} `, 'heading')];
    variant.cells.forEach((cell, k) => {
      if (k > 0) names.push(seg(', '));
      names.push(seg(placeOf(label(cell.version), cell.paragraph), 'accent'));
      if (cell.moved) names.push(seg(' moved', 'moved'));
    });
    lines.push(...wrapped(names, width, 2));
    if (variant.state === 'changed') {
      lines.push(...wrapped(spanSegments(variant.cells[0]!.spans, markers), width, 4));
    }
  }
  return lines;
}

function fingerprintLines(
  f: Fingerprint,
  label: (id: string) => string,
  idWidth: number,
  width: number,
): Line[] {
  const indent = idWidth + 4;
  const counts: Segment[] = [
    seg(`+${f.inserted}`, 'insert'),
    seg(' '),
    seg(`−${f.deleted}`, 'delete'),
    seg(` words · ${f.added} added · ${f.dropped} dropped · `),
    seg(`${f.moved} moved`, 'moved'),
  ];
  const head = [seg('  '), seg(label(f.version).padEnd(idWidth), 'accent'), seg('  ')];
  const lines = withGutter(wrapSegments(counts, Math.max(10, width - indent)), head, [
    seg(' '.repeat(indent)),
  ]);
  if (f.substitutions.length > 0) {
    const swaps: Segment[] = [];
    f.substitutions.forEach((s, k) => {
      if (k > 0) swaps.push(seg('; ', 'dim'));
      swaps.push(seg(flat(s.from), 'delete'), seg(' → '), seg(flat(s.to), 'insert'));
      if (s.count > 1) swaps.push(seg(` ×${s.count}`, 'dim'));
    });
    lines.push(...wrapped(swaps, width, indent));
  }
  return lines;
}

/** Print lines of toned segments, serialized last (colors or plain text), one per line. */
export function printLines(lines: readonly Line[], out: Output): void {
  out.write(serialize(lines, out));
}
