import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { shortLabels } from '../../source/corpus/labels.js';
import { loadCorpus, MAX_FILE_BYTES } from '../../source/corpus/load.js';
import type { Corpus, Version } from '../../source/corpus/types.js';
import { userError } from '../helpers/errors.js';
import { scratchFolders, writeUnder } from './scratch.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/corpora/', import.meta.url));

const freshFolder = scratchFolders('gaza-reader-formats-');
let dir: string;
beforeEach(() => {
  dir = freshFolder();
});
/** Write a file under the test's folder and return its path. */
const write = (name: string, content: string | Uint8Array): string =>
  writeUnder(dir, name, content);
const warnings = (corpus: Corpus): string[] => corpus.warnings.map((w) => w.message);
/** A version without where it came from: what must be the same in every format. */
const content = ({ file: _file, path: _path, ...rest }: Version): Omit<Version, 'file' | 'path'> =>
  rest;

describe('the same three versions as Markdown, JSON Lines and CSV', () => {
  const markdown = loadCorpus({ dir: join(FIXTURES, 'markdown') });
  const jsonl = loadCorpus({ dir: join(FIXTURES, 'archive.jsonl') });
  const csv = loadCorpus({ dir: join(FIXTURES, 'archive.csv') });

  it('load without warnings, to identical versions', () => {
    for (const corpus of [markdown, jsonl, csv]) expect(corpus.warnings).toEqual([]);
    expect(jsonl.versions.map(content)).toEqual(markdown.versions.map(content));
    expect(csv.versions.map(content)).toEqual(markdown.versions.map(content));
  });

  it('carry their outlets, URLs, authors, titles and dates (ISO-8601 and RFC 2822)', () => {
    expect(
      markdown.versions.map((v) => [v.id, v.outlet, v.date, v.author, v.title, v.url]),
    ).toEqual([
      [
        'ledger-early',
        'Daily Ledger',
        '2025-12-19',
        'Jane Roe, Sam Poe',
        'Ceasefire talks open in Miami',
        'https://ledger.example/2025/12/19/miami-talks',
      ],
      [
        'ledger-late',
        'Daily Ledger',
        '2025-12-19',
        'Jane Roe',
        'Miami talks: Hamas demands an end to violations',
        'https://ledger.example/2025/12/19/miami-talks-update',
      ],
      [
        'post',
        'Morning Post',
        '2025-12-20',
        null,
        'Envoy meets mediators in Florida',
        'https://post.example/world/gaza-miami',
      ],
    ]);
    expect(markdown.versions[0]!.paragraphs).toHaveLength(3);
    expect(markdown.versions[0]!.body).not.toContain('outlet:');
    expect(jsonl.versions.map((v) => v.file)).toEqual([
      'archive.jsonl:1',
      'archive.jsonl:2',
      'archive.jsonl:3',
    ]);
    expect(csv.versions.map((v) => v.file)).toEqual([
      'archive.csv:2',
      'archive.csv:7',
      'archive.csv:14',
    ]);
  });

  it('are named by outlet, two from one outlet told apart', () => {
    for (const corpus of [markdown, jsonl, csv]) {
      expect([...shortLabels(corpus.versions).values()]).toEqual([
        'Daily Ledger · 1',
        'Daily Ledger · 2',
        'Morning Post',
      ]);
    }
  });
});

describe('a folder, read recursively', () => {
  it('names versions by their path without extension, skipping hidden folders and node_modules', () => {
    write('b/z.txt', 'Z.');
    write('a.md', 'A.');
    write('b/c/deep.md', 'Deep.');
    write('.git/HEAD.txt', 'Hidden.');
    write('node_modules/pkg/README.md', 'Module.');
    write('b/.hidden.txt', 'Hidden.');
    const corpus = loadCorpus({ dir });
    expect(corpus.versions.map((v) => [v.id, v.file])).toEqual([
      ['a', 'a.md'],
      ['b/c/deep', 'b/c/deep.md'],
      ['b/z', 'b/z.txt'],
    ]);
    expect(corpus.versions[1]!.path).toBe(join(dir, 'b/c/deep.md'));
    expect(corpus.warnings).toEqual([]);
  });

  it('decodes UTF-16 text with a byte-order mark, little- and big-endian', () => {
    const text = 'Türkiye hosts the talks.\r\n\r\nSecond paragraph.';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    write('le.txt', le);
    write('be.txt', be);
    const corpus = loadCorpus({ dir });
    expect(corpus.warnings).toEqual([]);
    for (const version of corpus.versions) {
      expect(version.paragraphs).toEqual(['Türkiye hosts the talks.', 'Second paragraph.']);
    }
  });
});

describe('front matter', () => {
  it('wins over the date marker and the headline rule', () => {
    write(
      'a.md',
      '---\ndate: 2025-12-21\ntitle: Stated title\noutlet: Wire\n---\ndate 2025-01-01 Headline line\n\nBody text here.',
    );
    const [version] = loadCorpus({ dir }).versions;
    expect(version!.date).toBe('2025-12-21');
    expect(version!.title).toBe('Stated title');
    expect(version!.outlet).toBe('Wire');
    // The marker and the headline are still not body text.
    expect(version!.headline).toBe('Headline line');
    expect(version!.paragraphs).toEqual(['Body text here.']);
  });

  it('sanitizes every field like the text', () => {
    write(
      'a.txt',
      '---\noutlet: "Evil\\e[2J\\u202e Post"\nauthor: "A\\nB"\nurl: "https://x.example/\\x07"\ntitle: "\\e]0;pwned\\a"\n---\nBody.',
    );
    const [version] = loadCorpus({ dir }).versions;
    expect(version!.outlet).toBe('Evil^[[2J\uFFFD Post');
    expect(version!.author).toBe('A B');
    expect(version!.url).toBe('https://x.example/^G');
    expect(version!.title).toBe('^[]0;pwned^G');
  });

  it('warns about invalid YAML and a date it cannot read, and loads the rest', () => {
    write('bad.md', '---\noutlet: [unclosed\n---\nBody one.');
    write('date.md', '---\ndate: next Tuesday\noutlet: Post\n---\nBody two.');
    const corpus = loadCorpus({ dir });
    expect(corpus.versions.map((v) => [v.id, v.outlet, v.date, v.body])).toEqual([
      ['bad', null, null, 'Body one.'],
      ['date', 'Post', null, 'Body two.'],
    ]);
    expect(warnings(corpus)).toHaveLength(2);
    expect(warnings(corpus)[0]).toMatch(/^bad\.md: its front matter is not valid YAML \(.+\)/);
    expect(warnings(corpus)[1]).toBe(
      'date.md: its date "next Tuesday" is not an ISO-8601 or RFC 2822 date, so it is left out',
    );
  });

  it('leaves a block that is not a mapping in the text', () => {
    write('rule.md', '---\nJust a line between rules.\n---\n\nBody.');
    const [version] = loadCorpus({ dir }).versions;
    expect(version!.outlet).toBeNull();
    expect(version!.body).toContain('Just a line between rules.');
  });
});

describe('a JSON Lines file', () => {
  it('skips a malformed line, a line without text and a non-object, naming each line', () => {
    const path = write(
      'archive.jsonl',
      [
        '{"id": "a", "outlet": "Wire", "text": "First."}',
        '{"id": "b", "text": "unclosed',
        '',
        '{"id": "c", "outlet": "Post"}',
        '[1, 2]',
        '{"text": "No id: named by its line.", "date": "Fri, 19 Dec 2025 10:00:00 +0000"}',
      ].join('\r\n'),
    );
    const corpus = loadCorpus({ dir: path });
    expect(corpus.versions.map((v) => [v.id, v.outlet, v.date, v.body])).toEqual([
      ['a', 'Wire', null, 'First.'],
      ['6', null, '2025-12-19', 'No id: named by its line.'],
    ]);
    expect(warnings(corpus)).toEqual([
      expect.stringMatching(/^archive\.jsonl line 2: skipped: it is not valid JSON \(.+\)$/),
      'archive.jsonl line 4: skipped: it has no text',
      'archive.jsonl line 5: skipped: it is not a JSON object',
    ]);
  });

  it('makes duplicate ids unique, with a warning', () => {
    const path = write(
      'dups.jsonl',
      '{"id": "x", "text": "One."}\n{"id": "x", "text": "Two."}\n{"id": "x", "text": "Three."}\n',
    );
    const corpus = loadCorpus({ dir: path });
    expect(corpus.versions.map((v) => [v.id, v.body])).toEqual([
      ['x', 'One.'],
      ['x-2', 'Two.'],
      ['x-3', 'Three.'],
    ]);
    expect(warnings(corpus)).toEqual([
      'dups.jsonl:2: its id "x" is taken by dups.jsonl:1, so it is "x-2"',
      'dups.jsonl:3: its id "x" is taken by dups.jsonl:1, so it is "x-3"',
    ]);
  });

  it('gives ids first come, first served, as a corpus streamed in gets them', () => {
    // The second "x" takes "x-2" before the line that states "x-2" is read.
    const path = write(
      'later.jsonl',
      '{"id": "x", "text": "One."}\n{"id": "x", "text": "Two."}\n{"id": "x-2", "text": "Three."}\n',
    );
    const corpus = loadCorpus({ dir: path });
    expect(corpus.versions.map((v) => [v.id, v.body])).toEqual([
      ['x', 'One.'],
      ['x-2', 'Two.'],
      ['x-2-2', 'Three.'],
    ]);
    expect(warnings(corpus)).toEqual([
      'later.jsonl:2: its id "x" is taken by later.jsonl:1, so it is "x-2"',
      'later.jsonl:3: its id "x-2" is taken by later.jsonl:2, so it is "x-2-2"',
    ]);
  });

  it('sanitizes fields and text decoded from JSON escapes', () => {
    const path = write(
      'evil.jsonl',
      JSON.stringify({ id: 'e\u001b[2J', outlet: 'O\u009bX', text: 'Body \u001b]0;t\u0007.' }) +
        '\n',
    );
    const [version] = loadCorpus({ dir: path }).versions;
    expect([version!.id, version!.outlet, version!.body]).toEqual([
      'e^[[2J',
      'O\uFFFDX',
      'Body ^[]0;t^G.',
    ]);
  });

  it('keeps its warnings few: twenty by line, then a count', () => {
    const lines = Array.from({ length: 50 }, () => 'not json');
    lines.push('{"text": "The one good line."}');
    const corpus = loadCorpus({ dir: write('noisy.jsonl', lines.join('\n')) });
    expect(corpus.versions.map((v) => v.id)).toEqual(['51']);
    expect(warnings(corpus)).toHaveLength(21);
    expect(warnings(corpus).at(-1)).toBe('noisy.jsonl: 30 more lines had problems like these');
  });

  it('skips a line over the size limit as it streams, and loads the lines around it', () => {
    const huge = '{"text": "' + 'word '.repeat(Math.ceil(MAX_FILE_BYTES / 4)) + '"}';
    const path = write('big.jsonl', ['{"text": "Before."}', huge, '{"text": "After."}'].join('\n'));
    const corpus = loadCorpus({ dir: path });
    expect(corpus.versions.map((v) => v.body)).toEqual(['Before.', 'After.']);
    expect(warnings(corpus)).toEqual([
      'big.jsonl line 2: skipped: it is over the 4 MB limit for one version',
    ]);
  });

  it('loads thousands of lines, and UTF-16 with a byte-order mark', () => {
    const lines = Array.from(
      { length: 5000 },
      (_, i) =>
        `{"id": "v${i}", "outlet": "Outlet ${i % 7}", "text": "Version ${i} of the story."}`,
    );
    const text = lines.join('\n') + '\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf8 = loadCorpus({ dir: write('many.jsonl', text) });
    const wide = loadCorpus({ dir: write('wide.jsonl', utf16) });
    expect(utf8.versions).toHaveLength(5000);
    expect(utf8.versions[4999]).toMatchObject({ id: 'v4999', outlet: 'Outlet 1' });
    expect(wide.warnings).toEqual([]);
    expect(wide.versions.map(content)).toEqual(utf8.versions.map(content));
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO without hanging', () => {
    const path = join(dir, 'pipe.jsonl');
    execFileSync('mkfifo', [path]);
    expect(userError(() => loadCorpus({ dir: path })).message).toBe(
      `cannot read ${path}: it is not a regular file`,
    );
  });

  it('fails in one line when no line holds a version', () => {
    const path = write('empty.jsonl', '\n\n');
    expect(userError(() => loadCorpus({ dir: path })).message).toBe(`no versions in ${path}`);
    const bad = write('bad.jsonl', 'nope\n');
    expect(userError(() => loadCorpus({ dir: bad })).message).toMatch(
      /^nothing to read in .*bad\.jsonl: no line holds a version \(bad\.jsonl line 1: skipped: it is not valid JSON/,
    );
  });
});

describe('a CSV file', () => {
  it('fails with exit 2 without a text column, naming the columns it found', () => {
    const path = write('no-text.csv', 'id,Outlet,body\n1,Wire,Some words.\n');
    const error = userError(() => loadCorpus({ dir: path }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      `${path} has no "text" column; a CSV corpus needs one. Its columns: "id", "Outlet", "body"`,
    );
    const empty = write('empty.csv', '');
    expect(userError(() => loadCorpus({ dir: empty })).message).toBe(
      `${empty} is empty; a CSV corpus needs a header row with a "text" column`,
    );
  });

  it('skips a row without text, naming its line, and reads columns in any case and order', () => {
    const path = write(
      'rows.csv',
      'TEXT,Outlet,Date\n"First, with a comma.",Wire,2025-12-19\n,Post,2025-12-20\n"Third one.\n\nIn two paragraphs.",Post,\n',
    );
    const corpus = loadCorpus({ dir: path });
    expect(corpus.versions.map((v) => [v.id, v.outlet, v.date, v.paragraphs])).toEqual([
      ['2', 'Wire', '2025-12-19', ['First, with a comma.']],
      ['4', 'Post', null, ['Third one.', 'In two paragraphs.']],
    ]);
    expect(warnings(corpus)).toEqual(['rows.csv line 3: skipped: its text is empty']);
  });

  it('warns about a row it cannot parse, naming the line', () => {
    const path = write('quotes.csv', 'id,text\na,Good.\nb,"bad"x\n');
    const corpus = loadCorpus({ dir: path });
    expect(corpus.versions.map((v) => v.id)).toEqual(['a']);
    expect(warnings(corpus)[0]).toMatch(/^quotes\.csv line 3: skipped: Invalid Closing Quote/);
  });

  it('stops at a row over the size limit, saying so, instead of hanging or losing rows silently', () => {
    const huge = '"' + 'word '.repeat(Math.ceil(MAX_FILE_BYTES / 4)) + '"';
    const path = write('big.csv', `id,text\na,Before.\nb,${huge}\nc,After.\n`);
    const corpus = loadCorpus({ dir: path });
    expect(corpus.versions.map((v) => v.id)).toEqual(['a']);
    expect(warnings(corpus)).toEqual([
      'big.csv line 3: skipped: it is over the 4 MB limit for one version, ' +
        'and the lines after it were not read',
    ]);
  });

  it("reads Excel's Unicode text: UTF-16 with a byte-order mark, tab-separated", () => {
    const text = 'outlet\ttext\r\nWire\tTürkiye hosts the talks.\r\n';
    const path = write(
      'excel.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    const corpus = loadCorpus({ dir: path });
    expect(corpus.warnings).toEqual([]);
    expect(corpus.versions.map((v) => [v.outlet, v.body])).toEqual([
      ['Wire', 'Türkiye hosts the talks.'],
    ]);
  });
});
