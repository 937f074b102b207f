/**
 * Lines to Markdown that reads as plain text and renders on GitHub: deletions ~~struck~~,
 * insertions, matches and headings **bold**, moves *slanted*. Corpus text that Markdown would
 * read as markup (emphasis, links, HTML, code, headings, lists, quotes, tables) is escaped.
 */
import { inert } from './inert.js';
import type { Line } from './line.js';
import type { Tone } from './theme.js';

const DELIMITER: Partial<Record<Tone, string>> = {
  delete: '~~',
  insert: '**',
  match: '**',
  heading: '**',
  moved: '*',
};

/** Characters that are markup anywhere in a line. */
const INLINE = /[\\`*_~[\]<>|&]/g;

/** Escape corpus text that Markdown would read as inline markup. */
export function escapeMarkdown(text: string): string {
  return inert(text).replace(INLINE, '\\$&');
}

/** What makes a line a heading, quote, list item, rule or setext underline, escaped. */
function escapeLineStart(line: string): string {
  return line.replace(/^([#>+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A segment's words inside its delimiters; the spaces around stay outside, as Markdown needs. */
function markdownSegment(text: string, tone: Tone): string {
  const escaped = escapeMarkdown(text);
  const delimiter = DELIMITER[tone];
  const body = escaped.trim();
  if (!delimiter || body === '') return escaped;
  const lead = escaped.slice(0, escaped.length - escaped.trimStart().length);
  const tail = escaped.slice(escaped.trimEnd().length);
  return `${lead}${delimiter}${body}${delimiter}${tail}`;
}

function markdownLine(line: Line): string {
  const text = line.map(({ text, tone }) => markdownSegment(text, tone)).join('');
  return escapeLineStart(text.trim());
}

/**
 * The lines as Markdown: lines that follow each other stay on their own lines (a backslash ends
 * each, a hard break), an empty line separates paragraphs.
 */
export function toMarkdown(lines: readonly Line[]): string {
  const texts = lines.map(markdownLine);
  return (
    texts
      .map((text, i) => {
        const next = texts[i + 1];
        return text !== '' && next !== undefined && next !== '' ? text + '\\' : text;
      })
      .join('\n') + '\n'
  );
}
