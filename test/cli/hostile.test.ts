import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
        expect(out).toContain('name^[]0;owned^G^[[2J');
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
