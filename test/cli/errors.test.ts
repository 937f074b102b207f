import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, runCli, type CliResult } from '../helpers/run-cli.js';
import { readsWithoutPermission } from '../helpers/errors.js';

const root = mkdtempSync(join(tmpdir(), 'gaza-reader-errors-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

let counter = 0;
/** A fresh corpus folder holding `files` (name → content; a null content makes a folder). */
function corpus(files: Record<string, string | Uint8Array | null> = {}): string {
  const dir = join(root, String(counter++));
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) {
    if (content === null) mkdirSync(join(dir, name));
    else writeFileSync(join(dir, name), content);
  }
  return dir;
}

const GOOD = 'A good version. It has two sentences.\n';
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48,
]);

/** The run failed as bad input must: exit 2, one line on stderr, no stack, nothing on stdout. */
function expectUserError(result: CliResult, message: RegExp): void {
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toContain('    at ');
  const lines = result.stderr.split('\n');
  expect(lines.at(-1)).toBe('');
  expect(lines.slice(0, -1)).toHaveLength(1);
  expect(lines[0]).toMatch(/^gaza-reader: /);
  expect(lines[0]).toMatch(message);
  expect(result.status).toBe(2);
}

/** The run loaded what it could: exit 0, and exactly these warnings on stderr. */
function expectWarnings(result: CliResult, warnings: RegExp[]): void {
  expect(result.status).toBe(0);
  const lines = result.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(warnings.length);
  lines.forEach((line, i) => {
    expect(line).toMatch(/^gaza-reader: warning: skipped /);
    expect(line).toMatch(warnings[i]!);
  });
}

describe('bad input: exit 2 with one line on stderr', () => {
  it('a missing --corpus folder', () => {
    const missing = join(root, 'no-such-folder');
    expectUserError(
      runCli(['list', '--corpus', missing]),
      /^gaza-reader: corpus folder not found: .*no-such-folder$/,
    );
  });

  it('a file given as --corpus', () => {
    const file = join(corpus({ 'a.txt': GOOD }), 'a.txt');
    expectUserError(
      runCli(['list', '--corpus', file]),
      /--corpus needs a folder, but .*a\.txt is a file/,
    );
  });

  it('an empty folder', () => {
    expectUserError(runCli(['list', '--corpus', corpus()]), /no text files \(\.txt, \.md\) in /);
  });

  it('a folder with only .json and .png files', () => {
    const dir = corpus({ 'data.json': '[]', 'image.png': PNG });
    expectUserError(runCli(['list', '--corpus', dir]), /no text files \(\.txt, \.md\) in /);
  });

  it('a folder where every text file is bad', () => {
    const dir = corpus({ 'empty.txt': '', 'image.txt': PNG, 'folder.md': null });
    expectUserError(
      runCli(['list', '--corpus', dir]),
      /nothing to read in .*: all 2 text files had to be skipped \(skipped empty\.txt: it is empty; skipped image\.txt: it looks like a binary file, not text\)$/,
    );
  });

  it('an unknown flag, with a suggestion', () => {
    expectUserError(
      runCli(['list', '--jsn']),
      /^gaza-reader: unknown flag --jsn; did you mean --json\?$/,
    );
    expectUserError(runCli(['--colour', 'list']), /unknown flag --colour; did you mean --color\?$/);
    expectUserError(runCli(['list', '-q']), /unknown flag -q; see gaza-reader --help$/);
  });

  it('a --width that is not a whole number of at least 20', () => {
    for (const width of ['0', 'abc', '-3', '1.5', '19']) {
      expectUserError(
        runCli(['show', '000', '--width', width]),
        /--width needs a whole number of at least 20$/,
      );
    }
  });

  it('a flag that needs a value and has none', () => {
    expectUserError(runCli(['list', '--width']), /--width needs a value$/);
    expectUserError(runCli(['list', '--corpus']), /--corpus needs a value$/);
    expectUserError(runCli(['list', '--corpus=']), /--corpus needs a value$/);
    expectUserError(runCli(['list', '--corpus', '']), /--corpus needs a value$/);
  });

  it('a flag given twice, or negated when it takes a value', () => {
    expectUserError(
      runCli(['show', '000', '--width', '5', '--width=60']),
      /--width can be given only once$/,
    );
    expectUserError(
      runCli(['list', '--corpus', 'a', '--corpus', 'b']),
      /--corpus can be given only once$/,
    );
    expectUserError(
      runCli(['list', '--no-corpus']),
      /unknown flag --no-corpus; did you mean --corpus\?$/,
    );
  });

  it('an unknown command', () => {
    expectUserError(
      runCli(['lsit']),
      /unknown command "lsit"; the commands are list, show, search, diff, compare, collate, changes$/,
    );
  });

  it('an unknown version id, listing the candidates', () => {
    expectUserError(
      runCli(['show', '999']),
      /^gaza-reader: no version "999" in the corpus; try one of: 000_a709085c31b1a02c, 001_513221a5f7d2d1b9, 002_a2adb80b35aac799, 003_d2cb9de2d0279c90, 004_c36eec96ad6ba659$/,
    );
  });

  it('an ambiguous prefix, listing the candidates', () => {
    expectUserError(
      runCli(['show', '00']),
      /version "00" is ambiguous: it could be 000_a709085c31b1a02c, 001_513221a5f7d2d1b9, 002_a2adb80b35aac799, 003_d2cb9de2d0279c90, 004_c36eec96ad6ba659$/,
    );
  });

  it('an empty version name', () => {
    expectUserError(runCli(['show', '']), /a version name cannot be empty; try one of: 000_/);
  });

  it('missing or extra arguments', () => {
    expectUserError(runCli(['show']), /^gaza-reader: usage: gaza-reader show <version>$/);
    expectUserError(runCli(['show', '000', '001']), /usage: gaza-reader show <version>$/);
    expectUserError(runCli(['list', 'extra']), /usage: gaza-reader list$/);
  });
});

describe('bad files: a warning, and the rest loads', () => {
  const listed = (result: CliResult): string[] =>
    result.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(/\s+/)[0]!);

  it('a folder named like a text file: read as a folder, and empty', () => {
    const result = runCli(['list', '--corpus', corpus({ 'good.txt': GOOD, 'x.txt': null })]);
    expectWarnings(result, []);
    expect(listed(result)).toEqual(['good']);
  });

  it('a broken link', () => {
    const dir = corpus({ 'good.txt': GOOD });
    symlinkSync(join(dir, 'gone.txt'), join(dir, 'x.txt'));
    const result = runCli(['list', '--corpus', dir]);
    expectWarnings(result, [/skipped x\.txt: it is a broken link/]);
    expect(listed(result)).toEqual(['good']);
  });

  it.skipIf(readsWithoutPermission())(
    'an unreadable file (skipped: this user, e.g. root, reads mode-000 files)',
    () => {
      const dir = corpus({ 'good.txt': GOOD, 'locked.txt': GOOD });
      chmodSync(join(dir, 'locked.txt'), 0o000);
      const result = runCli(['list', '--corpus', dir]);
      expectWarnings(result, [/skipped locked\.txt: cannot read it: permission denied$/]);
      expect(listed(result)).toEqual(['good']);
    },
  );

  it('a binary file', () => {
    const result = runCli(['list', '--corpus', corpus({ 'good.txt': GOOD, 'image.txt': PNG })]);
    expectWarnings(result, [/skipped image\.txt: it looks like a binary file, not text$/]);
    expect(listed(result)).toEqual(['good']);
  });

  it('an empty and a whitespace-only file', () => {
    const dir = corpus({ 'blank.md': ' \n\t\r\n\n', 'empty.txt': '', 'good.txt': GOOD });
    const result = runCli(['list', '--corpus', dir]);
    expectWarnings(result, [/skipped blank\.md: it is empty$/, /skipped empty\.txt: it is empty$/]);
    expect(listed(result)).toEqual(['good']);
  });

  it('a 20 MB text file is refused with a message, and the rest loads', () => {
    const dir = corpus({ 'good.txt': GOOD, 'huge.txt': 'word '.repeat(4 * 1024 * 1024) });
    const result = runCli(['list', '--corpus', dir]);
    expectWarnings(result, [
      /skipped huge\.txt: it is 20 MB, over the 4 MB limit for one version$/,
    ]);
    expect(listed(result)).toEqual(['good']);
  });

  it('warnings go to stderr for show too, and JSON on stdout stays parseable', () => {
    const dir = corpus({ 'good.txt': GOOD, 'empty.txt': '' });
    const result = runCli(['show', 'good', '--json', '--corpus', dir]);
    expectWarnings(result, [/skipped empty\.txt: it is empty$/]);
    expect((JSON.parse(result.stdout) as { id: string }).id).toBe('good');
  });
});

describe('--help and --version', () => {
  it('print the usage and exit 0, wherever the flag stands', () => {
    for (const args of [['--help'], ['-h'], ['list', '--help'], ['show', '000', '-h']]) {
      const result = runCli(args);
      expect(result.status, args.join(' ')).toBe(0);
      expect(result.stdout, args.join(' ')).toContain('gaza-reader show <version>');
      expect(result.stdout).toContain('--no-color');
      expect(result.stderr).toBe('');
    }
  });

  it('print the version and exit 0', () => {
    const { version } = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    for (const args of [['--version'], ['-v'], ['list', '--version']]) {
      const result = runCli(args);
      expect(result.status, args.join(' ')).toBe(0);
      expect(result.stdout, args.join(' ')).toBe(`${version}\n`);
    }
  });
});

describe('help and width', () => {
  it('prints the help once for --help and for the help command', () => {
    for (const args of [['--help'], ['help']]) {
      const { status, stdout } = runCli(args);
      expect(status).toBe(0);
      expect(stdout.match(/Read and compare the versions of a news story/g)).toHaveLength(1);
      expect(stdout).toContain('Usage');
    }
  });

  it('refuses a --width too narrow to read', () => {
    const { status, stderr, stdout } = runCli(['diff', '000', '003', '--width', '5']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('gaza-reader: --width needs a whole number of at least 20\n');
  });
});

describe('write errors', () => {
  /** Run the built CLI with standard output (or error) written to the file at `path`. */
  function runInto(path: string, args: readonly string[], stream: 'stdout' | 'stderr') {
    const fd = openSync(path, 'w');
    try {
      const stdio = stream === 'stdout' ? ['ignore', fd, 'pipe'] : ['ignore', 'pipe', fd];
      return spawnSync(process.execPath, [CLI, ...args], {
        encoding: 'utf8',
        stdio: stdio as ['ignore', number | 'pipe', number | 'pipe'],
        timeout: 20_000,
      });
    } finally {
      closeSync(fd);
    }
  }

  it('a full disk (/dev/full): one line on stderr and exit 1, no stack trace', () => {
    for (const args of [['list'], ['show', '000', '--json'], ['diff', '000', '003']]) {
      const result = runInto('/dev/full', args, 'stdout');
      expect(result.stderr, args.join(' ')).toBe(
        'gaza-reader: cannot write the output: no space left on device (ENOSPC)\n',
      );
      expect(result.status, args.join(' ')).toBe(1);
    }
  });

  it('a warning that cannot be written: the output is complete, and exit 1', () => {
    const dir = corpus({ 'good.txt': GOOD, 'empty.txt': '' });
    const result = runInto('/dev/full', ['list', '--corpus', dir], 'stderr');
    expect(result.stdout).toMatch(/^VERSION .*\ngood /);
    expect(result.status).toBe(1);
  });

  it('a pipe closed early (| head): quiet, and exit 0', () => {
    // 1.5 MB of text, far more than a pipe holds, so the program is still writing when head
    // exits and closes the pipe.
    const paragraphs = Array.from({ length: 8000 }, (_, i) => `Paragraph ${i} went on. `.repeat(8));
    const dir = corpus({ 'big.txt': paragraphs.join('\n\n') });
    for (const args of [
      ['show', 'big'],
      ['show', 'big', '--json'],
    ]) {
      const command = `"$0" "$1" ${args.join(' ')} --corpus "$2" | head -n 2; echo "status \${PIPESTATUS[0]}"`;
      const result = spawnSync('bash', ['-c', command, process.execPath, CLI, dir], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(result.stderr, args.join(' ')).toBe('');
      const lines = result.stdout.split('\n');
      expect(lines, args.join(' ')).toHaveLength(4);
      expect(lines[2], args.join(' ')).toBe('status 0');
    }
  });
});
