import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('gaza-reader list', () => {
  it('prints the five seed versions with titles and dates', () => {
    const { status, stdout } = runCli(['list']);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^VERSION\s+DATE\s+WORDS\s+TITLE$/);
    expect(lines).toHaveLength(6);
    // Versions without an outlet go by their short ids, the names the other commands take.
    expect(lines[1]).toMatch(/^000\s+2025-12-19\s+491\s+A topofficial said Friday/);
    expect(lines[4]).toMatch(/^003\s+2025-12-19\s+609\s/);
    // A pipe gets the whole first sentence, not a title cut with "…".
    expect(lines[1]).toMatch(/491 {2}A topofficial said Friday .{60,}\.$/);
    expect(lines[1]).not.toContain('…');
    expect(lines[5]).toMatch(/Ceasefire talks in Miami: What to know$/);
  });

  it('prints JSON with the documented fields', () => {
    const { status, stdout } = runCli(['list', '--json']);
    expect(status).toBe(0);
    const versions = JSON.parse(stdout) as Record<string, unknown>[];
    expect(versions.map((v) => v.id)).toEqual([
      '000_a709085c31b1a02c',
      '001_513221a5f7d2d1b9',
      '002_a2adb80b35aac799',
      '003_d2cb9de2d0279c90',
      '004_c36eec96ad6ba659',
    ]);
    expect(versions[0]).toEqual({
      id: '000_a709085c31b1a02c',
      file: '000_a709085c31b1a02c.txt',
      // The whole first sentence: titles are cut only on screen.
      title:
        'A topofficial said Friday that talks in Miami to advance the next phase of themust aim ' +
        'to end Israeli truce "violations" in the Palestinian territory.',
      date: '2025-12-19',
      outlet: null,
      url: null,
      author: null,
      words: 491,
      paragraphs: 18,
    });
    expect(versions.map((v) => v.date)).toEqual(['2025-12-19', null, null, '2025-12-19', null]);
    // Streamed a version at a time, it is still one JSON array, indented as JSON.stringify does.
    expect(stdout).toBe(JSON.stringify(versions, null, 2) + '\n');
  });

  it('lists a corpus it reads a version at a time: warnings after, and an error when empty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gaza-reader-list-'));
    try {
      writeFileSync(join(dir, 'a.txt'), 'One version.\n');
      writeFileSync(join(dir, 'b.txt'), '');
      const { status, stdout, stderr } = runCli(['list', '--json', '--corpus', dir]);
      expect(status).toBe(0);
      expect((JSON.parse(stdout) as { id: string }[]).map((v) => v.id)).toEqual(['a']);
      expect(stderr).toBe('gaza-reader: warning: skipped b.txt: it is empty\n');
      rmSync(join(dir, 'a.txt'));
      const empty = runCli(['list', '--json', '--corpus', dir]);
      expect(empty.status).toBe(2);
      expect(empty.stdout).toBe('');
      expect(empty.stderr).toBe(
        `gaza-reader: nothing to read in ${dir}: the only text file had to be skipped (skipped b.txt: it is empty)\n`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the list when run with no command and no terminal', () => {
    const bare = runCli([]);
    expect(bare.status).toBe(0);
    expect(bare.stderr).not.toMatch(/Raw mode/);
    expect(bare.stdout).toBe(runCli(['list']).stdout);
  });
});
