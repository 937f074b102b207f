/**
 * Lines to HTML: one `<pre>` fragment, or a whole self-contained page with its stylesheet.
 * Deletions are <del>, insertions <ins>, matches <mark>; every other tone is a CSS class whose
 * colors come from the one theme. Every character of the corpus is escaped.
 */
import { inert } from './inert.js';
import type { Line } from './line.js';
import { colorTheme, TONES, type Theme, type Tone } from './theme.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe anywhere in HTML: in an element or an attribute value. */
export function escapeHtml(text: string): string {
  return inert(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

const ELEMENT: Partial<Record<Tone, string>> = { insert: 'ins', delete: 'del', match: 'mark' };

function htmlLine(line: Line): string {
  let out = '';
  for (const { text, tone } of line) {
    if (text === '') continue;
    if (tone === 'plain') {
      out += escapeHtml(text);
      continue;
    }
    const element = ELEMENT[tone] ?? 'span';
    out += `<${element} class="tone-${tone}">${escapeHtml(text)}</${element}>`;
  }
  return out;
}

/** The lines as one `<pre>` element: a fragment to put in a page. */
export function toHtmlFragment(lines: readonly Line[]): string {
  return `<pre class="gaza-reader">${lines.map(htmlLine).join('\n')}</pre>`;
}

/** CSS colors for the theme's 8 basic colors, readable on white. */
const CSS_COLORS: Readonly<Record<string, string>> = {
  black: '#000000',
  red: '#b3261e',
  green: '#1a7f37',
  yellow: '#9a6700',
  blue: '#0550ae',
  magenta: '#8250df',
  cyan: '#0a7b83',
  white: '#ffffff',
};

/** One CSS rule per tone, from the theme's styles. */
export function themeCss(theme: Theme = colorTheme): string {
  const rules = TONES.filter((tone) => tone !== 'plain').map((tone) => {
    const style = theme.tones[tone];
    const decls: string[] = [];
    if (style.color) decls.push(`color: ${CSS_COLORS[style.color]}`);
    if (style.backgroundColor) decls.push(`background: ${CSS_COLORS[style.backgroundColor]}`);
    if (style.bold) decls.push('font-weight: bold');
    if (style.dimColor) decls.push('opacity: 0.65');
    if (style.underline) decls.push('text-decoration: underline');
    if (style.inverse) decls.push('color: #ffffff', 'background: #24292f');
    return `.gaza-reader .tone-${tone} { ${decls.join('; ')} }`;
  });
  return ['.gaza-reader { white-space: pre-wrap; font-family: monospace; }', ...rules].join('\n');
}

/** What a page shows around the lines: readable type, and the versions' list. */
const PAGE_CSS = [
  'body { max-width: 60em; margin: 2em auto; padding: 0 1em; font-family: sans-serif; }',
  '.versions del, .versions ins { text-decoration: none; font-weight: bold; }',
  '.versions { list-style: none; padding: 0; }',
  '.versions li { margin: 0.5em 0; }',
].join('\n');

/**
 * A whole HTML page: its title, its stylesheet, and the lines. `preamble` is HTML put before the
 * lines, as it is: its maker escapes what it holds (see render/report.ts).
 */
export function toHtmlPage(
  lines: readonly Line[],
  title: string,
  theme: Theme = colorTheme,
  preamble = '',
): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${PAGE_CSS}\n${themeCss(theme)}\n</style>`,
    '</head>',
    '<body>',
    ...(preamble ? [preamble] : []),
    toHtmlFragment(lines),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
