/**
 * Reads a version's metadata out of its text: a leading `date YYYY-MM-DD` marker, a headline line,
 * and the paragraphs of the body.
 */

import { chromeParagraphs, headlineOf, isShortLine } from './chrome.js';

export interface ParsedText {
  readonly date: string | null;
  readonly headline: string | null;
  readonly paragraphs: string[];
  /** Indexes of the paragraphs that are site chrome (see chrome.ts); absent when there are none. */
  readonly chrome?: readonly number[];
}

const DATE_MARKER = /^\s*date\s+(\d{4})-(\d{2})-(\d{2})(?=\s|$)[ \t]*/i;
const HEADLINE_MAX_CHARS = 100;
const TITLE_MAX_CHARS = 80;

function validDate(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return (
    date.getUTCFullYear() === Number(y) &&
    date.getUTCMonth() === Number(m) - 1 &&
    date.getUTCDate() === Number(d)
  );
}

interface Block {
  readonly text: string;
  /** Whether the block was a single line of the file. */
  readonly oneLine: boolean;
}

/** Split a body into blocks: on blank lines when the file has any, else on each line. */
function splitBlocks(body: string): Block[] {
  const text = body.replace(/\t/g, ' ');
  const raw = /\n[ ]*\n/.test(text.trim()) ? text.split(/\n[ ]*\n+/) : text.split('\n');
  const blocks: Block[] = [];
  for (const chunk of raw) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length > 0) blocks.push({ text: lines.join(' '), oneLine: lines.length === 1 });
  }
  return blocks;
}

/** Split a body into paragraphs: on blank lines when the file has any, else on each line. */
export function splitParagraphs(body: string): string[] {
  return splitBlocks(body).map((block) => block.text);
}

/** A short line that does not end with punctuation is a headline. */
export function isHeadline(line: string): boolean {
  return isShortLine(line);
}

export function parseText(text: string): ParsedText {
  let rest = text;
  let date: string | null = null;
  const marker = DATE_MARKER.exec(rest);
  if (marker && validDate(marker[1]!, marker[2]!, marker[3]!)) {
    date = `${marker[1]}-${marker[2]}-${marker[3]}`;
    rest = rest.slice(marker[0].length);
  }
  const blocks = splitBlocks(rest);
  let headline: string | null = null;
  // A headline stands on a line of its own among the short lines that open the page (past any
  // site chrome: share buttons, the site's name, a section), and has body text after it.
  const at = headlineOf(blocks);
  if (at !== undefined) {
    headline = blocks[at]!.text.replace(MARKDOWN_HEADING, '');
    blocks.splice(at, 1);
  }
  const paragraphs = blocks.map((block) => block.text);
  const chrome = chromeParagraphs(paragraphs);
  return { date, headline, paragraphs, ...(chrome.length > 0 ? { chrome } : {}) };
}

// A dateline opens a wire story: "Gaza City, Palestinian Territories –" or "Gaza City:".
const DATELINE = /^[A-Z][\p{L}.'’ -]*(?:, [\p{L}.'’ -]+)?\s*(?:[–—-]|:)\s+(?=\S)/u;

/** The first sentence of a paragraph, without its dateline. */
export function firstSentence(paragraph: string): string {
  const dateline = DATELINE.exec(paragraph);
  const text =
    dateline && dateline[0].split(/\s+/).length <= 7
      ? paragraph.slice(dateline[0].length)
      : paragraph;
  const end = /[.!?…]["”’']?(?=\s+["“‘']?[\p{Lu}\d])/u.exec(text);
  return end ? text.slice(0, end.index + end[0].length) : text;
}

/** Cut text to at most `max` characters at a word boundary, marking the cut with an ellipsis. */
export function cutAtWord(text: string, max = TITLE_MAX_CHARS): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // Never split a surrogate pair: half an emoji is not text.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  const slice = text.slice(0, end);
  const space = slice.lastIndexOf(' ');
  const cut = space > max / 2 ? slice.slice(0, space) : slice;
  return cut.replace(/[\s,;:–—-]+$/, '') + '…';
}

/** A Markdown heading's marks (`# `, `## `): not part of the title. */
const MARKDOWN_HEADING = /^#{1,6}\s+/;

export function titleOf(parsed: ParsedText, fallback: string): string {
  if (parsed.headline) return cutAtWord(parsed.headline, HEADLINE_MAX_CHARS);
  const first = parsed.paragraphs[0];
  return first ? cutAtWord(firstSentence(first.replace(MARKDOWN_HEADING, ''))) : fallback;
}
