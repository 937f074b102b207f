/**
 * `gaza-reader diff <a> <b>`: how version B differs from version A, printed as an editor's
 * mark-up. The summary comes first, then every passage in B's order. A changed passage shows A's
 * text then B's: deletions red (or `[-so-]`), insertions green (or `{+so+}`). Unchanged passages
 * are dim, moved ones labelled. `--format html|markdown` writes the same as a report to share
 * (render/report.ts); `--json` (or `--format json`) the documented shape.
 */
import { compare } from '../compare/index.js';
import type { Comparison, Row, Span, Substitution } from '../compare/types.js';
import { findVersion } from '../corpus/resolve.js';
import type { Corpus, Version } from '../corpus/types.js';
import { shortLabels } from '../corpus/labels.js';
import type { Line } from '../render/line.js';
import { diffDocument, diffReport } from '../render/report.js';
import type { Flags } from './args.js';
import { wholeTitle, withWholeTitle } from './title.js';
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
  if (flags.json || flags.format === 'json') {
    printJson(out, diffJson(a, b, comparison));
    return;
  }
  const labels = shortLabels(corpus.versions);
  if (flags.format === 'html' || flags.format === 'markdown') {
    const input = { a: withWholeTitle(a), b: withWholeTitle(b), comparison, labels };
    out.write(diffReport(input, flags.format));
    return;
  }
  out.write(serialize(diffLines(a, b, comparison, out, labels), out));
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
  readonly outlet: string | null;
  readonly title: string;
  readonly words: number;
}

/** The documented `diff --json` shape, and nothing more (no `aText`, no word offsets). */
export function diffJson(a: Version, b: Version, comparison: Comparison): DiffJson {
  const version = (v: Version): VersionJson => ({
    id: v.id,
    outlet: v.outlet,
    title: wholeTitle(v),
    words: v.words,
  });
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
export function diffLines(
  a: Version,
  b: Version,
  comparison: Comparison,
  out: Output,
  labels: ReadonlyMap<string, string> = new Map(),
): Line[] {
  return diffDocument(
    { a, b, comparison, labels },
    { width: out.width, markers: !out.style.enabled, cut: out.isTTY },
  );
}
