/**
 * `gaza-reader diff <a> <b>`: how version B differs from version A, printed as an editor's
 * mark-up. The summary comes first, then every passage in B's order. A changed passage shows A's
 * text then B's: deletions red (or `[-so-]`), insertions green (or `{+so+}`). Unchanged passages
 * are dim, moved ones labelled.
 */
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { compare } from '../compare/index.js';
import type { Comparison, Row, Span, Substitution } from '../compare/types.js';
import { findVersion } from '../corpus/resolve.js';
import type { Corpus, Version } from '../corpus/types.js';
import type { Flags } from './args.js';
import { printJson, type Output } from './output.js';
import type { Style } from './style.js';

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
  out.write(renderDiff(a, b, comparison, out));
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

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The whole mark-up: who is compared, the summary, then each passage. */
export function renderDiff(a: Version, b: Version, comparison: Comparison, out: Output): string {
  const blocks = [header(a, b, out), summary(comparison, out)];
  for (const row of comparison.rows) blocks.push(rowBlock(row, a, b, out));
  return blocks.join('\n\n') + '\n';
}

function header(a: Version, b: Version, out: Output): string {
  const { style } = out;
  const line = (sign: string, tone: (t: string) => string, v: Version): string => {
    const lead = `${tone(sign)} ${style.cyan(v.id)} ${style.dim('·')} ${plural(v.words, 'word')} ${style.dim('·')} `;
    // A terminal gets one line per version; a pipe gets the whole title.
    const room = out.width - stringWidth(lead);
    const title = out.isTTY && room >= 10 ? cliTruncate(v.title, room) : v.title;
    return wrap(lead + title, out, 2);
  };
  const lines = [line('−', style.red, a), line('+', style.green, b)];
  lines.push(
    style.enabled
      ? `  ${style.dim('marks:')} ${style.red('deleted')} ${style.green('inserted')}`
      : '  marks: [-deleted-] {+inserted+}',
  );
  return lines.join('\n');
}

/** The summary, as a small table: similarity, words, passages, substitutions. */
function summary(comparison: Comparison, out: Output): string {
  const { style } = out;
  const { stats, rows, substitutions } = comparison;
  const count = (kind: Row['kind']): number => rows.filter((row) => row.kind === kind).length;
  const field = (name: string, value: string): string =>
    wrap(style.bold(name.padEnd(FIELD)) + value, out, FIELD);
  const lines = [
    field('Similarity', `${Math.round(stats.similarity * 100)}%`),
    field(
      'Words',
      `${style.green(`${stats.inserted} inserted`)}, ${style.red(`${stats.deleted} deleted`)}`,
    ),
    field(
      'Passages',
      `${style.magenta(`${stats.moved} moved`)}, ${count('added')} added, ${count('removed')} removed`,
    ),
  ];
  if (stats.inserted === 0 && stats.deleted === 0 && stats.moved === 0) {
    lines.push(style.bold('No changes'.padEnd(FIELD)) + 'the two versions read the same');
  }
  if (substitutions.length > 0) {
    const swaps = substitutions.map(
      (s) =>
        `${style.red(s.from)} → ${style.green(s.to)}${s.count > 1 ? style.dim(` ×${s.count}`) : ''}`,
    );
    lines.push(style.bold('Substitutions'.padEnd(FIELD)) + list(swaps, out, FIELD));
  }
  return lines.join('\n');
}

/** Width of the summary's names. */
const FIELD = 15;

/**
 * Items joined by semicolons (substitutions hold commas), wrapped between items so that none is
 * cut in two, lines after the first indented by `indent`.
 */
function list(items: readonly string[], out: Output, indent: number): string {
  const room = Math.max(20, out.width) - indent;
  const lines: string[] = [];
  let line = '';
  items.forEach((item, k) => {
    const piece = item + (k < items.length - 1 ? out.style.dim(';') : '');
    if (line && stringWidth(line) + 1 + stringWidth(piece) > room) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${piece}` : piece;
  });
  lines.push(line);
  return lines
    .flatMap((l) => wrapAnsi(breakLongRuns(l, room), room, { hard: true }).split('\n'))
    .join('\n' + ' '.repeat(indent));
}

function paragraph(index: number | null): string {
  return index === null ? '' : `¶${index + 1}`;
}

function wordsIn(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** Whether the row holds only part of its paragraph on one side (a split, merge or rewrite). */
function partial(row: Row, side: 'a' | 'b', version: Version): boolean {
  const index = side === 'a' ? row.a : row.b;
  if (index === null) return false;
  const hidden = side === 'a' ? 'insert' : 'delete';
  let words = 0;
  for (const span of row.spans) if (span.op !== hidden) words += wordsIn(span.text);
  return words < wordsIn(version.paragraphs[index] ?? '');
}

/** The line above a passage: where it stands in B, and what happened to it. */
function label(row: Row, a: Version, b: Version, style: Style): string {
  const here = paragraph(row.b) + (partial(row, 'b', b) ? ' (part)' : '');
  const fromPart = partial(row, 'a', a) ? `from part of ${paragraph(row.a)}` : '';
  const changed = row.spans.some((span) => span.op !== 'equal');
  switch (row.kind) {
    case 'same':
      return style.dim([here, fromPart].filter(Boolean).join(' · '));
    case 'changed':
    case 'rewritten':
      return [style.bold(here), style.yellow(row.kind), fromPart].filter(Boolean).join(' · ');
    case 'moved': {
      const from = partial(row, 'a', a) ? `part of ${paragraph(row.a)}` : paragraph(row.a);
      return [
        style.bold(here),
        style.magenta(`↕ moved from ${from}`),
        changed ? style.yellow('changed') : '',
      ]
        .filter(Boolean)
        .join(' · ');
    }
    case 'added':
      return `${style.bold(here)} · ${style.green('+ added')}`;
    case 'removed':
      return style.red(`− removed ${partial(row, 'a', a) ? 'part of ' : ''}${paragraph(row.a)}`);
  }
}

function rowBlock(row: Row, a: Version, b: Version, out: Output): string {
  const head = label(row, a, b, out.style);
  const edited = row.a !== null && row.b !== null && row.spans.some((span) => span.op !== 'equal');
  if (!edited) return `${head}\n${wrap(passage(row, out.style), out)}`;
  // A changed passage shows A's text with its deletions, then B's with its insertions.
  const { style } = out;
  const aSide = signed(style.red('−'), sidePassage(row, 'a', style), out);
  const bSide = signed(style.green('+'), sidePassage(row, 'b', style), out);
  return `${head}\n${aSide}\n${bSide}`;
}

/** Text wrapped under a one-character sign: "− " on the first line, indented after. */
function signed(sign: string, text: string, out: Output): string {
  return `${sign} ${wrap(text, out, 2)}`;
}

/** One side of a changed passage: A's words with its deletions marked, or B's with insertions. */
export function sidePassage(row: Row, side: 'a' | 'b', style: Style): string {
  const hidden = side === 'a' ? 'insert' : 'delete';
  let text = '';
  for (const span of row.spans) {
    if (span.op === hidden) continue;
    if (span.op === 'equal') {
      text += side === 'a' ? (span.aText ?? span.text) : span.text;
      continue;
    }
    const { body, tail } = split(span.text);
    if (span.op === 'delete') text += (style.enabled ? style.red(body) : `[-${body}-]`) + tail;
    else text += (style.enabled ? style.green(body) : `{+${body}+}`) + tail;
  }
  return text.trimEnd();
}

/** A span's words and the whitespace after them, apart. */
function split(text: string): { body: string; tail: string } {
  const body = text.trimEnd();
  return { body, tail: text.slice(body.length) };
}

/** The passage with its changes marked: B's text, with A's deleted words shown where they stood. */
export function passage(row: Row, style: Style): string {
  const unchanged = row.spans.every((span) => span.op === 'equal');
  let text = '';
  row.spans.forEach((span, k) => {
    const { body, tail } = split(span.text);
    if (span.op === 'equal') {
      text += unchanged ? style.dim(span.text) : span.text;
      return;
    }
    if (span.op === 'delete') {
      const replaced = row.spans[k + 1]?.op === 'insert';
      text += style.enabled
        ? // Colors need a space between the old words and the new ones, even at a passage's end.
          style.red(body) + (tail || (replaced ? ' ' : ''))
        : // wdiff: a replacement reads [-old-]{+new+}, with the space after the new words.
          `[-${body}-]` + (replaced ? '' : tail);
      return;
    }
    text += (style.enabled ? style.green(body) : `{+${body}+}`) + tail;
  });
  return text.trimEnd();
}

/**
 * Break every run of visible non-space characters longer than `limit` with a newline, stepping
 * over SGR sequences. wrap-ansi takes minutes to hard-wrap one huge word; given lines no longer
 * than a line, it takes a moment.
 */
export function breakLongRuns(text: string, limit: number): string {
  let out = '';
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\u001B') {
      const end = text.indexOf('m', i);
      const stop = end === -1 ? text.length - 1 : end;
      out += text.slice(i, stop + 1);
      i = stop;
      continue;
    }
    if (/\s/.test(ch)) run = 0;
    else if (run === limit) {
      out += '\n';
      run = 1;
    } else run++;
    out += ch;
  }
  return out;
}

function wrap(text: string, out: Output, indent = 0): string {
  const width = Math.max(20, out.width);
  const wrapped = wrapAnsi(breakLongRuns(text, width - indent), width - indent, { hard: true });
  if (indent === 0) return wrapped;
  const pad = ' '.repeat(indent);
  return wrapped
    .split('\n')
    .map((line, i) => (i === 0 ? line : pad + line))
    .join('\n');
}
