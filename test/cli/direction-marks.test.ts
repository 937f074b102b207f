import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/**
 * The direction marks LRM (U+200E), RLM (U+200F) and ALM (U+061C) are invisible and reorder the
 * characters around them. Like the other bidi controls, they show as U+FFFD in every output.
 */

const MARKS = /[\u200E\u200F\u061C]/u;
const root = mkdtempSync(join(tmpdir(), 'gaza-reader-marks-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const text = (extra: string): string =>
  `Ceasefire\u200F talks\u061C resume in Miami\n\nThe toll rose to \u200E-5 percent of ${extra}.\n`;
writeFileSync(join(root, 'a.txt'), text('homes'));
writeFileSync(join(root, 'b.txt'), text('the buildings'));
// An empty file is skipped with a warning that names it.
writeFileSync(join(root, 'empty\u200F.txt'), '');

const runs: Record<string, string[]> = {
  list: ['list'],
  'list --json': ['list', '--json'],
  show: ['show', 'a'],
  'show --json': ['show', 'a', '--json'],
  search: ['search', 'toll rose'],
  'search --json': ['search', 'toll rose', '--json'],
  diff: ['diff', 'a', 'b'],
  'diff --color': ['diff', 'a', 'b', '--color'],
  'diff --json': ['diff', 'a', 'b', '--json'],
};

describe('direction marks in the corpus', () => {
  for (const [name, args] of Object.entries(runs)) {
    it(`show as U+FFFD in ${name}, and in the warning`, () => {
      const result = runCli([...args, '--corpus', root]);
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('\uFFFD');
      expect(result.stdout).not.toMatch(MARKS);
      expect(result.stderr).toBe('gaza-reader: warning: skipped empty\uFFFD.txt: it is empty\n');
    });
  }
});
