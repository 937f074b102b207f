/**
 * A comparison as a document: who is compared, the summary, then every passage in B's order. The
 * `diff` command prints it (ANSI or plain text), and the same document becomes a report to share:
 * one self-contained HTML page or a Markdown file (`diff --format html|markdown`, and the reader's
 * export key). Every piece of corpus text goes through the serializers, which escape it.
 */
import type { Comparison, Row } from '../compare/types.js';
import type { Version } from '../corpus/types.js';
import { glyphs } from './glyphs.js';
import { escapeHtml, toHtmlPage } from './html.js';
import {
  ParagraphWords,
  percent,
  rowLabel,
  substitutionLabel,
  wordCount,
  type RowVersions,
} from './labels.js';
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
} from './line.js';
import { escapeMarkdown, toMarkdown } from './markdown.js';
import { isEdited, sideSegments } from './paint.js';

/** The two versions compared, the comparison, and the name each version is shown by. */
export interface DiffInput {
  readonly a: Version;
  readonly b: Version;
  readonly comparison: Comparison;
  /** Names by id (shortLabels: the outlet, or a short id); a version without one shows its id. */
  readonly labels: ReadonlyMap<string, string>;
}

export interface DiffLayout {
  /** Columns to wrap to. */
  readonly width: number;
  /** Changes marked in the text ([-deleted-] {+inserted+}) rather than by tones alone. */
  readonly markers: boolean;
  /** One line per version in the header, its title cut to fit (a terminal). */
  readonly cut: boolean;
}

export const nameOf = (input: DiffInput, version: Version): string =>
  input.labels.get(version.id) ?? version.id;

/** The whole text document: who is compared, the summary, then each passage. */
export function diffDocument(input: DiffInput, layout: DiffLayout): Line[] {
  const width = Math.max(20, layout.width);
  const blocks = [
    diffHeader(input, { ...layout, width }),
    ...diffBody(input, width, layout.markers),
  ];
  return joinBlocks(blocks);
}

/** Blocks of lines, a blank line between them. */
function joinBlocks(blocks: readonly (readonly Line[])[]): Line[] {
  const lines: Line[] = [];
  blocks.forEach((block, k) => {
    if (k > 0) lines.push([]);
    append(lines, block);
  });
  return lines;
}

/**
 * The summary and the passages, as blocks: what every format shows the same way. In a report the
 * signs before A's and B's text are not marks (a struck − would read as a deletion).
 */
function diffBody(input: DiffInput, width: number, markers: boolean, report = false): Line[][] {
  const { a, b, comparison } = input;
  const words = new ParagraphWords();
  const signs: Signs = report
    ? [seg(glyphs().minus, 'dim'), seg('+', 'dim')]
    : [seg(glyphs().minus, 'delete'), seg('+', 'insert')];
  const blocks = [summary(comparison, width)];
  for (const row of comparison.rows) {
    blocks.push(rowBlock(row, { a, b, words }, width, markers, signs));
  }
  return blocks;
}

/** The signs before A's text and B's text in a changed passage. */
type Signs = readonly [Segment, Segment];

/** A version's line: its sign, its name, its words and its title. */
function header(input: DiffInput, layout: DiffLayout): Line[] {
  const { width } = layout;
  const line = (sign: Segment, v: Version): Line[] => {
    const lead = [
      sign,
      seg(' '),
      seg(nameOf(input, v), 'accent'),
      seg(' '),
      seg(glyphs().dot, 'dim'),
    ];
    lead.push(seg(` ${wordCount(v.words)} `), seg(glyphs().dot, 'dim'), seg(' '));
    // A terminal gets one line per version; a pipe gets the whole title.
    const room = width - lineWidth(lead);
    if (layout.cut && room >= 10) return [truncateLine([...lead, seg(v.title)], width)];
    return withGutter(wrapSegments([...lead, seg(v.title)], width - 2), [], [seg('  ')]);
  };
  return [...line(seg(glyphs().minus, 'delete'), input.a), ...line(seg('+', 'insert'), input.b)];
}

/** The legend: how deletions and insertions are marked. */
function legend(markers: boolean): Segment[] {
  return [
    seg('marks:', 'dim'),
    seg(' '),
    seg(markers ? '[-deleted-]' : 'deleted', 'delete'),
    seg(' '),
    seg(markers ? '{+inserted+}' : 'inserted', 'insert'),
  ];
}

function diffHeader(input: DiffInput, layout: DiffLayout): Line[] {
  return [
    ...header(input, layout),
    ...indented(wrapSegments(legend(layout.markers), layout.width - 2), [seg('  ')]),
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
  versions: RowVersions,
  width: number,
  markers: boolean,
  signs: Signs,
): Line[] {
  const head = wrapSegments(rowLabel(row, versions), width);
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
  return [...head, ...signed(signs[0], 'a'), ...signed(signs[1], 'b')];
}

// ---------------------------------------------------------------------------------------------
// Reports

export type ReportFormat = 'html' | 'markdown';

/** Reports are not wrapped: a browser or a Markdown viewer wraps them to its window. */
const UNWRAPPED = 1_000_000;

/** The URL as a link target, only when it is an http or https URL; else null (shown as text). */
export function safeLink(url: string | null): string | null {
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

/** The report's heading, in words: which way the marks read. */
export function reportTitle(input: DiffInput): string {
  return `What ${nameOf(input, input.b)} changed from ${nameOf(input, input.a)}`;
}

/** A version's facts, in the order a citation gives them: name, id, date, author, words. */
function facts(input: DiffInput, v: Version): string[] {
  const name = nameOf(input, v);
  return [
    name,
    ...(name !== v.id ? [v.id] : []),
    ...(v.date ? [v.date] : []),
    ...(v.author ? [v.author] : []),
    wordCount(v.words),
  ];
}

/** A report of the comparison: a whole HTML page, or a Markdown file. */
export function diffReport(input: DiffInput, format: ReportFormat): string {
  const body = joinBlocks(diffBody(input, UNWRAPPED, false, true));
  return format === 'html' ? htmlReport(input, body) : markdownReport(input, body);
}

function htmlReport(input: DiffInput, body: readonly Line[]): string {
  const version = (sign: string, element: 'del' | 'ins', v: Version): string => {
    const link = safeLink(v.url);
    const url =
      v.url === null
        ? ''
        : link === null
          ? ` · <span class="url">${escapeHtml(v.url)}</span>`
          : ` · <a href="${escapeHtml(link)}">${escapeHtml(v.url)}</a>`;
    const [name, ...rest] = facts(input, v).map(escapeHtml);
    return (
      `<li><${element}>${sign}</${element}> <strong>${name}</strong>` +
      `${rest.map((fact) => ` · ${fact}`).join('')}${url}` +
      `<br><cite>${escapeHtml(v.title)}</cite></li>`
    );
  };
  const preamble = [
    `<h1>${escapeHtml(reportTitle(input))}</h1>`,
    '<ul class="versions">',
    version('−', 'del', input.a),
    version('+', 'ins', input.b),
    '</ul>',
    '<p class="gaza-reader">Marks: <del class="tone-delete">deleted</del> ' +
      '<ins class="tone-insert">inserted</ins></p>',
  ].join('\n');
  return toHtmlPage(body, reportTitle(input), undefined, preamble);
}

function markdownReport(input: DiffInput, body: readonly Line[]): string {
  const version = (sign: string, v: Version): string => {
    const link = safeLink(v.url);
    const url =
      v.url === null
        ? []
        : link === null
          ? [escapeMarkdown(v.url)]
          : [`[${escapeMarkdown(v.url)}](<${link}>)`];
    const [name, ...rest] = facts(input, v).map(escapeMarkdown);
    return (
      [`${sign} **${name}**`, ...rest, ...url].join(' · ') + `\\\n  *${escapeMarkdown(v.title)}*`
    );
  };
  return [
    `# ${escapeMarkdown(reportTitle(input))}`,
    '',
    version('−', input.a),
    '',
    version('\\+', input.b),
    '',
    'Marks: ~~deleted~~ **inserted**',
    '',
    toMarkdown(body),
  ].join('\n');
}
