import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/** Three versions as front-matter Markdown: two from the Daily Ledger, one from the Morning Post. */
const CORPUS = fileURLToPath(new URL('../fixtures/corpora/markdown/', import.meta.url));
const run = (...args: string[]) =>
  runCli([...args, '--corpus', CORPUS], { env: { NO_COLOR: '1' } });

describe('the commands name versions by outlet', () => {
  it('diff names both outlets in its header, and --json gains outlet', () => {
    const { status, stdout } = run('diff', 'ledger-early', 'post');
    expect(status).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('− Daily Ledger · 1 · 90 words · Ceasefire talks open in Miami');
    expect(lines[1]).toBe('+ Morning Post · 90 words · Envoy meets mediators in Florida');
    const json = JSON.parse(run('diff', 'ledger-early', 'post', '--json').stdout) as {
      a: Record<string, unknown>;
      b: Record<string, unknown>;
    };
    expect(json.a).toMatchObject({ id: 'ledger-early', outlet: 'Daily Ledger' });
    expect(json.b).toMatchObject({ id: 'post', outlet: 'Morning Post' });
  });

  it('list names each version by its outlet, two from one outlet told apart', () => {
    const lines = run('list').stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^VERSION\s+DATE\s+WORDS\s+TITLE$/);
    expect(lines.slice(1).map((line) => line.split(/ {2,}/)[0])).toEqual([
      'Daily Ledger · 1',
      'Daily Ledger · 2',
      'Morning Post',
    ]);
  });

  it('search places its hits by outlet', () => {
    const { stdout } = run('search', 'deliveries into Gaza');
    expect(stdout.split('\n')[0]).toBe('Daily Ledger · 2 ¶4');
  });

  it('the names list prints are the names diff takes', () => {
    expect(run('diff', 'Daily Ledger 1', 'Morning Post').stdout).toBe(
      run('diff', 'ledger-early', 'post').stdout,
    );
  });
});
