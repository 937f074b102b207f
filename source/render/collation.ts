/**
 * A collation's pieces as lines of toned segments, shared by the `collate` and `changes` commands
 * and the reader's story view and search preview: a row's variants, a version's fingerprint, a
 * version's change to a phrase. Plain text, wrapped here; styled last by a serializer or Ink.
 */
import type { Collation, CollationRow } from '../collate/types.js';
import type { CellSpan, Fingerprint } from '../collate/types.js';
import type { PhraseChange } from '../collate/changes.js';
import { variantsOf } from '../collate/variants.js';
import { glyphs } from './glyphs.js';
import { seg, truncateLine, withGutter, wrapSegments, type Line, type Segment } from './line.js';
import type { Tone } from './theme.js';

export interface LayoutOptions {
  readonly width: number;
  /** Mark changes with [-deleted-] and {+inserted+}, for output without color. */
  readonly markers: boolean;
}

/** Text as one line of words: the corpus's line breaks inside a passage are spaces here. */
export const flat = (text: string): string => text.replace(/\s+/g, ' ');

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
export function placeOf(label: string, paragraph: number | null): string {
  return paragraph === null ? label : `${label} ${glyphs().paragraph}${paragraph + 1}`;
}

/**
 * A row where versions differ: a heading, the reading, then each group of versions that carry the
 * same text ("~ 002 ¶3, 003 ¶4"), with the changed text under its group, changes toned.
 */
export function rowLines(
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
        seg(
          ` ${glyphs().dot} ${share} ${glyphs().dot} reading from ${placeOf(label(where.version), where.paragraph)}`,
          'dim',
        ),
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

/** A fingerprint's counts: "+12 −3 words · 1 added · 0 dropped · 2 moved". */
export function fingerprintCounts(f: Fingerprint): Segment[] {
  return [
    seg(`+${f.inserted}`, 'insert'),
    seg(' '),
    seg(`${glyphs().minus}${f.deleted}`, 'delete'),
    seg(
      ` words ${glyphs().dot} ${f.added} added ${glyphs().dot} ${f.dropped} dropped ${glyphs().dot} `,
    ),
    seg(`${f.moved} moved`, 'moved'),
  ];
}

/** A fingerprint's substitutions: "militants → resistance; Turkey → Türkiye ×2". */
export function fingerprintSwaps(f: Fingerprint): Segment[] {
  const swaps: Segment[] = [];
  f.substitutions.forEach((s, k) => {
    if (k > 0) swaps.push(seg('; ', 'dim'));
    swaps.push(seg(flat(s.from), 'delete'), seg(` ${glyphs().arrow} `), seg(flat(s.to), 'insert'));
    if (s.count > 1) swaps.push(seg(` ${glyphs().times}${s.count}`, 'dim'));
  });
  return swaps;
}

/** A fingerprint under the version's name: the counts, then the substitutions, wrapped. */
export function fingerprintLines(
  f: Fingerprint,
  label: (id: string) => string,
  idWidth: number,
  width: number,
): Line[] {
  const indent = idWidth + 4;
  const head = [seg('  '), seg(label(f.version).padEnd(idWidth), 'accent'), seg('  ')];
  const lines = withGutter(wrapSegments(fingerprintCounts(f), Math.max(10, width - indent)), head, [
    seg(' '.repeat(indent)),
  ]);
  if (f.substitutions.length > 0) lines.push(...wrapped(fingerprintSwaps(f), width, indent));
  return lines;
}

/** A fingerprint on one line, cut to the width: the story view's list of outlets. */
export function fingerprintLine(
  f: Fingerprint,
  label: (id: string) => string,
  idWidth: number,
  width: number,
): Line {
  const swaps = fingerprintSwaps(f);
  return truncateLine(
    [
      seg(label(f.version).padEnd(idWidth), 'accent'),
      seg('  '),
      ...fingerprintCounts(f),
      ...(swaps.length > 0 ? [seg(` ${glyphs().dot} `, 'dim'), ...swaps] : []),
    ],
    width,
  );
}

/** One version's change to a phrase: what it did, then the passage with its changes toned. */
export function changeLines(
  change: PhraseChange,
  collation: Collation,
  label: (id: string) => string,
  width: number,
  markers: boolean,
): Line[] {
  const row = collation.rows[change.row]!;
  const cell = row.cells.find((c) => c.version === change.version)!;
  const inserted = change.change === 'inserted';
  const how =
    change.passage === null
      ? 'removed it: dropped the passage'
      : change.reading === null
        ? `inserted it, in a passage only ${row.carriers === 1 ? 'it carries' : 'a minority carry'}`
        : `${change.change} it`;
  const head: Segment[] = [
    seg(inserted ? '+ ' : `${glyphs().minus} `, inserted ? 'insert' : 'delete'),
    seg(placeOf(label(change.version), change.paragraph), 'accent'),
    seg(` ${how}`),
  ];
  const text: Segment[] =
    change.passage === null
      ? [seg(flat(row.reading), 'delete')]
      : change.reading === null
        ? [seg(flat(change.passage))]
        : spanSegments(cell.spans, markers);
  return [...wrapped(head, width, 2), ...wrapped(text, width, 4)];
}
