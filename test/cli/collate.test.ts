/** `gaza-reader collate`, run as users run it: the built program, on the seeds and small corpora. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

interface CellJson {
  version: string;
  paragraph: number | null;
  state: 'same' | 'changed' | 'absent';
  moved: boolean;
  spans: Array<{ op: 'equal' | 'insert' | 'delete'; text: string }>;
}

interface CollateJson {
  versions: Array<{ id: string; title: string; words: number }>;
  central: string;
  rows: Array<{ reading: string; cells: CellJson[] }>;
  fingerprints: Array<{
    version: string;
    inserted: number;
    deleted: number;
    added: number;
    dropped: number;
    moved: number;
    substitutions: Array<{ from: string; to: string; count: number }>;
  }>;
}

const ESCAPE = /\u001B/;
const words = (text: string): number => text.match(/\S+/g)?.length ?? 0;
const short = (id: string): string => id.slice(0, 3);
const plain = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCli(args, { env: { NO_COLOR: '1', ...env } });

function collateJson(...args: string[]): CollateJson {
  const result = runCli(['collate', ...args, '--json']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as CollateJson;
}

const dirs: string[] = [];
function corpus(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'gaza-reader-collate-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('gaza-reader collate --json on the seeds', () => {
  const json = collateJson();

  it('prints versions, rows of cells and fingerprints, in the documented shape', () => {
    expect(Object.keys(json).sort()).toEqual(['central', 'fingerprints', 'rows', 'versions']);
    // The story's versions, in the story's order: by date, then outlet.
    expect(json.versions.map((v) => short(v.id)).sort()).toEqual([
      '000',
      '001',
      '002',
      '003',
      '004',
    ]);
    expect(json.versions[0]).toEqual({
      id: '000_a709085c31b1a02c',
      title: expect.stringMatching(/^A topofficial said/) as string,
      words: 491,
    });
    expect(json.central).toBe('000_a709085c31b1a02c');
    for (const row of json.rows) {
      expect(Object.keys(row).sort()).toEqual(['cells', 'reading']);
      expect(row.cells.map((c) => c.version)).toEqual(json.versions.map((v) => v.id));
      for (const cell of row.cells) {
        expect(Object.keys(cell).sort()).toEqual([
          'moved',
          'paragraph',
          'spans',
          'state',
          'version',
        ]);
        expect(['same', 'changed', 'absent']).toContain(cell.state);
        expect(typeof cell.moved).toBe('boolean');
      }
    }
    for (const f of json.fingerprints) {
      expect(Object.keys(f).sort()).toEqual(
        ['added', 'deleted', 'dropped', 'inserted', 'moved', 'substitutions', 'version'].sort(),
      );
    }
  });

  it('keeps the span invariant: equal+deleted words are the reading, equal+inserted the cell', () => {
    const carried = new Map<string, number>();
    for (const row of json.rows) {
      for (const cell of row.cells) {
        if (cell.state === 'absent') {
          expect(cell.paragraph).toBeNull();
          expect(cell.spans).toEqual([]);
          continue;
        }
        expect(cell.paragraph).toEqual(expect.any(Number));
        const count = (op: string): number =>
          cell.spans.filter((s) => s.op !== op).reduce((n, s) => n + words(s.text), 0);
        expect(count('insert')).toBe(words(row.reading));
        carried.set(cell.version, (carried.get(cell.version) ?? 0) + count('delete'));
        if (cell.state === 'same') expect(cell.spans.every((s) => s.op === 'equal')).toBe(true);
        else expect(cell.spans.some((s) => s.op !== 'equal')).toBe(true);
      }
    }
    // Every word of every version is in one cell: the cells add up to the version's words.
    for (const v of json.versions) expect(carried.get(v.id)).toBe(v.words);
  });

  it('makes the al-Hayya passage one row: 000–003 carry it, 003 changed "militant" → "resistance" and moved it', () => {
    const rows = json.rows.filter((row) => row.reading.includes('al-Hayya'));
    expect(rows).toHaveLength(1);
    const cells = rows[0]!.cells;
    const carrying = cells.filter((c) => c.state !== 'absent').map((c) => short(c.version));
    expect(carrying.sort()).toEqual(['000', '001', '002', '003']);
    const c003 = cells.find((c) => short(c.version) === '003')!;
    expect(c003).toMatchObject({ state: 'changed', moved: true });
    const at = c003.spans.findIndex((s) => s.op === 'delete' && s.text.trim() === 'militant');
    expect(at).toBeGreaterThanOrEqual(0);
    expect(c003.spans[at + 1]!.op).toBe('insert');
    expect(c003.spans[at + 1]!.text.trim()).toBe('resistance');
  });

  it('has "genocidal" only in the cells of 003 and 004', () => {
    const holding = json.rows.flatMap((row) =>
      row.cells
        .filter((c) => c.spans.some((s) => s.text.includes('genocidal')))
        .map((c) => short(c.version)),
    );
    expect(holding.sort()).toEqual(['003', '004']);
  });

  it("has the Rafah-crossing sentence only in 002's cell", () => {
    const holding = json.rows.flatMap((row) =>
      row.cells
        .filter((c) => c.state !== 'absent' && c.spans.some((s) => /Rafah crossing/.test(s.text)))
        .map((c) => short(c.version)),
    );
    expect(holding).toEqual(['002']);
    const row = json.rows.find((r) => r.reading.includes('Rafah crossing'))!;
    expect(row.cells.filter((c) => c.state !== 'absent').map((c) => short(c.version))).toEqual([
      '002',
    ]);
  });

  it("gives 003's fingerprint: passages added and moved, militants → resistance movement", () => {
    const f = json.fingerprints.find((x) => short(x.version) === '003')!;
    expect(f).toMatchObject({ added: 4, dropped: 0, moved: 3 });
    expect(f.substitutions).toContainEqual({
      from: 'militants',
      to: 'resistance movement',
      count: 1,
    });
  });

  it("collates a named version's story, and gives the same rows whatever order versions are named in", () => {
    expect(collateJson('003')).toEqual(json);
    const reversed = collateJson('004', '003', '002', '001', '000');
    expect(reversed.versions.map((v) => short(v.id))).toEqual(['004', '003', '002', '001', '000']);
    const asSets = (j: CollateJson) =>
      j.rows.map((row) => ({
        reading: row.reading,
        cells: [...row.cells].sort((x, y) => (x.version < y.version ? -1 : 1)),
      }));
    expect(asSets(reversed)).toEqual(asSets(json));
    expect(reversed.central).toBe(json.central);
  });

  it('collates just the versions named', () => {
    const two = collateJson('003', '001');
    expect(two.versions.map((v) => short(v.id))).toEqual(['003', '001']);
    for (const row of two.rows) expect(row.cells).toHaveLength(2);
  });
});

describe('gaza-reader collate, printed', () => {
  const { status, stdout, stderr } = plain(['collate', '--width', '80']);
  const lines = stdout.split('\n');

  it('names the versions, then a block per row where versions differ', () => {
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(lines[0]).toMatch(/^Collation of 5 versions · \d+ rows, \d+ where versions differ$/);
    expect(stdout).toMatch(/^Rows follow 000, the version closest to all the others\.$/m);
    const hayya = stdout.indexOf('al-Hayya');
    const block = stdout.slice(stdout.lastIndexOf('\nRow ', hayya), stdout.indexOf('\n\n', hayya));
    expect(block).toMatch(/^\s*= 000 ¶17, 001 ¶14$/m);
    expect(block).toMatch(/^\s*~ 003 ¶9 moved$/m);
    expect(block.replace(/\s+/g, ' ')).toContain('the [-militant-] {+resistance+} group');
    expect(block).toMatch(/^\s*\. 004$/m);
  });

  it("ends with each version's fingerprint", () => {
    const at = lines.indexOf('Fingerprints against the readings');
    expect(at).toBeGreaterThan(0);
    const f003 = lines.slice(at).join('\n');
    expect(f003).toMatch(/^ {2}003 {2}\+\d+ −\d+ words · 4 added · 0 dropped · 3 moved$/m);
    expect(f003.replace(/\s+/g, ' ')).toContain('militants → resistance movement');
  });

  it('stays within the width, and has no escape codes when piped', () => {
    expect(stdout).not.toMatch(ESCAPE);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    const narrow = plain(['collate', '--width', '30']);
    for (const line of narrow.stdout.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(30);
  });

  it('colors changes when colors are forced', () => {
    const colored = runCli(['collate', '--width', '80'], { env: { FORCE_COLOR: '1' } });
    expect(colored.stdout).toContain('\u001B[31mmilitant\u001B[39m');
    expect(colored.stdout).toContain('\u001B[32mresistance\u001B[39m');
    expect(colored.stdout).not.toContain('[-militant-]');
  });

  it('marks runs of rows every version shares compactly, and shows only the rows that differ', () => {
    const shared = 'The talks resumed in Cairo on Monday after a pause of two weeks.';
    const also = 'Officials said the next round would take place later this month.';
    const dir = corpus({
      'a.txt': `${shared}\n\n${also}\n\nThe militant group rejected the plan.\n`,
      'b.txt': `${shared}\n\n${also}\n\nThe resistance group rejected the plan.\n`,
      'c.txt': `${shared}\n\n${also}\n\nThe militant group rejected the plan.\n`,
    });
    const result = plain(['collate', '--corpus', dir, '--width', '100']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^= Rows 1–2: all 3 versions read the same · The talks resumed/m);
    expect(result.stdout).toMatch(/^Row 3 · 3 of 3 versions/m);
    expect(result.stdout).toMatch(/^ {2}= a ¶3, c ¶3$/m);
    expect(result.stdout).toMatch(
      /^ {4}The \[-militant-\] \{\+resistance\+\} group rejected the plan\.$/m,
    );
  });
});

describe('gaza-reader collate on a hostile corpus', () => {
  it('shows control characters in caret notation, and lets no byte of a file drive the terminal', () => {
    const base =
      'Talks resumed in Cairo on Monday after a pause of two weeks, officials said. ' +
      'Mediators from Egypt and Qatar carried new proposals on prisoners and aid.';
    const dir = corpus({
      'a.txt': `${base}\n\nA clear \u001b[2J screen and a \u001b]0;title\u0007 here.\n`,
      'b.txt': `${base}\n\nA plain screen and a title here.\n`,
    });
    for (const env of [{ NO_COLOR: '1' }, { FORCE_COLOR: '1' }]) {
      const result = runCli(['collate', '--corpus', dir, '--width', '100'], { env });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('^[[2J');
      // Whatever escapes there are, they are colors this program wrote.
      expect(result.stdout.replace(/\u001B\[\d+m/g, '')).not.toMatch(
        /[\u0000-\u0008\u000B-\u001F\u007F]/,
      );
    }
    const json = runCli(['collate', '--corpus', dir, '--json']);
    expect(json.stdout).not.toMatch(/\\u001b/i);
    expect(json.stdout).toContain('^[[2J');
  });
});

describe('gaza-reader collate, bad input', () => {
  const fails = (args: string[], message: RegExp) => {
    const result = plain(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  };

  it('needs two different versions', () => {
    fails(['collate', '000', '000'], /collate needs at least two different versions/);
  });

  it('names an unknown version', () => {
    fails(['collate', '000', 'nope'], /no version "nope" in the corpus/);
  });

  it('needs a version named when the corpus holds several stories', () => {
    const talks =
      'The ceasefire talks resumed in Cairo on Monday after a pause of two weeks, officials said. ' +
      'Mediators from Egypt and Qatar carried new proposals on the release of prisoners and aid.';
    const dir = corpus({
      'a.txt': talks,
      'b.txt': `${talks} Both delegations are expected to stay until Thursday.`,
      'c.txt':
        'A storm closed every port on the northern coast as fishermen waited for the winds to ' +
        'drop, and the weather service warned of waves higher than any seen this winter.',
    });
    fails(
      ['collate', '--corpus', dir],
      /the corpus holds 2 stories; name a version to collate its story/,
    );
    fails(['collate', 'c', '--corpus', dir], /c is the only version of its story/);
    expect(plain(['collate', 'a', '--corpus', dir, '--json']).status).toBe(0);
  });

  it('needs a corpus of two versions or more', () => {
    const dir = corpus({ 'only.txt': 'One version of one story, and nothing to collate it with.' });
    fails(
      ['collate', '--corpus', dir],
      /collate needs at least two versions, and the corpus has one/,
    );
  });
});
