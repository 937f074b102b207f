/**
 * The corpus formats, outlets and version names as a user meets them: through the built CLI.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/corpora/', import.meta.url));
const CORPORA = {
  markdown: join(FIXTURES, 'markdown'),
  jsonl: join(FIXTURES, 'archive.jsonl'),
  csv: join(FIXTURES, 'archive.csv'),
};

const root = mkdtempSync(join(tmpdir(), 'gaza-reader-cli-formats-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe.each(Object.entries(CORPORA))('--corpus %s', (_, corpus) => {
  it('list --json gives every version its outlet, url and author', () => {
    const result = runCli(['list', '--json', '--corpus', corpus]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const versions = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(versions.map((v) => [v.id, v.outlet, v.date, v.author, v.url])).toEqual([
      [
        'ledger-early',
        'Daily Ledger',
        '2025-12-19',
        'Jane Roe, Sam Poe',
        'https://ledger.example/2025/12/19/miami-talks',
      ],
      [
        'ledger-late',
        'Daily Ledger',
        '2025-12-19',
        'Jane Roe',
        'https://ledger.example/2025/12/19/miami-talks-update',
      ],
      ['post', 'Morning Post', '2025-12-20', null, 'https://post.example/world/gaza-miami'],
    ]);
  });

  it('diff takes outlet names, and the names versions are shown by', () => {
    const byName = runCli([
      'diff',
      'Morning Post',
      'Daily Ledger · 2',
      '--json',
      '--corpus',
      corpus,
    ]);
    const byId = runCli(['diff', 'post', 'ledger-late', '--json', '--corpus', corpus]);
    expect(byName.status).toBe(0);
    expect(byName.stdout).toBe(byId.stdout);
    const json = JSON.parse(byName.stdout) as { a: { id: string }; b: { id: string } };
    expect([json.a.id, json.b.id]).toEqual(['post', 'ledger-late']);
  });

  it('show --json carries the stated fields', () => {
    const result = runCli(['show', 'morning post', '--json', '--corpus', corpus]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      id: 'post',
      outlet: 'Morning Post',
      url: 'https://post.example/world/gaza-miami',
      author: null,
      date: '2025-12-20',
      title: 'Envoy meets mediators in Florida',
    });
  });
});

describe('naming versions on the command line', () => {
  const dir = join(root, 'dash');
  mkdirSync(dir);
  writeFileSync(join(dir, '-dash.txt'), 'The dash version.\n');
  writeFileSync(join(dir, 'other.txt'), 'The other version.\n');

  it('an outlet with two versions is ambiguous, and the error names them', () => {
    const result = runCli(['show', 'Daily Ledger', '--corpus', CORPORA.jsonl]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'gaza-reader: outlet "Daily Ledger" has 2 versions: name one of ' +
        'Daily Ledger · 1 (ledger-early), Daily Ledger · 2 (ledger-late)\n',
    );
  });

  it('a file whose name starts with a dash, by a path-like name or after --', () => {
    const byPath = runCli(['show', './-dash.txt', '--json', '--corpus', '.'], { cwd: dir });
    expect(byPath.status).toBe(0);
    expect(JSON.parse(byPath.stdout)).toMatchObject({ id: '-dash', file: '-dash.txt' });
    const afterDashes = runCli(['show', '--json', '--corpus', dir, '--', '-dash']);
    expect(afterDashes.stdout).toBe(byPath.stdout);
    const diff = runCli(['diff', '--corpus', dir, './-dash.txt', 'other', '--json']);
    expect(diff.status).toBe(0);
  });

  it('a bare -dash.txt is a flag, and the error says how to name the file', () => {
    const result = runCli(['show', '-dash.txt', '--corpus', dir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'gaza-reader: unknown flag -dash.txt; to name a version, write ./-dash.txt or put it after --\n',
    );
  });
});

describe('bad corpus files through the CLI', () => {
  it('a CSV without a text column: exit 2, naming the columns found', () => {
    const path = join(root, 'no-text.csv');
    writeFileSync(path, 'headline,body\nA,B\n');
    const result = runCli(['list', '--corpus', path]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `gaza-reader: ${path} has no "text" column; a CSV corpus needs one. Its columns: "headline", "body"\n`,
    );
  });

  it('a malformed JSON line: a warning naming the line, and the rest listed', () => {
    const path = join(root, 'mixed.jsonl');
    writeFileSync(path, '{"id": "good", "text": "Good."}\n{oops\n');
    const result = runCli(['list', '--json', '--corpus', path]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(
      /^gaza-reader: warning: mixed\.jsonl line 2: skipped: it is not valid JSON \(.+\)\n$/,
    );
    expect((JSON.parse(result.stdout) as { id: string }[]).map((v) => v.id)).toEqual(['good']);
  });

  it('a .txt file given as the corpus: exit 2, saying what works', () => {
    const path = join(root, 'single.txt');
    writeFileSync(path, 'Text.');
    const result = runCli(['list', '--corpus', path]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `gaza-reader: --corpus needs a folder, but ${path} is a file; a .jsonl or .csv file also works\n`,
    );
  });
});
