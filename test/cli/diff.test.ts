import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const ESCAPE = /\u001B\[/;
const plain = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCli(args, { env: { NO_COLOR: '', ...env } });

interface DiffJson {
  a: { id: string; title: string; words: number };
  b: { id: string; title: string; words: number };
  stats: { inserted: number; deleted: number; moved: number; similarity: number };
  substitutions: Array<{ from: string; to: string; count: number }>;
  rows: Array<{
    kind: string;
    a: number | null;
    b: number | null;
    spans: Array<{ op: string; text: string }>;
  }>;
}

const words = (text: string): number => text.match(/\S+/g)?.length ?? 0;

describe('gaza-reader diff, printed', () => {
  const { status, stdout, stderr } = plain(['diff', '000', '003']);
  const lines = stdout.split('\n');

  it('prints who is compared and the summary before any passage', () => {
    expect(status).toBe(0);
    expect(stderr).toBe('');
    // Versions without an outlet are named by their short ids, as everywhere.
    expect(lines[0]).toMatch(/^− 000 · 491 words · A topofficial said/);
    const b = lines.findIndex((line) => line.startsWith('+ 003 · 609 words · '));
    expect(b).toBeGreaterThan(0);
    const summary = lines.findIndex((line) => /^Similarity +\d+%$/.test(line));
    const firstPassage = lines.findIndex((line) => line.startsWith('¶1'));
    expect(summary).toBeGreaterThan(b);
    expect(firstPassage).toBeGreaterThan(summary);
    expect(lines.slice(summary, summary + 3)).toEqual([
      'Similarity     83%',
      'Words          155 inserted, 37 deleted',
      'Passages       2 moved, 4 added, 0 removed',
    ]);
    const substitutions = lines
      .slice(summary + 3, firstPassage)
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(substitutions).toMatch(/^Substitutions .*Turkey → Türkiye/);
    expect(substitutions).toContain('militants → resistance movement');
  });

  it('marks changes with wdiff markers when piped', () => {
    expect(stdout).not.toMatch(ESCAPE);
    // A changed passage shows A's text with its deletions, then B's with its insertions.
    expect(stdout).toMatch(/^− US President .*\n.*Egypt and \[-Turkey-\] in Florida/m);
    expect(stdout).toMatch(/^\+ US President .*\n.*Egypt and \{\+Türkiye\+\} in Florida/m);
    expect(stdout).toMatch(/Israel's retaliatory\s+\{\+genocidal\+\}\s+military campaign/);
  });

  it('marks a change inside a word by its characters: member[-,-]', () => {
    // 000/003 ¶3: "bureau member, Bassem Naim, told AFP" lost its commas.
    expect(stdout.replace(/\s+/g, ' ')).toMatch(/bureau member\[-,-\] Bassem Naim\[-,-\] told AFP/);
    expect(stdout).not.toContain('[-member,-]');
  });

  it('lists scraping repairs apart, after the editorial substitutions', () => {
    const flat = stdout.replace(/\s+/g, ' ');
    const editorial = flat.indexOf('Substitutions ');
    const repairs = flat.indexOf('Repairs ');
    expect(editorial).toBeGreaterThanOrEqual(0);
    expect(repairs).toBeGreaterThan(editorial);
    const between = flat.slice(editorial, repairs);
    expect(between).toContain('militants → resistance movement');
    expect(between).not.toContain('themust');
    expect(flat.slice(repairs, repairs + 200)).toMatch(/themust → the Gaza ceasefire must/);
    expect(flat.slice(repairs, repairs + 200)).toMatch(/topofficial → top Hamas official/);
  });

  it('labels the moved al-Hayya paragraph with where it came from, and its edits', () => {
    const at = lines.findIndex((line) => line.includes('↕ moved from ¶17'));
    expect(at).toBeGreaterThan(0);
    expect(lines[at]).toMatch(/^¶9 · ↕ moved from ¶17 · changed$/);
    const block = lines.slice(at + 1, lines.indexOf('', at));
    const minus = block.findIndex((line) => line.startsWith('− '));
    const plus = block.findIndex((line) => line.startsWith('+ '));
    expect(minus).toBe(0);
    const aSide = block.slice(minus, plus).join(' ').replace(/\s+/g, ' ');
    const bSide = block.slice(plus).join(' ').replace(/\s+/g, ' ');
    expect(aSide).toContain('said Sunday [-that-] the [-militant-] group');
    expect(aSide).toContain('insisted Hamas will be disarmed.');
    expect(bSide).toContain('said Sunday the {+resistance+} group');
    expect(bSide).toContain('insisted {+that+} Hamas will be disarmed.');
    // Only the three edits of the issue show.
    expect((aSide + bSide).match(/\[-|\{\+/g)).toHaveLength(4);
  });

  it('marks added passages whole, and unchanged ones with their number alone', () => {
    const added = lines.findIndex((line) => line === '¶7 · + added');
    expect(lines[added + 1]).toMatch(/^\{\+Briefing journalists in Washington/);
    const same = lines.findIndex((line) => line === '¶4');
    expect(lines[same + 1]).toMatch(/^During the second stage, Israel/);
  });

  it('wraps to 80 columns when piped, and to --width', () => {
    expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(80);
    const narrow = plain(['diff', '000', '003', '--width', '40']).stdout.split('\n');
    expect(Math.max(...narrow.map((line) => stringWidth(line)))).toBeLessThanOrEqual(40);
    expect(narrow.length).toBeGreaterThan(lines.length);
  });

  it('prints removed passages after the passage they followed', () => {
    const out = plain(['diff', '001', '002']).stdout;
    expect(out).toMatch(/− removed ¶6\n\[-‘Real pressure’ needed-\]/);
    expect(out.indexOf('¶5 → ¶8 · changed')).toBeLessThan(out.indexOf('− removed ¶6'));
    // A row names both sides' paragraphs where they differ.
    expect(out).toContain('part of ¶12 → ¶13\nTo date, they have released');
  });
});

describe('gaza-reader diff, in color', () => {
  it('colors deletions red and insertions green, without markers', () => {
    const { status, stdout } = runCli(['diff', '000', '003', '--color']);
    expect(status).toBe(0);
    expect(stdout).toContain('Egypt and \u001B[31mTurkey\u001B[39m in Florida');
    expect(stdout).toContain('Egypt and \u001B[32mTürkiye\u001B[39m in Florida');
    expect(stdout).not.toContain('[-Turkey-]');
    // Unchanged passages are dim.
    expect(stdout).toContain('\u001B[2mDuring the second stage');
  });

  it('drops colors for NO_COLOR and uses markers instead', () => {
    const { stdout } = runCli(['diff', '000', '003'], { env: { NO_COLOR: '1' } });
    expect(stdout).not.toMatch(ESCAPE);
    expect(stdout).toContain('Egypt and [-Turkey-] in Florida');
    expect(stdout).toContain('Egypt and {+Türkiye+} in Florida');
  });
});

describe('gaza-reader diff --json', () => {
  const ids = JSON.parse(runCli(['list', '--json']).stdout) as Array<{ id: string; words: number }>;
  const pairs = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b] as const));

  it.each(pairs.map(([a, b]) => [a.id.slice(0, 3), b.id.slice(0, 3), a, b] as const))(
    '%s vs %s has the documented shape, and its spans account for every word once',
    (x, y, a, b) => {
      const { status, stdout } = runCli(['diff', x, y, '--json']);
      expect(status).toBe(0);
      const json = JSON.parse(stdout) as DiffJson;
      expect(Object.keys(json)).toEqual(['a', 'b', 'stats', 'substitutions', 'rows']);
      expect(Object.keys(json.a)).toEqual(['id', 'outlet', 'title', 'words']);
      expect(Object.keys(json.b)).toEqual(['id', 'outlet', 'title', 'words']);
      expect(json.a).toMatchObject({ id: a.id, outlet: null, words: a.words });
      expect(json.b).toMatchObject({ id: b.id, outlet: null, words: b.words });
      expect(json.a.title).not.toMatch(/…$/);
      expect(Object.keys(json.stats)).toEqual(['inserted', 'deleted', 'moved', 'similarity']);
      expect(json.stats.similarity).toBeGreaterThanOrEqual(0);
      expect(json.stats.similarity).toBeLessThanOrEqual(1);
      for (const s of json.substitutions) {
        // `repair` is there only on scraping repairs, and then true.
        expect(Object.keys(s)).toEqual([
          'from',
          'to',
          'count',
          ...('repair' in s ? ['repair'] : []),
        ]);
        if ('repair' in s) expect(s.repair).toBe(true);
        expect(s.count).toBeGreaterThan(0);
      }
      const count = { equal: 0, insert: 0, delete: 0 } as Record<string, number>;
      for (const row of json.rows) {
        expect(Object.keys(row)).toEqual(['kind', 'a', 'b', 'spans']);
        expect(['same', 'changed', 'moved', 'rewritten', 'added', 'removed']).toContain(row.kind);
        expect(row.a === null || Number.isInteger(row.a)).toBe(true);
        expect(row.b === null || Number.isInteger(row.b)).toBe(true);
        expect(row.a === null).toBe(row.kind === 'added');
        expect(row.b === null).toBe(row.kind === 'removed');
        for (const span of row.spans) {
          expect(Object.keys(span)).toEqual(['op', 'text']);
          count[span.op]! += words(span.text);
        }
      }
      expect(count.equal! + count.delete!).toBe(json.a.words);
      expect(count.equal! + count.insert!).toBe(json.b.words);
      expect(json.stats.inserted).toBe(count.insert);
      expect(json.stats.deleted).toBe(count.delete);
      expect(json.stats.moved).toBe(json.rows.filter((row) => row.kind === 'moved').length);
    },
  );

  it('counts quote styles as changes with --exact', () => {
    const folded = JSON.parse(runCli(['diff', '000', '001', '--json']).stdout) as DiffJson;
    const exact = JSON.parse(
      runCli(['diff', '000', '001', '--json', '--exact']).stdout,
    ) as DiffJson;
    expect(exact.stats.inserted).toBeGreaterThan(folded.stats.inserted);
    const pressure = (json: DiffJson) =>
      json.rows.find((row) =>
        row.spans.some((s) => s.text.includes('real and effective pressure')),
      )!;
    expect(pressure(folded).kind).toBe('same');
    expect(pressure(exact).kind).toBe('changed');
  });
});

describe('gaza-reader diff, on odd input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gaza-diff-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'cats.txt'), 'The cat sat on the mat.\n\nIt was a sunny day.\n');
  writeFileSync(join(dir, 'stocks.txt'), 'Stocks fell on the news.\n\nThe bank held rates.\n');

  it('compares a version with itself', () => {
    const { status, stdout } = plain(['diff', '003', '003']);
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /Similarity +100%\nWords +0 inserted, 0 deleted\nPassages +0 moved, 0 added, 0 removed\n/,
    );
    const passages = stdout.slice(stdout.indexOf('\n¶1'));
    expect(passages).not.toMatch(/\[-|\{\+/);
    expect(passages).toMatch(/^\n¶1\n/);
  });

  it('compares two unrelated texts', () => {
    const { status, stdout } = plain(['diff', 'cats', 'stocks', '--corpus', dir]);
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /Similarity +0%\nWords +9 inserted, 11 deleted\nPassages +0 moved, 2 added, 2 removed\n/,
    );
    expect(stdout).toContain('− removed ¶1\n[-The cat sat on the mat.-]');
  });

  it('names an unknown version and exits 2', () => {
    const { status, stdout, stderr } = plain(['diff', '000', 'nope']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^gaza-reader: no version "nope"/);
  });
});

describe('gaza-reader diff of a version with itself', () => {
  it('says there are no changes', () => {
    const { status, stdout } = runCli(['diff', '000', '000']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^No changes {5}the two versions read the same$/m);
    const body = stdout.slice(stdout.indexOf('No changes'));
    expect(body).not.toMatch(/\[-|\{\+/);
  });
});

describe('gaza-reader diff on a huge word', () => {
  // A hang guard, not a speed test: wrap-ansi alone took minutes on one such word.
  it('prints, wrapped, and ends', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gaza-bigword-'));
    writeFileSync(join(dir, 'a.txt'), `Start ${'x'.repeat(300_000)} end.\n`);
    writeFileSync(join(dir, 'b.txt'), `Begin ${'x'.repeat(300_000)} end.\n`);
    const { status, stdout } = runCli(['diff', 'a', 'b', '--corpus', dir, '--width', '60']);
    rmSync(dir, { recursive: true, force: true });
    expect(status).toBe(0);
    const lines = stdout.split('\n');
    expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(60);
    expect(stdout).toContain('[-Start-]');
    expect(stdout).toContain('{+Begin+}');
  });
});

describe('gaza-reader list, show and diff with LC_ALL=C', () => {
  // A corpus in plain ASCII: whatever else the output holds is chrome this program added.
  const dir = mkdtempSync(join(tmpdir(), 'gaza-ascii-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'a.txt'),
    'Rains close schools in the valley\n\nSchools in the valley closed on Monday after heavy rain, officials said.\n\nThe river rose by two meters overnight.\n',
  );
  writeFileSync(
    join(dir, 'b.txt'),
    'Rains close schools across the valley\n\nMore rain is expected at the weekend.\n\nSchools across the valley closed on Monday after heavy rain, officials said on Tuesday.\n\nThe river rose by two meters overnight.\n',
  );
  const ascii = (args: string[], env: NodeJS.ProcessEnv) => {
    const { status, stdout, stderr } = plain([...args, '--corpus', dir], env);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^[\x20-\x7e\n]*$/);
    return stdout;
  };

  it('prints only ASCII, in a C locale and on the Linux console', () => {
    for (const env of [{ LC_ALL: 'C' }, { LC_ALL: 'C.UTF-8', TERM: 'linux' }]) {
      expect(ascii(['list'], env)).toMatch(/^a {8}- {14}19 {2}Rains close/m);
      expect(ascii(['show', 'b'], env)).toMatch(/date\s+-$/m);
      const diff = ascii(['diff', 'a', 'b'], env);
      expect(diff).toMatch(/^- a - 19 words - Rains close schools in the valley$/m);
      expect(diff).toMatch(/^\+ b - 28 words - /m);
      expect(diff).toMatch(/^#1 -> #2 - changed$/m);
      expect(diff).toContain('Substitutions  in -> across');
      expect(ascii(['collate', 'a', 'b'], env)).toMatch(/ - \d+ rows, \d+ where versions differ/);
    }
  });

  it('prints its Unicode chrome in a UTF-8 locale', () => {
    const { stdout } = plain(['diff', 'a', 'b', '--corpus', dir], {
      LC_ALL: 'C.UTF-8',
      TERM: 'xterm',
    });
    expect(stdout).toMatch(/^− a · 19 words · /m);
  });
});
