import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { wrapText } from '../../source/render/line.js';
import { CLI, runCli } from '../helpers/run-cli.js';

const SEED_IDS = [
  '000_a709085c31b1a02c',
  '001_513221a5f7d2d1b9',
  '002_a2adb80b35aac799',
  '003_d2cb9de2d0279c90',
  '004_c36eec96ad6ba659',
];

interface ShownJson {
  id: string;
  file: string;
  title: string;
  date: string | null;
  words: number;
  paragraphs: number;
  headline: string | null;
  text: string[];
}

function showJson(name: string): ShownJson {
  const result = runCli(['show', name, '--json']);
  expect(result.status).toBe(0);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as ShownJson;
}

/** The body paragraphs of plain `show` output, each unwrapped back onto one line. */
function shownParagraphs(stdout: string): string[] {
  const blocks = stdout.replace(/\n$/, '').split('\n\n');
  return blocks.slice(1).map((block) => block.split('\n').join(' '));
}

const tmp = mkdtempSync(join(tmpdir(), 'gaza-reader-show-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('gaza-reader show', () => {
  it('names a version by its id, its file name or a unique prefix, with the same result', () => {
    const byId = runCli(['show', '000_a709085c31b1a02c']);
    expect(byId.status).toBe(0);
    expect(byId.stderr).toBe('');
    for (const name of ['000', '000_a7', '000_a709085c31b1a02c.txt']) {
      const other = runCli(['show', name]);
      expect(other.status, name).toBe(0);
      expect(other.stdout, name).toBe(byId.stdout);
    }
    expect(runCli(['show', '004']).stdout).not.toBe(byId.stdout);
  });

  it('prints the title, the metadata and the text', () => {
    const { stdout } = runCli(['show', '000']);
    const lines = stdout.split('\n');
    // The whole first sentence, wrapped: the title is cut only on screen.
    const id = lines.indexOf('id     000_a709085c31b1a02c');
    expect(lines.slice(0, id).join(' ')).toBe(
      'A topofficial said Friday that talks in Miami to advance the next phase of themust aim ' +
        'to end Israeli truce "violations" in the Palestinian territory.',
    );
    expect(lines.slice(id, id + 4)).toEqual([
      'id     000_a709085c31b1a02c',
      'file   000_a709085c31b1a02c.txt',
      'date   2025-12-19',
      'words  491 in 18 paragraphs',
    ]);
    expect(lines[id + 4]).toBe('');
    expect(lines[id + 5]).toMatch(/^A topofficial said Friday that talks in Miami/);
    expect(stdout).not.toContain('date 2025');
    expect(shownParagraphs(stdout)).toEqual(showJson('000').text);
  });

  it('shows a headline as metadata and a missing date as a dash', () => {
    const { stdout } = runCli(['show', '004']);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('Ceasefire talks in Miami: What to know');
    expect(lines).toContain('date   —');
    expect(lines).toContain('head   Ceasefire talks in Miami: What to know');
    expect(lines).toContain('words  386 in 12 paragraphs');
    expect(shownParagraphs(stdout)[0]).toMatch(/^The United States Middle East envoy/);
  });

  it('prints JSON with the documented fields', () => {
    const shown = showJson('004_c36eec96ad6ba659.txt');
    expect(Object.keys(shown).sort()).toEqual(
      [
        'date',
        'file',
        'headline',
        'id',
        'paragraphs',
        'text',
        'title',
        'words',
        'outlet',
        'url',
        'author',
      ].sort(),
    );
    expect(shown).toMatchObject({
      id: '004_c36eec96ad6ba659',
      file: '004_c36eec96ad6ba659.txt',
      title: 'Ceasefire talks in Miami: What to know',
      date: null,
      words: 386,
      paragraphs: 12,
      headline: 'Ceasefire talks in Miami: What to know',
    });
    expect(shown.text).toHaveLength(12);
    expect(shown.text[0]).toMatch(/^The United States Middle East envoy, Steve Witkoff/);
    expect(shown.text.at(-1)).toMatch(/fully sovereign and independent state”\.$/);

    const dated = showJson('003');
    expect(dated).toMatchObject({ date: '2025-12-19', headline: null, paragraphs: 22, words: 609 });
    expect(dated.text).toHaveLength(22);
    expect(dated.text[0]).toMatch(/^A top Hamas official said Friday talks/);
    expect(dated.text.join(' ').split(/\s+/)).toHaveLength(609);
  });

  it('agrees with list --json on the shared fields', () => {
    const listed = JSON.parse(runCli(['list', '--json']).stdout) as Record<string, unknown>[];
    for (const [i, id] of SEED_IDS.entries()) {
      const { headline: _headline, text: _text, ...summary } = showJson(id);
      expect(summary).toEqual(listed[i]);
    }
  });

  it('wraps the text to --width columns, losing no word', () => {
    for (const width of [40, 23]) {
      const { status, stdout } = runCli(['show', '002', '--width', String(width)]);
      expect(status).toBe(0);
      const lines = stdout.replace(/\n$/, '').split('\n');
      for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
      expect(shownParagraphs(stdout)).toEqual(showJson('002').text);
      expect(lines.filter((line) => line.length > 0).length).toBeGreaterThan(
        showJson('002').paragraphs * 2,
      );
    }
  });

  it('wraps to 80 columns when piped', () => {
    const { stdout } = runCli(['show', '001']);
    const lines = stdout.split('\n');
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    expect(lines.some((line) => stringWidth(line) > 70)).toBe(true);
  });

  it('cuts a word longer than the width, and wraps the metadata too', () => {
    const word = 'x'.repeat(50);
    writeFileSync(join(tmp, 'long.txt'), `Start ${word} end.\n`);
    const { status, stdout } = runCli(['show', 'long', '--corpus', tmp, '--width', '20']);
    expect(status).toBe(0);
    const lines = stdout.replace(/\n$/, '').split('\n');
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(20);
    expect(stdout.replace(/\s+/g, '')).toContain(`Start${word}end.`);
  });

  // A smoke test: 4 MB in one paragraph prints, wrapped, and the process ends. (wrap-ansi, used
  // before, took 25 to 60 seconds on such a paragraph; wrapText takes well under one.)
  it('shows a 4 MB one-paragraph version', () => {
    const dir = mkdtempSync(join(tmp, 'big-'));
    writeFileSync(join(dir, 'big.txt'), 'Aaaa, bbbb '.repeat(380_000));
    // runCli keeps at most 1 MB of output; this prints 4 MB. The timeout only catches a hang.
    const { status, stdout, error } = spawnSync(
      process.execPath,
      [CLI, 'show', 'big', '--corpus', dir, '--width', '60'],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 25_000 },
    );
    expect(error).toBeUndefined();
    expect(status).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.length).toBeGreaterThan(60_000);
    for (const line of lines) {
      if (line.length > 60) expect.fail(`line wider than 60: ${line}`);
    }
  });
});

describe('the bundled seeds', () => {
  it('are found from any working directory', () => {
    const expected = runCli(['list', '--json']).stdout;
    for (const cwd of ['/tmp', tmp, '/']) {
      const result = runCli(['list', '--json'], { cwd });
      expect(result.status, cwd).toBe(0);
      expect(result.stdout, cwd).toBe(expected);
      expect((JSON.parse(result.stdout) as { id: string }[]).map((v) => v.id)).toEqual(SEED_IDS);
    }
  });

  it('are what --corpus gives for a relative folder from a working directory', () => {
    const dir = mkdtempSync(join(tmp, 'rel-'));
    writeFileSync(join(dir, 'mine.txt'), 'Mine. Only mine.\n');
    const result = runCli(['list', '--json', '--corpus', '.'], { cwd: dir });
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as { id: string }[]).map((v) => v.id)).toEqual(['mine']);
  });
});

describe('wrapText', () => {
  it('breaks lines at spaces, filling each line', () => {
    expect(wrapText('aa bb cc dd', 5)).toEqual(['aa bb', 'cc dd']);
    expect(wrapText('aa bb cc dd', 6)).toEqual(['aa bb', 'cc dd']);
    expect(wrapText('aa bb cc dd', 8)).toEqual(['aa bb cc', 'dd']);
    expect(wrapText('aa bb', 80)).toEqual(['aa bb']);
  });

  it('collapses runs of spaces and drops them at line ends', () => {
    expect(wrapText('  aa   bb  ', 80)).toEqual(['aa bb']);
    expect(wrapText('aa    bb', 3)).toEqual(['aa', 'bb']);
  });

  it('cuts a word longer than a line', () => {
    expect(wrapText('abcdefgh ij', 3)).toEqual(['abc', 'def', 'gh', 'ij']);
    expect(wrapText('x', 1)).toEqual(['x']);
  });

  it('counts wide characters as two columns and never splits a character', () => {
    expect(wrapText('加沙停火 谈判', 4)).toEqual(['加沙', '停火', '谈判']);
    expect(wrapText('😀😀😀', 4)).toEqual(['😀😀', '😀']);
    const flags = '🇵🇸🇵🇸🇵🇸';
    expect(wrapText(flags, 4)).toEqual(['🇵🇸🇵🇸', '🇵🇸']);
    expect(wrapText('Tu\u0308rkiye', 3)).toEqual(['Tu\u0308r', 'kiy', 'e']);
  });

  it('keeps line breaks and empty text', () => {
    expect(wrapText('aa\nbb cc', 80)).toEqual(['aa', 'bb cc']);
    expect(wrapText('', 80)).toEqual(['']);
  });

  it('treats a width below 1 as 1', () => {
    expect(wrapText('ab', 0)).toEqual(['a', 'b']);
  });
});
