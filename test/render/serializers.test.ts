import { describe, expect, it } from 'vitest';
import { ansiLine, sgrCodes, toAnsi } from '../../source/render/ansi.js';
import { escapeHtml, toHtmlFragment, toHtmlPage } from '../../source/render/html.js';
import { seg, type Line } from '../../source/render/line.js';
import { escapeMarkdown, toMarkdown } from '../../source/render/markdown.js';
import { toPlain } from '../../source/render/plain.js';
import { colorTheme, monoTheme, TONES } from '../../source/render/theme.js';
import { leaks } from '../helpers/hostile-text.js';

const change: Line = [
  seg('Egypt and '),
  seg('Turkey', 'delete'),
  seg(' '),
  seg('Türkiye', 'insert'),
  seg(' in Florida'),
];

describe('ANSI', () => {
  it('wraps each tone in its own SGR codes, and turns them off before the line ends', () => {
    expect(ansiLine(change, colorTheme)).toBe(
      'Egypt and \u001B[31mTurkey\u001B[39m \u001B[32mTürkiye\u001B[39m in Florida',
    );
    expect(ansiLine([seg('Title', 'heading')], colorTheme)).toBe('\u001B[1mTitle\u001B[22m');
    expect(ansiLine([seg('Rafah', 'match')], colorTheme)).toBe(
      '\u001B[30m\u001B[43mRafah\u001B[49m\u001B[39m',
    );
  });

  it('gives neighbours in one tone one pair of codes, and empty text none', () => {
    expect(ansiLine([seg('a', 'accent'), seg('b', 'accent'), seg('', 'delete')], colorTheme)).toBe(
      '\u001B[36mab\u001B[39m',
    );
  });

  it('uses only the 16-color palette and plain attributes, in both themes', () => {
    for (const theme of [colorTheme, monoTheme]) {
      for (const tone of TONES) {
        const { open, close } = sgrCodes(theme.tones[tone]);
        for (const code of (open + close).match(/\d+/g) ?? []) {
          expect([1, 2, 4, 7, 22, 24, 27, 39, 49]).toContain(
            Number(code) >= 30 && Number(code) <= 47 ? 39 : Number(code),
          );
        }
      }
    }
  });

  it('shows a control character left in a segment, never sends it', () => {
    const text = toAnsi([[seg('a\u001B[2Jb\u009B\u202E\u200Ec', 'insert')]], colorTheme);
    expect(text).toBe('\u001B[32ma^[[2Jb\uFFFD\uFFFD\uFFFDc\u001B[39m\n');
    expect(leaks(text)).toEqual([]);
  });
});

describe('plain', () => {
  it('is the text of the segments, a line each, with nothing added', () => {
    expect(toPlain([change, [], [seg('[-old-]', 'delete')]])).toBe(
      'Egypt and Turkey Türkiye in Florida\n\n[-old-]\n',
    );
    expect(toPlain([[seg('tab\there\u0007')]])).toBe('tab^Ihere^G\n');
  });
});

describe('HTML', () => {
  it('marks deletions <del>, insertions <ins>, matches <mark>, other tones by class', () => {
    expect(toHtmlFragment([change, [seg('¶4', 'heading'), seg(' Rafah', 'match')]])).toBe(
      '<pre class="gaza-reader">Egypt and <del class="tone-delete">Turkey</del> ' +
        '<ins class="tone-insert">Türkiye</ins> in Florida\n' +
        '<span class="tone-heading">¶4</span><mark class="tone-match"> Rafah</mark></pre>',
    );
  });

  it('escapes every character of the corpus that HTML would read', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;',
    );
    const page = toHtmlPage([[seg('<img src=x onerror=alert(1)>', 'insert')]], 'a </title> b');
    expect(page).toContain('<title>a &lt;/title&gt; b</title>');
    expect(page).toContain('<ins class="tone-insert">&lt;img src=x onerror=alert(1)&gt;</ins>');
    expect(page).not.toContain('<img');
    expect(page).toMatch(/^<!DOCTYPE html>/);
  });

  it('styles each tone from the theme, in one stylesheet', () => {
    const page = toHtmlPage([change], 'diff');
    expect(page).toContain('.gaza-reader .tone-delete { color: #b3261e }');
    expect(page).toContain('.gaza-reader .tone-insert { color: #1a7f37 }');
    expect(page).toContain('.gaza-reader .tone-heading { font-weight: bold }');
  });
});

describe('Markdown', () => {
  it('strikes deletions and bolds insertions, the spaces around them outside', () => {
    expect(toMarkdown([change])).toBe('Egypt and ~~Turkey~~ **Türkiye** in Florida\n');
    expect(toMarkdown([[seg('the '), seg('old words ', 'delete'), seg('stay')]])).toBe(
      'the ~~old words~~ stay\n',
    );
  });

  it('keeps lines apart with hard breaks, and paragraphs with a blank line', () => {
    expect(toMarkdown([[seg('one')], [seg('two')], [], [seg('three')]])).toBe(
      'one\\\ntwo\n\nthree\n',
    );
  });

  it('escapes corpus text that Markdown would read as markup', () => {
    expect(escapeMarkdown('*not bold* _nor_ [a](link) <b> `code` ~~x~~ a|b &amp;')).toBe(
      '\\*not bold\\* \\_nor\\_ \\[a\\](link) \\<b\\> \\`code\\` \\~\\~x\\~\\~ a\\|b \\&amp;',
    );
    expect(
      toMarkdown([[seg('# not a heading')], [seg('- not a list')], [seg('1. nor this')]]),
    ).toBe('\\# not a heading\\\n\\- not a list\\\n1\\. nor this\n');
    expect(toMarkdown([[seg('**', 'insert')]])).toBe('**\\*\\***\n');
  });
});
