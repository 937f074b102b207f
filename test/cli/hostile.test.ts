import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { runDiff } from '../../source/cli/diff.js';
import { listed, listLines } from '../../source/cli/list.js';
import { serialize, type Output } from '../../source/cli/output.js';
import { runSearch } from '../../source/cli/search.js';
import { runShow } from '../../source/cli/show.js';
import { makeStyle } from '../../source/cli/style.js';
import { versionFromText } from '../../source/corpus/load.js';
import { decodeText } from '../../source/corpus/normalize.js';
import type { Corpus, Version } from '../../source/corpus/types.js';
import { hostileBytes, hostileText, leaks, OWN_SGR as OUR_SGR } from '../helpers/hostile-text.js';
import { CLI } from '../helpers/run-cli.js';

/**
 * A corpus file that tries to drive the terminal: an OSC 0 window title, an OSC 52 clipboard
 * write, an OSC 8 hyperlink, CSI 2J (clear screen), the 8-bit CSI U+009B (valid UTF-8) and a raw
 * 0x9B byte (not UTF-8), and bidi overrides and isolates, DEL and BEL.
 */
const HOSTILE = Buffer.concat([
  Buffer.from(
    'Title \x1b]0;pwned\x07 with a clear \x1b[2J screen\n\n' +
      'Clipboard \x1b]52;c;aGk=\x07 write. Link \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ here.\n\n' +
      'Bidi \u202Eevil\u202C and \u2066isolate\u2069 text, DEL \x7f and BEL \x07.\n\n' +
      'Eight-bit CSI \u009b31m red, and a raw byte ',
  ),
  Buffer.from([0x9b]),
  Buffer.from('31m red too.\n'),
]);

/** A file name that is itself an escape sequence. */
const HOSTILE_NAME = 'name\x1b]0;owned\x07\x1b[2J.txt';

const dir = mkdtempSync(join(tmpdir(), 'gaza-reader-hostile-'));
writeFileSync(join(dir, 'hostile.txt'), HOSTILE);
writeFileSync(join(dir, HOSTILE_NAME), 'Named body.\n');
writeFileSync(join(dir, 'empty\x1b]52;c;aGk=\x07.txt'), '');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

interface RawResult {
  readonly status: number | null;
  readonly stdout: Buffer;
  readonly stderr: Buffer;
}

/** Run the built CLI on the hostile corpus and keep its output as bytes, undecoded. */
function run(args: string[], env: NodeJS.ProcessEnv = {}): RawResult {
  // The colors are only what `env` says: none inherited from the test run.
  const inherited = Object.entries(process.env).filter(
    ([name]) => !['FORCE_COLOR', 'NO_COLOR', 'TERM'].includes(name),
  );
  const childEnv: NodeJS.ProcessEnv = { ...Object.fromEntries(inherited), ...env };
  const result = spawnSync(process.execPath, [CLI, ...args, '--corpus', dir], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const OWN_SGR = /\x1b\[[0-9;]*m/g;

/** Code points that must never reach the terminal (newline and tab are fine). */
function forbidden(text: string): string[] {
  return [...text]
    .filter((ch) => {
      const code = ch.codePointAt(0)!;
      return (
        (code < 0x20 && code !== 0x0a && code !== 0x09) ||
        (code >= 0x7f && code <= 0x9f) ||
        (code >= 0x202a && code <= 0x202e) ||
        (code >= 0x2066 && code <= 0x2069)
      );
    })
    .map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

/**
 * The bytes drive nothing: they are valid UTF-8 (so no raw 0x9B or other lone C1 byte), hold no
 * BEL, no C1 control, no bidi control, and no ESC — or, with colors on, no ESC that does not
 * start one of our own SGR sequences.
 */
function expectInert(bytes: Buffer, colors: boolean): string {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  expect(bytes.includes(0x07)).toBe(false);
  expect(bytes.includes(0x9b)).toBe(false);
  const escapes = text.split('\x1b').length - 1;
  const sgr = text.match(OWN_SGR)?.length ?? 0;
  if (colors) {
    expect(sgr).toBeGreaterThan(0);
    expect(escapes).toBe(sgr);
  } else {
    expect(escapes).toBe(0);
  }
  const stripped = text.replace(OWN_SGR, '');
  expect(forbidden(stripped)).toEqual([]);
  return stripped;
}

const MODES = [
  { name: 'plain', env: {}, flags: [], colors: false },
  { name: 'FORCE_COLOR=1', env: { FORCE_COLOR: '1' }, flags: [], colors: true },
  { name: '--color', env: {}, flags: ['--color'], colors: true },
] as const;

describe('a hostile corpus drives nothing', () => {
  for (const mode of MODES) {
    describe(mode.name, () => {
      it('list shows every version, sanitized, and warns inertly', () => {
        const result = run(['list', ...mode.flags], mode.env);
        expect(result.status).toBe(0);
        const out = expectInert(result.stdout, mode.colors);
        expect(out).toContain('Title ^[]0;pwned^G with a clear ^[[2J screen');
        // The file named by escape codes goes by its short id, up to its first control.
        expect(out).toMatch(/^name +— /m);
        const err = expectInert(result.stderr, false);
        expect(err).toBe(
          'gaza-reader: warning: skipped empty^[]52;c;aGk=^G.txt: it is empty\n' +
            'gaza-reader: warning: hostile.txt: some bytes are not UTF-8 and show as �; ' +
            'is the file Latin-1 or Windows-1252?\n',
        );
      });

      it('show prints the text with every control made visible', () => {
        const result = run(['show', 'hostile', '--width', '200', ...mode.flags], mode.env);
        expect(result.status).toBe(0);
        const out = expectInert(result.stdout, mode.colors);
        expect(out).toContain('Clipboard ^[]52;c;aGk=^G write.');
        expect(out).toContain('Link ^[]8;;http://x^[\\link^[]8;;^[\\ here.');
        expect(out).toContain(
          'Bidi \uFFFDevil\uFFFD and \uFFFDisolate\uFFFD text, DEL ^? and BEL ^G.',
        );
        expect(out).toContain('Eight-bit CSI \uFFFD31m red, and a raw byte \uFFFD31m red too.');
      });

      it('show of a version with a hostile file name', () => {
        const result = run(['show', 'name', ...mode.flags], mode.env);
        expect(result.status).toBe(0);
        const out = expectInert(result.stdout, mode.colors);
        expect(out).toContain('name^[]0;owned^G^[[2J.txt');
      });
    });
  }

  it('list --json holds no control character, escaped or not', () => {
    for (const env of [{}, { FORCE_COLOR: '1' }]) {
      const result = run(['list', '--json'], env);
      expect(result.status).toBe(0);
      const json = expectInert(result.stdout, false);
      expect(json).not.toMatch(/\\u00[01]|\\u007f|\\u009|\\u008|\\u202|\\u206/i);
      const versions = JSON.parse(json) as { id: string; title: string }[];
      expect(versions.map((v) => v.id)).toEqual(['hostile', 'name^[]0;owned^G^[[2J']);
      expect(versions[0]!.title).toBe('Title ^[]0;pwned^G with a clear ^[[2J screen');
      for (const value of versions.flatMap((v) => Object.values(v))) {
        if (typeof value === 'string') expect(forbidden(value)).toEqual([]);
      }
    }
  });

  it('show --json holds the sanitized text', () => {
    for (const env of [{}, { FORCE_COLOR: '1' }]) {
      const result = run(['show', 'hostile', '--json'], env);
      expect(result.status).toBe(0);
      const json = expectInert(result.stdout, false);
      const shown = JSON.parse(json) as { text: string[] };
      expect(shown.text).toHaveLength(3);
      for (const paragraph of shown.text) expect(forbidden(paragraph)).toEqual([]);
      expect(shown.text.join('\n')).toContain('^[]8;;http://x^[\\link');
    }
  });

  it('a hostile version name typed on the command line is echoed inertly', () => {
    const result = run(['show', '\x1b]0;pwned\x07\x1b[2J\u009b31m']);
    expect(result.status).toBe(2);
    expect(result.stdout.length).toBe(0);
    const err = expectInert(result.stderr, false);
    // After the warnings about the empty file and the raw byte, the error.
    expect(err.split('\n')[2]).toMatch(
      /^gaza-reader: no version "\^\[\]0;pwned\^G\^\[\[2J\uFFFD31m" in the corpus/,
    );
  });

  it('a hostile unknown flag or command is echoed inertly', () => {
    const flag = run(['list', '--\x1b]0;x\x07']);
    expect(flag.status).toBe(2);
    expect(expectInert(flag.stderr, false)).toMatch(/^gaza-reader: unknown flag --\^\[\]0;x\^G/);
    const command = run(['\x1b[2J']);
    expect(command.status).toBe(2);
    expect(expectInert(command.stderr, false)).toMatch(/^gaza-reader: unknown command "\^\[\[2J"/);
  });
});

// ---------------------------------------------------------------------------------------------
// Every text output, in process, on generated hostile text

const FLAGS = {
  corpus: undefined,
  json: false,
  format: 'text' as const,
  width: undefined,
  exact: false,
  limit: 20,
  color: undefined,
};

/** Run one command in process and keep what it prints. */
function capture(
  color: boolean,
  width: number,
  isTTY: boolean,
  run: (out: Output) => void,
): string {
  let text = '';
  const out: Output = { style: makeStyle(color), width, isTTY, write: (chunk) => (text += chunk) };
  const exitCode = process.exitCode;
  run(out);
  // search sets exit status 1 when nothing matches; this test process must not inherit it.
  process.exitCode = exitCode;
  return text;
}

/** A version built without the loader: text that nothing sanitized, straight to the renderer. */
function rawVersion(id: string, title: string, paragraphs: string[]): Version {
  const body = paragraphs.join('\n\n');
  return {
    id,
    file: `${id}.txt`,
    path: `/corpus/${id}.txt`,
    title,
    headline: null,
    date: null,
    outlet: null,
    url: null,
    author: null,
    paragraphs,
    body,
    words: body.split(/\s+/).filter(Boolean).length,
  };
}

const corpusOf = (versions: Version[]): Corpus => ({
  dir: '/corpus',
  bundled: false,
  versions,
  warnings: [],
});

/** Every output of list, show, search and diff for a two-version corpus, colored and plain. */
function everyOutput(corpus: Corpus, width: number, isTTY: boolean) {
  const [a, b] = corpus.versions as [Version, Version];
  const outputs: { name: string; color: boolean; text: string; wrapped: boolean }[] = [];
  for (const color of [true, false]) {
    const add = (name: string, wrapped: boolean, run: (out: Output) => void): void => {
      outputs.push({ name, color, text: capture(color, width, isTTY, run), wrapped });
    };
    add('list', false, (out) =>
      out.write(serialize(listLines(corpus.versions.map(listed), out), out)),
    );
    add('show', true, (out) => runShow(a, out, false));
    add('search', false, (out) => runSearch(corpus, 'cat sat ceasefire', out, FLAGS, () => {}));
    add('diff', true, (out) => runDiff(corpus, a.id, b.id, out, FLAGS));
    add('diff back', true, (out) => runDiff(corpus, b.id, a.id, out, FLAGS));
  }
  return outputs;
}

function expectNoLeak(output: { name: string; color: boolean; text: string }): void {
  expect(leaks(output.text), output.name).toEqual([]);
  if (!output.color) expect(output.text, output.name).not.toContain('\u001B');
}

describe('every text output, fuzzed with hostile text', () => {
  it('loaded from hostile bytes: only our own SGR, and no line wider than the width', () => {
    fc.assert(
      fc.property(
        hostileBytes(),
        hostileBytes(),
        fc.integer({ min: 20, max: 100 }),
        fc.boolean(),
        (aBytes, bBytes, width, isTTY) => {
          const a = versionFromText('a.txt', '/corpus/a.txt', decodeText(aBytes));
          const b = versionFromText('b.txt', '/corpus/b.txt', decodeText(bBytes));
          fc.pre(a.paragraphs.length > 0 && b.paragraphs.length > 0);
          for (const output of everyOutput(corpusOf([a, b]), width, isTTY)) {
            expectNoLeak(output);
            if (!output.wrapped) continue;
            for (const line of output.text.replace(OUR_SGR, '').split('\n')) {
              expect(stringWidth(line), `${output.name}: ${line}`).toBeLessThanOrEqual(width);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('given text nothing sanitized: the renderer alone lets no control through', () => {
    fc.assert(
      fc.property(
        fc.array(hostileText(), { minLength: 1, maxLength: 4 }),
        fc.array(hostileText(), { minLength: 1, maxLength: 4 }),
        hostileText(8),
        fc.integer({ min: 20, max: 100 }),
        (aParagraphs, bParagraphs, title, width) => {
          const corpus = corpusOf([
            rawVersion('a\u001B[2J', title, aParagraphs),
            rawVersion('b\u009B', title + ' b', bParagraphs),
          ]);
          for (const output of everyOutput(corpus, width, true)) expectNoLeak(output);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('a combining mark after a change', () => {
  // wrap-ansi normalized our own SGR codes to NFC: U+0301 merged with the "m" of ESC[32m, and the
  // file's next letter ended the sequence: ESC[32H moved the cursor, ESC[2J cleared the screen.
  const acute = mkdtempSync(join(tmpdir(), 'gaza-reader-acute-'));
  afterAll(() => rmSync(acute, { recursive: true, force: true }));
  const combining = Buffer.from([0xcc, 0x81]);
  writeFileSync(
    join(acute, 'a.txt'),
    Buffer.concat([
      Buffer.from('The cat sat on the mat.\n\n'),
      combining,
      Buffer.from('Jstays.\n'),
    ]),
  );
  writeFileSync(
    join(acute, 'b.txt'),
    Buffer.concat([
      Buffer.from('The '),
      combining,
      Buffer.from('Hdog sat on the mat.\n\n'),
      combining,
      Buffer.from('Jstays.\n'),
    ]),
  );

  it.each(['diff', 'compare'])('%s in color writes no cursor or erase command', (command) => {
    const result = spawnSync(
      process.execPath,
      [CLI, command, 'a', 'b', '--corpus', acute, '--color'],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    expect(result.status).toBe(0);
    expect(leaks(result.stdout)).toEqual([]);
    // The mark stays where the file put it: after the SGR sequence, before the H and the J.
    expect(result.stdout).toContain('\u001B[32m\u0301Hdog\u001B[39m');
    expect(result.stdout).toContain('\u001B[2m\u0301Jstays.\u001B[22m');
  });
});

// ---------------------------------------------------------------------------------------------
// A hostile corpus of a thousand files, through the built program

describe('a hostile corpus of 1,000 random files', () => {
  const big = mkdtempSync(join(tmpdir(), 'gaza-reader-hostile-1000-'));
  afterAll(() => rmSync(big, { recursive: true, force: true }));
  const bodies = fc.sample(hostileBytes(30), { seed: 8, numRuns: 1000 });
  const names = fc.sample(hostileText(3), { seed: 9, numRuns: 1000 });
  bodies.forEach((body, k) => {
    // Every file is searchable and has a name that starts plainly, so a command can name it.
    const stem =
      `f${String(k).padStart(4, '0')}_` + (k % 4 === 0 ? names[k]!.replace(/[/\0]/g, '') : '');
    writeFileSync(join(big, `${stem}.txt`), Buffer.concat([Buffer.from('Ceasefire talks '), body]));
  });

  const runBig = (args: string[], color: boolean) => {
    const result = spawnSync(
      process.execPath,
      [CLI, ...args, '--corpus', big, color ? '--color' : '--no-color'],
      { stdio: ['ignore', 'pipe', 'pipe'], timeout: 25_000 },
    );
    const decode = (bytes: Buffer): string =>
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { status: result.status, stdout: decode(result.stdout), stderr: decode(result.stderr) };
  };

  for (const color of [false, true]) {
    it(`gives 0 leaks in list, show, search and diff, ${color ? 'colored' : 'plain'}`, () => {
      const commands = [
        ['list'],
        ['show', 'f0000_'],
        ['show', 'f0999_'],
        ['search', 'ceasefire talks', '--limit', '1000'],
        ['diff', 'f0001_', 'f0002_'],
        ['diff', 'f0004_', 'f0003_', '--width', '30'],
      ];
      for (const args of commands) {
        const { status, stdout, stderr } = runBig(args, color);
        expect(status, args.join(' ')).toBe(0);
        expect(stdout.length, args.join(' ')).toBeGreaterThan(0);
        expect(leaks(stdout), `${args.join(' ')}: stdout`).toEqual([]);
        // Warnings name files and lines of the corpus: they are sanitized as the text is.
        expect(leaks(stderr), `${args.join(' ')}: stderr`).toEqual([]);
        if (!color) expect(stdout).not.toContain('\u001B');
        if (color) expect(stdout).toMatch(OUR_SGR);
      }
    });
  }
});
