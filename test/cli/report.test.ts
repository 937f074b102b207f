import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/** Two versions whose text, title and fields try to be HTML, Markdown and terminal codes. */
const dir = mkdtempSync(join(tmpdir(), 'gaza-reader-report-'));
writeFileSync(
  join(dir, '000.md'),
  [
    '---',
    'outlet: "Evil <b>Outlet</b> & Co"',
    'url: "javascript:alert(document.cookie)"',
    'date: 2025-12-19',
    'title: "A <script>alert(1)</script> title & more"',
    '---',
    '',
    'The <img src=x onerror=alert(1)> talks & "quotes" went on \x1b]0;pwned\x07 in Miami.',
    '',
    '# Not a heading, *not bold*, [a](http://x) and `code` stay text.',
    '',
    'Bidi \u202Eevil\u202C and BEL \x07 and a C1 \u009b31m byte.',
  ].join('\n'),
);
writeFileSync(
  join(dir, '003.md'),
  [
    '---',
    'outlet: Morning Post',
    'url: "https://post.example/a?b=1&c=<2>"',
    'date: 2025-12-20',
    '---',
    '',
    'The <img src=x onerror=alert(2)> talks & "quotes" ended \x1b[2J in Miami.',
    '',
    '# Not a heading, *not bold*, [a](http://x) and `code` stay text.',
    '',
    'Added <iframe src="javascript:alert(3)"></iframe> & more.',
  ].join('\n'),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const diff = (...args: string[]) => runCli(['diff', '000', '003', '--corpus', dir, ...args]);

/** The tags a report writes itself; any other `<` would be corpus text left unescaped. */
const OUR_TAGS =
  /<\/?(?:!DOCTYPE html|html|head|meta|title|style|body|h1|ul|li|del|ins|mark|span|strong|cite|br|p|pre|a)(?: [a-z-]+="[^"<>]*")*>/g;

/** Code points no report may hold: C0 controls but newline, DEL, C1 controls, bidi controls. */
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;

describe('diff --format html', () => {
  const { status, stdout, stderr } = diff('--format', 'html');

  it('is one self-contained page', () => {
    expect(status, stderr).toBe(0);
    expect(stdout).toMatch(/^<!DOCTYPE html>\n/);
    expect(stdout).toContain('<style>');
    expect(stdout).not.toMatch(/<(?:link|script|img|iframe)/i);
    expect(stdout).toContain('<del class="tone-delete">went on ^[]0;pwned^G</del>');
    expect(stdout).toContain('<ins class="tone-insert">ended ^[[2J</ins>');
  });

  it('holds no unescaped <, & or control character from the corpus', () => {
    const rest = stdout.replace(OUR_TAGS, '');
    expect(rest).not.toContain('<');
    expect(rest).not.toContain('>');
    expect(rest.replace(/&(?:amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
    expect(stdout).not.toMatch(CONTROL);
    expect(stdout).toContain(
      'The &lt;img src=x onerror=alert(<del class="tone-delete">1</del>)&gt;',
    );
    expect(stdout).toContain(')&gt; talks &amp; &quot;quotes&quot; <del');
    expect(stdout).toContain('Evil &lt;b&gt;Outlet&lt;/b&gt; &amp; Co');
    expect(stdout).toContain('A &lt;script&gt;alert(1)&lt;/script&gt; title &amp; more');
  });

  it('links an https URL, and shows a javascript: URL as text only', () => {
    expect(stdout).toContain(
      '<a href="https://post.example/a?b=1&amp;c=%3C2%3E">https://post.example/a?b=1&amp;c=&lt;2&gt;</a>',
    );
    expect(stdout).not.toMatch(/href="javascript/i);
    expect(stdout).toContain('<span class="url">javascript:alert(document.cookie)</span>');
    expect(stdout.match(/<a /g)).toHaveLength(1);
  });

  it('names each version by outlet, with its id and date', () => {
    expect(stdout).toContain('<h1>What Morning Post changed from Evil &lt;b&gt;Outlet');
    expect(stdout).toMatch(/<strong>Morning Post<\/strong> · 003 · 2025-12-20/);
  });
});

describe('diff --format markdown', () => {
  const { status, stdout } = diff('--format', 'markdown');

  it('marks changes as ~~deleted~~ and **inserted**, and names the outlets', () => {
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /^# What Morning Post changed from Evil \\<b\\>Outlet\\<\/b\\> \\& Co\n/,
    );
    expect(stdout).toContain('~~went on ^\\[\\]0;pwned^G~~');
    expect(stdout).toContain('**ended ^\\[\\[2J**');
    expect(stdout).toContain(
      '[https://post.example/a?b=1\\&c=\\<2\\>](<https://post.example/a?b=1&c=%3C2%3E>)',
    );
  });

  it('escapes corpus text that Markdown would read as markup', () => {
    expect(stdout).toContain(
      '\\# Not a heading, \\*not bold\\*, \\[a\\](http://x) and \\`code\\` stay text.',
    );
    expect(stdout).toContain(
      '− The \\<img src=x onerror=alert(~~1~~)\\> talks \\& "quotes" ~~went',
    );
    expect(stdout).toContain(
      '**Added \\<iframe src="javascript:alert(3)"\\>\\</iframe\\> \\& more.**',
    );
    // Not a link: the javascript: URL is text.
    expect(stdout).toContain('javascript:alert(document.cookie)');
    expect(stdout).not.toMatch(/\]\(<?javascript/);
    expect(stdout).not.toMatch(CONTROL);
  });
});

describe('--format', () => {
  it('json is --json', () => {
    expect(diff('--format', 'json').stdout).toBe(diff('--json').stdout);
  });

  it('text is the default', () => {
    expect(diff('--format', 'text').stdout).toBe(diff().stdout);
  });

  it.each([
    [
      ['diff', '000', '003', '--format', 'pdf'],
      /--format pdf is not a format; use one of text, json, html, markdown/,
    ],
    [
      ['diff', '000', '003', '--json', '--format', 'html'],
      /--json and --format html ask for two formats/,
    ],
    [['list', '--format', 'html'], /--format html is for diff/],
    [['diff', '000', '003', '--format'], /--format needs a value/],
  ])('%j: one line, exit 2', (args, message) => {
    const result = runCli([...args, '--corpus', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('collate --format html and markdown', () => {
  const collated = (format: string) =>
    runCli(['collate', '000', '003', '--corpus', dir, '--format', format]);

  it('writes the collation as one escaped, self-contained page', () => {
    const { status, stdout, stderr } = collated('html');
    expect(status, stderr).toBe(0);
    expect(stdout).toMatch(/^<!DOCTYPE html>\n/);
    expect(stdout).toContain('<h1>Every version of');
    expect(stdout).toMatch(/<ins class="tone-insert">[^<]*ended/);
    expect(stdout).toMatch(/<del class="tone-delete">[^<]*went on/);
    const rest = stdout.replace(OUR_TAGS, '');
    expect(rest).not.toContain('<');
    expect(rest.replace(/&(?:amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
    expect(stdout).not.toMatch(CONTROL);
  });

  it('writes the collation as Markdown, with the corpus text escaped', () => {
    const { status, stdout, stderr } = collated('markdown');
    expect(status, stderr).toBe(0);
    expect(stdout).toMatch(/^# Every version of/);
    expect(stdout).toMatch(/~~[^~]*went on|<del>[^<]*went on/);
    expect(stdout).not.toMatch(/^# Not a heading/m);
    expect(stdout).not.toMatch(CONTROL);
  });
});
