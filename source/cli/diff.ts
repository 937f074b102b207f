/**
 * `gaza-reader diff <a> <b>`: how version B differs from version A, printed as an editor's
 * mark-up. The summary comes first, then every passage in B's order. A changed passage shows A's
 * text then B's: deletions red (or `[-so-]`), insertions green (or `{+so+}`). Unchanged passages
 * are dim, moved ones labelled.
 */
import { compare } from '../compare/index.js';
import type { Comparison, Row, Span, Substitution } from '../compare/types.js';
import { findVersion } from '../corpus/resolve.js';
import type { Corpus, Version } from '../corpus/types.js';
import {
  ParagraphWords,
  percent,
  rowLabel,
  substitutionLabel,
  wordCount,
} from '../render/labels.js';
import {
  append,
  indented,
  lineWidth,
  seg,
  truncateLine,
  withGutter,
  wrapSegments,
  type Line,
  type Segment,
} from '../render/line.js';
import { isEdited, sideSegments } from '../render/paint.js';
import type { Flags } from './args.js';
import { printJson, serialize, type Output } from './output.js';

export function runDiff(
  corpus: Corpus,
  aName: string,
  bName: string,
  out: Output,
  flags: Flags,
): void {
  const a = findVersion(corpus, aName);
  const b = findVersion(corpus, bName);
  const comparison = compare(a, b, { exact: flags.exact });
  if (flags.json) {
    printJson(out, diffJson(a, b, comparison));
    return;
  }
  out.write(serialize(diffLines(a, b, comparison, out), out));
}

// ---------------------------------------------------------------------------------------------
// JSON

export interface DiffJson {
  readonly a: VersionJson;
  readonly b: VersionJson;
  readonly stats: { inserted: number; deleted: number; moved: number; similarity: number };
  readonly substitutions: readonly Substitution[];
  readonly rows: ReadonlyArray<{
    kind: Row['kind'];
    a: number | null;
    b: number | null;
    chrome?: true;
    spans: ReadonlyArray<{ op: Span['op']; text: string }>;
  }>;
}

interface VersionJson {
  readonly id: string;
  readonly title: string;
  readonly words: number;
}

/** The documented `diff --json` shape, and nothing more (no `aText`, no word offsets). */
export function diffJson(a: Version, b: Version, comparison: Comparison): DiffJson {
  const version = (v: Version): VersionJson => ({ id: v.id, title: v.title, words: v.words });
  const { inserted, deleted, moved, similarity } = comparison.stats;
  return {
    a: version(a),
    b: version(b),
    stats: { inserted, deleted, moved, similarity: Math.round(similarity * 10_000) / 10_000 },
    substitutions: comparison.substitutions.map(({ from, to, count, repair }) => ({
      from,
      to,
      count,
      ...(repair ? { repair } : {}),
    })),
    rows: comparison.rows.map((row) => ({
      kind: row.kind,
      a: row.a,
      b: row.b,
      ...(row.chrome ? { chrome: row.chrome } : {}),
      spans: row.spans.map((span) => ({ op: span.op, text: span.text })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Text

/** The whole mark-up as lines: who is compared, the summary, then each passage. */
export function diffLines(a: Version, b: Version, comparison: Comparison, out: Output): Line[] {
  const width = Math.max(20, out.width);
  const markers = !out.style.enabled;
  const words = new ParagraphWords();
  const blocks = [header(a, b, out, width, markers), summary(comparison, width)];
  for (const row of comparison.rows) blocks.push(rowBlock(row, a, b, width, markers, words));
  const lines: Line[] = [];
  blocks.forEach((block, k) => {
    if (k > 0) lines.push([]);
    append(lines, block);
  });
  return lines;
}

function header(a: Version, b: Version, out: Output, width: number, markers: boolean): Line[] {
  const line = (sign: Segment, v: Version): Line[] => {
    const lead = [sign, seg(' '), seg(v.id, 'accent'), seg(' '), seg('·', 'dim')];
    lead.push(seg(` ${wordCount(v.words)} `), seg('·', 'dim'), seg(' '));
    // A terminal gets one line per version; a pipe gets the whole title.
    const room = width - lineWidth(lead);
    if (out.isTTY && room >= 10) return [truncateLine([...lead, seg(v.title)], width)];
    return withGutter(wrapSegments([...lead, seg(v.title)], width - 2), [], [seg('  ')]);
  };
  return [
    ...line(seg('−', 'delete'), a),
    ...line(seg('+', 'insert'), b),
    ...indented(
      wrapSegments(
        [
          seg('marks:', 'dim'),
          seg(' '),
          seg(markers ? '[-deleted-]' : 'deleted', 'delete'),
          seg(' '),
          seg(markers ? '{+inserted+}' : 'inserted', 'insert'),
        ],
        width - 2,
      ),
      [seg('  ')],
    ),
  ];
}

/** Width of the summary's names. */
const FIELD = 15;

/** A summary field: its name, then its value wrapped beside it. */
function field(name: string, value: readonly Segment[], width: number): Line[] {
  return indented(wrapSegments(value, width - FIELD), [seg(name.padEnd(FIELD), 'heading')]);
}

/** The summary, as a small table: similarity, words, passages, substitutions. */
function summary(comparison: Comparison, width: number): Line[] {
  const { stats, rows, substitutions } = comparison;
  const count = (kind: Row['kind']): number => rows.filter((row) => row.kind === kind).length;
  const lines = [
    ...field('Similarity', [seg(percent(stats.similarity))], width),
    ...field(
      'Words',
      [
        seg(`${stats.inserted} inserted`, 'insert'),
        seg(', '),
        seg(`${stats.deleted} deleted`, 'delete'),
      ],
      width,
    ),
    ...field(
      'Passages',
      [
        seg(`${stats.moved} moved`, 'moved'),
        seg(`, ${count('added')} added, ${count('removed')} removed`),
      ],
      width,
    ),
  ];
  if (stats.inserted === 0 && stats.deleted === 0 && stats.moved === 0) {
    lines.push(...field('No changes', [seg('the two versions read the same')], width));
  }
  // Scraping repairs ("themust" → "the Gaza ceasefire must") are not edits: listed apart, last.
  const editorial = substitutions.filter((s) => !s.repair);
  const repairs = substitutions.filter((s) => s.repair);
  for (const [name, group] of [
    ['Substitutions', editorial],
    ['Repairs', repairs],
  ] as const) {
    if (group.length === 0) continue;
    const items = group.map((s, k) => [
      ...substitutionLabel(s),
      ...(k < group.length - 1 ? [seg(';', 'dim')] : []),
    ]);
    lines.push(...indented(list(items, width - FIELD), [seg(name.padEnd(FIELD), 'heading')]));
  }
  return lines;
}

/**
 * Items (substitutions hold commas, so they end in semicolons) packed into lines of `room`
 * columns, breaking between items so that none is cut in two unless it is wider than a line.
 */
function list(items: readonly Segment[][], room: number): Line[] {
  const lines: Segment[][] = [];
  let line: Segment[] = [];
  let used = 0;
  for (const item of items) {
    const size = lineWidth(item);
    if (used > 0 && used + 1 + size > room) {
      lines.push(line);
      line = [];
      used = 0;
    }
    if (used > 0) line.push(seg(' '));
    line.push(...item);
    used += (used > 0 ? 1 : 0) + size;
  }
  lines.push(line);
  return lines.flatMap((l) => wrapSegments(l, room));
}

function rowBlock(
  row: Row,
  a: Version,
  b: Version,
  width: number,
  markers: boolean,
  words: ParagraphWords,
): Line[] {
  const head = wrapSegments(rowLabel(row, { a, b, words }), width);
  const edited = row.a !== null && row.b !== null && isEdited(row);
  if (!edited) {
    // Unchanged, added or removed: the passage once, dim or marked whole.
    const side = row.b === null ? 'a' : 'b';
    const whole = row.a === null ? 'insert' : row.b === null ? 'delete' : undefined;
    let segments = sideSegments(row, side, { markers, whole });
    if (!whole) segments = segments.map((s) => seg(s.text, 'dim'));
    return [...head, ...wrapSegments(segments, width)];
  }
  // A changed passage shows A's text with its deletions, then B's with its insertions.
  const signed = (sign: Segment, side: 'a' | 'b'): Line[] =>
    indented(wrapSegments(sideSegments(row, side, { markers }), width - 2), [sign, seg(' ')]);
  return [...head, ...signed(seg('−', 'delete'), 'a'), ...signed(seg('+', 'insert'), 'b')];
}
