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

/** The same marks as HTML tags, which GitHub renders wherever they stand. */
const TAG: Partial<Record<Tone, string>> = {
  delete: 'del',
  insert: 'ins',
  match: 'b',
  heading: 'b',
  moved: 'i',
};

const PUNCTUATION = /[\p{P}\p{S}]/u;
const SPACE = /\s/u;

/**
 * Whether CommonMark reads delimiters around `body` as emphasis when `before` and `after` are the
 * characters outside them: a delimiter run next to punctuation inside must have a space or
 * punctuation outside (the flanking rules), and it must not touch another run of * or ~.
 */
function delimits(before: string, body: string, after: string): boolean {
  const open =
    !PUNCTUATION.test(body[0]!) || before === '' || SPACE.test(before) || PUNCTUATION.test(before);
  const last = body[body.length - 1]!;
  const close =
    !PUNCTUATION.test(last) || after === '' || SPACE.test(after) || PUNCTUATION.test(after);
  return open && close && !/[*~]/.test(before) && !/[*~]/.test(after);
}

/**
 * A segment's words inside its delimiters; the spaces around stay outside, as Markdown needs.
 * Where delimiters would not read as emphasis (a change inside a word, `member~~,~~`), the marks
 * are HTML tags instead (`member<del>,</del>`).
 */
function markdownSegment(text: string, tone: Tone, before: string, after: string): string {
  const escaped = escapeMarkdown(text);
  const delimiter = DELIMITER[tone];
  const body = escaped.trim();
  if (!delimiter || body === '') return escaped;
  const lead = escaped.slice(0, escaped.length - escaped.trimStart().length);
  const tail = escaped.slice(escaped.trimEnd().length);
  const outside = [lead === '' ? before : lead[0]!, tail === '' ? after : tail[0]!] as const;
  if (delimits(outside[0], body, outside[1])) {
    return `${lead}${delimiter}${body}${delimiter}${tail}`;
  }
  const tag = TAG[tone]!;
  return `${lead}<${tag}>${body}</${tag}>${tail}`;
}

function markdownLine(line: Line): string {
  // Neighbours in one tone are one run of text, between one pair of delimiters.
  const runs: { text: string; tone: Tone }[] = [];
  for (const { text, tone } of line) {
    const last = runs[runs.length - 1];
    if (last && last.tone === tone) last.text += text;
    else if (text !== '') runs.push({ text, tone });
  }
  let out = '';
  runs.forEach(({ text, tone }, k) => {
    const next = runs[k + 1];
    // A next run that opens with a delimiter touches this one.
    const after = !next
      ? ''
      : DELIMITER[next.tone] && !/^\s/.test(next.text)
        ? DELIMITER[next.tone]![0]!
        : escapeMarkdown(next.text)[0]!;
    out += markdownSegment(text, tone, out[out.length - 1] ?? '', after);
  });
  return escapeLineStart(out.trim());
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
