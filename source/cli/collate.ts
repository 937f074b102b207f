/**
 * `gaza-reader collate [<version>...]`: every version of a story at once. Text output is one
 * block per row where versions differ (the reading, then each group of versions that carry the
 * same text, their changes marked), a compact mark for runs of rows every version shares, and
 * each version's fingerprint. `--json` prints the collation for scripts.
 *
 * The text is built as lines of toned segments, wrapped as plain text, and only then styled.
 */
import { glyphs } from '../render/glyphs.js';
import { collate, type Collation } from '../collate/index.js';
import type { CellSpan, Fingerprint } from '../collate/types.js';
import { UserError } from '../corpus/errors.js';
import { shortLabels } from '../corpus/labels.js';
import { findVersion } from '../corpus/resolve.js';
import { groupStories } from '../corpus/stories.js';
import type { Corpus, Version } from '../corpus/types.js';
import {
  fingerprintLines,
  flat,
  rowLines,
  wrapped,
  type LayoutOptions,
} from '../render/collation.js';
import { seg, truncateLine, type Line } from '../render/line.js';
import type { Flags } from './args.js';
import { escapeHtml, toHtmlPage } from '../render/html.js';
import { escapeMarkdown, toMarkdown } from '../render/markdown.js';
import { printJson, serialize, type Output } from './output.js';

/** Reports are not wrapped to a terminal: the reader's browser or viewer wraps them. */
const REPORT_WIDTH = 100_000;

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
  if (flags.format === 'html' || flags.format === 'markdown') {
    // A report: the same blocks, unwrapped (a browser or a Markdown viewer wraps), marks as tags.
    const report = collateLines(versions, collation, { width: REPORT_WIDTH, markers: false });
    const title = `Every version of “${versions[0]!.title}”: ${versions.length} versions`;
    out.write(
      flags.format === 'html'
        ? toHtmlPage(report, title, undefined, `<h1>${escapeHtml(title)}</h1>`)
        : `# ${escapeMarkdown(title)}\n\n${toMarkdown(report)}`,
    );
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

export type { LayoutOptions };

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n} ${n === 1 ? one : many}`;

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
        seg(
          ` ${glyphs().dot} ${plural(collation.rows.length, 'row')}, ${differing} where versions differ`,
        ),
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
    const rows = first === last ? `Row ${first}` : `Rows ${first}${glyphs().range}${last}`;
    const excerpt = flat(collation.rows[shared[0]!]!.reading);
    lines.push(
      truncateLine(
        [
          seg(`= ${rows}: all ${versions.length} versions read the same ${glyphs().dot} `, 'dim'),
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

/** Print lines of toned segments, serialized last (colors or plain text), one per line. */
export function printLines(lines: readonly Line[], out: Output): void {
  out.write(serialize(lines, out));
}
