import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { loadCorpus, MAX_FILE_BYTES } from '../../source/corpus/load.js';
import { bundledSeedsDir } from '../../source/corpus/paths.js';
import type { Corpus, Version } from '../../source/corpus/types.js';
import { readsWithoutPermission, userError } from '../helpers/errors.js';
import { scratchFolders, writeUnder } from './scratch.js';

const SEEDS = fileURLToPath(new URL('../../seeds/', import.meta.url));
const seedText = (file: string): string => readFileSync(join(SEEDS, file), 'utf8');

const freshFolder = scratchFolders('gaza-reader-load-');
let dir: string;
beforeEach(() => {
  dir = freshFolder();
});

const write = (name: string, content: string | Uint8Array): void => {
  writeUnder(dir, name, content);
};

describe('loadCorpus on the bundled seeds', () => {
  const corpus = loadCorpus();
  const byId = new Map(corpus.versions.map((v) => [v.id, v]));
  const seed = (id: string): Version => {
    const version = byId.get(id);
    if (!version) throw new Error(`no seed ${id}`);
    return version;
  };

  it('loads the five seeds in file-name order, without warnings', () => {
    expect(corpus.bundled).toBe(true);
    expect(corpus.dir).toBe(resolve(SEEDS));
    expect(corpus.warnings).toEqual([]);
    expect(corpus.versions.map((v) => [v.id, v.file])).toEqual([
      ['000_a709085c31b1a02c', '000_a709085c31b1a02c.txt'],
      ['001_513221a5f7d2d1b9', '001_513221a5f7d2d1b9.txt'],
      ['002_a2adb80b35aac799', '002_a2adb80b35aac799.txt'],
      ['003_d2cb9de2d0279c90', '003_d2cb9de2d0279c90.txt'],
      ['004_c36eec96ad6ba659', '004_c36eec96ad6ba659.txt'],
    ]);
    for (const version of corpus.versions) expect(version.path).toBe(join(SEEDS, version.file));
  });

  it('reads the date marker of 000 and 003 as metadata, not body', () => {
    expect(corpus.versions.map((v) => v.date)).toEqual([
      '2025-12-19',
      null,
      null,
      '2025-12-19',
      null,
    ]);
    expect(seed('000_a709085c31b1a02c').paragraphs[0]).toMatch(/^A topofficial said Friday/);
    expect(seed('003_d2cb9de2d0279c90').paragraphs[0]).toMatch(/^A top Hamas official said/);
    for (const version of corpus.versions) expect(version.body).not.toMatch(/date 2025/);
  });

  it('takes the headline of 004 as its title, and not as body text', () => {
    const v = seed('004_c36eec96ad6ba659');
    expect(v.headline).toBe('Ceasefire talks in Miami: What to know');
    expect(v.title).toBe('Ceasefire talks in Miami: What to know');
    expect(v.paragraphs[0]).toMatch(/^The United States Middle East envoy, Steve Witkoff/);
    expect(v.body).not.toContain('What to know');
    for (const id of ['000', '001', '002', '003']) {
      expect(corpus.versions.find((x) => x.id.startsWith(id))!.headline).toBeNull();
    }
  });

  it('titles the others by their first sentence, cut at a word, after any dateline', () => {
    expect(corpus.versions.map((v) => v.title)).toEqual([
      'A topofficial said Friday that talks in Miami to advance the next phase of…',
      'A top Hamas official said Friday that talks in Miami to advance the next phase…',
      'A top Hamas official said that talks in Miami on Friday to advance the next…',
      'A top Hamas official said Friday talks in Miami to advance the next phase of…',
      'Ceasefire talks in Miami: What to know',
    ]);
    for (const version of corpus.versions.slice(0, 4)) {
      expect(version.title.length).toBeLessThanOrEqual(80);
      // Cut at a word boundary: the body goes on with a space where the title stops.
      const kept = version.title.slice(0, -1);
      const at = version.paragraphs[0]!.indexOf(kept);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(version.paragraphs[0]![at + kept.length]).toBe(' ');
    }
  });

  it('keeps the datelines of 001 and 002 in the body', () => {
    expect(seed('001_513221a5f7d2d1b9').paragraphs[0]).toMatch(
      /^Gaza City, Palestinian Territories – A top Hamas official said Friday/,
    );
    expect(seed('002_a2adb80b35aac799').paragraphs[0]).toMatch(
      /^Gaza City: A top Hamas official said that talks/,
    );
    expect(seed('001_513221a5f7d2d1b9').title).not.toContain('Gaza City');
    expect(seed('002_a2adb80b35aac799').title).not.toContain('Gaza City');
  });

  it('splits paragraphs on blank lines or on single newlines, as each file does', () => {
    expect(corpus.versions.map((v) => v.paragraphs.length)).toEqual([18, 15, 16, 22, 12]);
    // 001 and 004 have one paragraph a line.
    const lines = (file: string): string[] =>
      seedText(file)
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    expect(seed('001_513221a5f7d2d1b9').paragraphs).toEqual(lines('001_513221a5f7d2d1b9.txt'));
    expect(seed('004_c36eec96ad6ba659').paragraphs).toEqual(
      lines('004_c36eec96ad6ba659.txt').slice(1),
    );
    // 002 has blank lines between paragraphs, and short paragraphs next to each other.
    expect(seed('002_a2adb80b35aac799').paragraphs.slice(11, 13)).toEqual([
      'In the first phase of the Gaza deal, Hamas committed to releasing the remaining 48 living and dead captives held in the territory.',
      'To date, they have released all of the hostages except for one body.',
    ]);
  });

  it('does not turn trailing blank lines into paragraphs', () => {
    for (const version of corpus.versions) {
      for (const paragraph of version.paragraphs) {
        expect(paragraph.trim()).toBe(paragraph);
        expect(paragraph).not.toBe('');
        expect(paragraph).not.toContain('\n');
      }
      expect(version.paragraphs.at(-1)).toMatch(/[.”"]$/);
    }
  });

  it('counts the words of the body (not of the date marker or the headline)', () => {
    expect(corpus.versions.map((v) => v.words)).toEqual([491, 396, 453, 609, 386]);
    for (const version of corpus.versions) {
      expect(version.body).toBe(version.paragraphs.join('\n\n'));
    }
  });

  it('loads the same versions when the seeds folder is given as --corpus', () => {
    const given = loadCorpus({ dir: SEEDS });
    expect(given.bundled).toBe(false);
    expect(given.versions).toEqual(corpus.versions);
  });
});

describe('loadCorpus on a folder of files', () => {
  const load = (): Corpus => loadCorpus({ dir });
  const warnings = (corpus: Corpus): string[] => corpus.warnings.map((w) => w.message);

  it('loads .txt and .md files in name order, ignoring other and hidden files', () => {
    write('b.md', '# Notes\n\nSome text.');
    write('a.txt', 'First.');
    write('C.TXT', 'Upper case.');
    write('data.json', '{}');
    write('image.png', 'not really');
    write('.hidden.txt', 'Hidden.');
    const corpus = load();
    expect(corpus.versions.map((v) => v.file)).toEqual(['C.TXT', 'a.txt', 'b.md']);
    expect(corpus.versions.map((v) => v.id)).toEqual(['C', 'a', 'b']);
    expect(corpus.warnings).toEqual([]);
  });

  it('normalizes what it loads: BOM, CRLF, NFC', () => {
    write(
      'a.txt',
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('Tu\u0308rkiye talks.\r\n\r\nSecond.\r\n'),
      ]),
    );
    const version = load().versions[0]!;
    expect(version.paragraphs).toEqual(['Türkiye talks.', 'Second.']);
    expect(version.title).toBe('Türkiye talks.');
  });

  it('loads a file full of escape sequences, sanitized, instead of calling it binary', () => {
    write('hostile.txt', '\x1b[2J'.repeat(200) + '\x1b]0;pwned\x07 Body.');
    const corpus = load();
    expect(corpus.warnings).toEqual([]);
    expect(corpus.versions[0]!.body).toBe('^[[2J'.repeat(200) + '^[]0;pwned^G Body.');
  });

  it('shows a hostile file name inert and on one line in ids, files and warnings', () => {
    write('evil\x1b]0;pwned\x07\nname.txt', 'Body.');
    write('empty\x1b[2J.txt', '');
    const corpus = load();
    expect(corpus.versions[0]!.id).toBe('evil^[]0;pwned^G^Jname');
    expect(corpus.versions[0]!.file).toBe('evil^[]0;pwned^G^Jname.txt');
    expect(warnings(corpus)).toEqual(['skipped empty^[[2J.txt: it is empty']);
  });

  it('loads a file whose name is not valid UTF-8', () => {
    writeFileSync(Buffer.from(join(dir, 'caf\xe9.txt'), 'latin1'), 'Body.');
    const corpus = load();
    expect(corpus.warnings).toEqual([]);
    expect(corpus.versions.map((v) => v.id)).toEqual(['caf\uFFFD']);
    expect(corpus.versions[0]!.body).toBe('Body.');
  });

  it('warns and skips an empty or whitespace-only file, and one with only a date', () => {
    write('good.txt', 'Good.');
    write('empty.txt', '');
    write('blank.md', ' \n\t\n\r\n');
    write('dated.txt', ' date 2025-12-19 \n');
    const corpus = load();
    expect(corpus.versions.map((v) => v.id)).toEqual(['good']);
    expect(warnings(corpus)).toEqual([
      'skipped blank.md: it is empty',
      'skipped dated.txt: it is empty',
      'skipped empty.txt: it is empty',
    ]);
  });

  it('warns and skips a binary file', () => {
    write('good.txt', 'Good.');
    write(
      'image.txt',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]),
    );
    expect(warnings(load())).toEqual(['skipped image.txt: it looks like a binary file, not text']);
  });

  it('reads a folder named like a text file as a folder', () => {
    write('good.txt', 'Good.');
    mkdirSync(join(dir, 'folder.txt'));
    write('folder.txt/inner.txt', 'Inner.');
    const corpus = load();
    expect(corpus.versions.map((v) => v.id)).toEqual(['folder.txt/inner', 'good']);
    expect(warnings(corpus)).toEqual([]);
  });

  it('warns and skips a link to a folder named like a text file, without following it', () => {
    write('good.txt', 'Good.');
    mkdirSync(join(dir, 'real'));
    write('real/inner.txt', 'Inner.');
    symlinkSync(join(dir, 'real'), join(dir, 'link.txt'));
    symlinkSync(dir, join(dir, 'loop'));
    const corpus = load();
    expect(corpus.versions.map((v) => v.id)).toEqual(['good', 'real/inner']);
    expect(warnings(corpus)).toEqual(['skipped link.txt: it is a folder']);
  });

  it('warns and skips a broken link', () => {
    write('good.txt', 'Good.');
    symlinkSync(join(dir, 'nowhere'), join(dir, 'dangling.txt'));
    expect(warnings(load())).toEqual([
      'skipped dangling.txt: it is a broken link, or it was removed while loading',
    ]);
  });

  it('follows a link to a text file', () => {
    write('real.text', 'Linked body.');
    symlinkSync(join(dir, 'real.text'), join(dir, 'link.txt'));
    expect(load().versions.map((v) => [v.id, v.body])).toEqual([['link', 'Linked body.']]);
  });

  it.skipIf(process.platform === 'win32')(
    'skips a FIFO named like a text file without hanging',
    () => {
      write('good.txt', 'Good.');
      execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
      expect(warnings(load())).toEqual(['skipped pipe.txt: it is not a regular file']);
    },
  );

  it.skipIf(readsWithoutPermission())(
    'warns and skips an unreadable file (skipped: this user, e.g. root, reads mode-000 files)',
    () => {
      write('good.txt', 'Good.');
      write('locked.txt', 'Locked.');
      chmodSync(join(dir, 'locked.txt'), 0o000);
      expect(warnings(load())).toEqual(['skipped locked.txt: cannot read it: permission denied']);
    },
  );

  it('warns and skips a file over the size limit, without reading it', () => {
    write('good.txt', 'Good.');
    write('huge.txt', '');
    truncateSync(join(dir, 'huge.txt'), 20 * 1024 * 1024);
    const corpus = load();
    expect(corpus.versions.map((v) => v.id)).toEqual(['good']);
    expect(warnings(corpus)).toEqual([
      'skipped huge.txt: it is 20 MB, over the 4 MB limit for one version',
    ]);
  });

  it('loads a file of exactly the size limit and refuses one byte more', () => {
    const text = 'abcd '.repeat(Math.ceil(MAX_FILE_BYTES / 5)).slice(0, MAX_FILE_BYTES);
    expect(Buffer.byteLength(text)).toBe(MAX_FILE_BYTES);
    write('limit.txt', text);
    write('over.txt', text + 'x');
    const corpus = load();
    expect(corpus.versions.map((v) => [v.id, v.words])).toEqual([
      ['limit', Math.ceil(MAX_FILE_BYTES / 5)],
    ]);
    expect(warnings(corpus)).toEqual([
      'skipped over.txt: it is 4.1 MB, over the 4 MB limit for one version',
    ]);
  });

  it('makes a second file with the same id unique, with a warning', () => {
    write('a.md', 'From markdown.');
    write('a.txt', 'From text.');
    write('a-2.txt', 'Taken.');
    const corpus = load();
    expect(corpus.versions.map((v) => [v.id, v.file])).toEqual([
      ['a-2', 'a-2.txt'],
      ['a', 'a.md'],
      ['a-3', 'a.txt'],
    ]);
    expect(warnings(corpus)).toEqual(['a.txt: its id "a" is taken by a.md, so it is "a-3"']);
  });

  it('fails when every text file had to be skipped, saying why in one line', () => {
    write('empty.txt', '');
    write('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
    const message = userError(load).message;
    expect(message).toBe(
      `nothing to read in ${dir}: all 2 text files had to be skipped ` +
        '(skipped empty.txt: it is empty; skipped image.txt: it looks like a binary file, not text)',
    );
  });

  it('names at most three of the skipped files', () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) write(`${name}.txt`, '');
    const message = userError(load).message;
    expect(message).toContain('all 5 text files had to be skipped');
    expect(message).toContain('skipped c.txt: it is empty; and 2 more)');
    expect(message).not.toContain('d.txt');
  });

  it('fails on a folder with no text files', () => {
    expect(userError(load).message).toBe(`no text files (.txt, .md) in ${dir}`);
    write('data.json', '[]');
    write('picture.png', Buffer.from([0x89, 0x50]));
    expect(userError(load).message).toBe(`no text files (.txt, .md) in ${dir}`);
    expect(userError(load).exitCode).toBe(2);
  });

  it('fails on a missing folder', () => {
    const missing = join(dir, 'missing');
    expect(userError(() => loadCorpus({ dir: missing })).message).toBe(
      `corpus folder not found: ${missing}`,
    );
  });

  it('fails on a file given as the folder', () => {
    write('a.txt', 'Body.');
    const file = join(dir, 'a.txt');
    expect(userError(() => loadCorpus({ dir: file })).message).toBe(
      `--corpus needs a folder, but ${file} is a file; a .jsonl or .csv file also works`,
    );
  });

  it('shows a hostile folder name inert', () => {
    const missing = join(dir, 'x\x1b[2J\ny');
    expect(userError(() => loadCorpus({ dir: missing })).message).toBe(
      `corpus folder not found: ${dir}/x^[[2J^Jy`,
    );
  });
});

describe('bundledSeedsDir', () => {
  const url = (path: string): string => pathToFileURL(path).href;

  it('finds the seeds of the gaza-reader package above a file', () => {
    expect(bundledSeedsDir(new URL('../../dist/cli.js', import.meta.url).href)).toBe(
      resolve(SEEDS),
    );
  });

  it('finds the seeds of an installed copy, not those of the project using it', () => {
    mkdirSync(join(dir, 'seeds'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'gaza-reader' }));
    const installed = join(dir, 'node_modules', 'gaza-reader');
    mkdirSync(join(installed, 'dist'), { recursive: true });
    mkdirSync(join(installed, 'seeds'));
    writeFileSync(join(installed, 'package.json'), JSON.stringify({ name: 'gaza-reader' }));
    expect(bundledSeedsDir(url(join(installed, 'dist', 'cli.js')))).toBe(join(installed, 'seeds'));
  });

  it('passes over another package with a seeds folder, and a broken manifest', () => {
    mkdirSync(join(dir, 'seeds'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'gaza-reader' }));
    const other = join(dir, 'other');
    mkdirSync(join(other, 'seeds'), { recursive: true });
    writeFileSync(join(other, 'package.json'), JSON.stringify({ name: 'other' }));
    const broken = join(other, 'broken');
    mkdirSync(join(broken, 'seeds'), { recursive: true });
    writeFileSync(join(broken, 'package.json'), '{ not json');
    expect(bundledSeedsDir(url(join(broken, 'cli.js')))).toBe(join(dir, 'seeds'));
  });

  it('fails when there is no gaza-reader package above', () => {
    expect(() => bundledSeedsDir(url(join(dir, 'cli.js')))).toThrow(
      /the bundled seeds folder is missing/,
    );
  });
});

describe('text that is not UTF-8', () => {
  it('loads, shows the bad bytes as U+FFFD, and warns', () => {
    // "Türkiye said." in Latin-1: ü is the single byte 0xFC.
    writeFileSync(
      join(dir, 'latin1.txt'),
      Buffer.from([0x54, 0xfc, 0x72, 0x6b, 0x69, 0x79, 0x65, 0x20, 0x73, 0x61, 0x69, 0x64, 0x2e]),
    );
    writeFileSync(join(dir, 'utf8.txt'), 'Türkiye said.');
    const corpus = loadCorpus({ dir });
    expect(corpus.versions.map((v) => v.body)).toEqual(['T\uFFFDrkiye said.', 'Türkiye said.']);
    expect(corpus.warnings).toEqual([
      {
        file: 'latin1.txt',
        message:
          'latin1.txt: some bytes are not UTF-8 and show as �; is the file Latin-1 or Windows-1252?',
      },
    ]);
  });
});
