/** `gaza-reader changes <word or phrase>`: who inserted or removed it, across the corpus. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

interface ChangeJson {
  story: { id: string; title: string };
  version: string;
  change: 'inserted' | 'removed';
  paragraph: number | null;
  passage: string | null;
  reading: string | null;
}

const plain = (args: string[]) => runCli(args, { env: { NO_COLOR: '1' } });
const short = (id: string): string => id.slice(0, 3);

function changesJson(...phrase: string[]): ChangeJson[] {
  const result = runCli(['changes', ...phrase, '--json']);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as ChangeJson[];
}

describe('gaza-reader changes --json', () => {
  it('names 003 and 004 for "genocidal", and no other version', () => {
    const changes = changesJson('genocidal');
    expect(changes.map((c) => short(c.version)).sort()).toEqual(['003', '004']);
    for (const c of changes) {
      expect(Object.keys(c).sort()).toEqual(
        ['change', 'paragraph', 'passage', 'reading', 'story', 'version'].sort(),
      );
      expect(c.change).toBe('inserted');
      expect(c.story).toEqual({ id: '000_a709085c31b1a02c', title: expect.any(String) as string });
      expect(c.passage).toContain('genocidal');
    }
    // 003 inserted the word into a passage the story shares; 004 carries a passage only it has.
    const c003 = changes.find((c) => short(c.version) === '003')!;
    expect(c003.paragraph).toBe(21);
    expect(c003.reading).toMatch(/retaliatory military campaign/);
    const c004 = changes.find((c) => short(c.version) === '004')!;
    expect(c004.reading).toBeNull();
    expect(c004.paragraph).toBe(1);
  });

  it('finds removals too: "militant" was cut by 002, swapped by 003, and dropped with its passage by 004', () => {
    const changes = changesJson('militant');
    expect(changes.map((c) => [short(c.version), c.change]).sort()).toEqual([
      ['002', 'removed'],
      ['003', 'removed'],
      ['004', 'removed'],
    ]);
    const dropped = changes.find((c) => short(c.version) === '004')!;
    expect(dropped).toMatchObject({ paragraph: null, passage: null });
    expect(dropped.reading).toContain('al-Hayya');
  });

  it('matches a phrase across any spacing, in any case', () => {
    // 003 calls Hamas "the Palestinian resistance movement" twice, once where the others say
    // "militants", once in a passage only it carries.
    const changes = changesJson('RESISTANCE   movement');
    expect(changes.map((c) => [short(c.version), c.change, c.paragraph])).toEqual([
      ['003', 'inserted', 6],
      ['003', 'inserted', 20],
    ]);
    for (const c of changes) expect(c.passage).toContain('resistance movement');
    expect(changes[1]!.reading).toContain('Palestinian militants');
  });
});

describe('gaza-reader changes, printed', () => {
  it('lists each version that changed it, under its story, with the change marked', () => {
    const { status, stdout, stderr } = plain(['changes', 'genocidal', '--width', '100']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/\u001B/);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('"genocidal": inserted by 2 versions, removed by 0 versions, in 1 story');
    expect(stdout).toMatch(/^Story 000 · 5 versions · A topofficial said/m);
    expect(stdout).toMatch(/^ {2}\+ 003 ¶22 inserted it$/m);
    expect(stdout).toMatch(/^ {2}\+ 004 ¶2 inserted it, in a passage only it carries$/m);
    expect(stdout.replace(/\s+/g, ' ')).toContain(
      "Israel's retaliatory {+genocidal+} military campaign",
    );
  });

  it('says so, with exit status 1, when no version changed it', () => {
    const result = plain(['changes', 'zeppelin']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('gaza-reader: no version inserted or removed "zeppelin"\n');
  });

  it('needs a word to look for', () => {
    for (const args of [['changes'], ['changes', ' ', '--json']]) {
      const result = plain(args);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});
