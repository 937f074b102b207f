import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RESTORE, SHOW_CURSOR } from '../../source/ui/terminal/lifecycle.js';
import { hasScript, Pty } from './pty.js';

/**
 * A corpus too large to read before the first frame, in the built reader: it opens at once, counts
 * what is loading, and lists the stories once all is in; loading that fails ends it with one line.
 */

const root = mkdtempSync(join(tmpdir(), 'gaza-reader-stream-e2e-'));
const VERSIONS = 1_200;

/** A folder of VERSIONS versions: 400 stories of three versions each. */
function bigFolder(): string {
  const dir = join(root, 'big');
  mkdirSync(dir);
  for (let i = 0; i < VERSIONS; i++) {
    const story = Math.floor(i / 3);
    const words = Array.from({ length: 60 }, (_, w) => `s${story}w${w}`).join(' ');
    writeFileSync(
      join(dir, `${String(i).padStart(5, '0')}.txt`),
      `Story ${story} headline\n\n${words} edit${i % 3}.\n\n${words} again.\n`,
    );
  }
  return dir;
}

let pty: Pty | undefined;
afterEach(() => {
  pty?.dispose();
  pty = undefined;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(() => {
  if (!hasScript()) throw new Error('these tests need util-linux `script` to make a pty');
});

describe('a corpus that streams in', () => {
  it('opens at once, with a count of what is loading, then lists every story', async () => {
    pty = new Pty(['--corpus', bigFolder()]);
    await pty.waitFor((text) => /loading [\d,]+ of 1,200…/.test(text), 'the loading count');
    await pty.waitFor(
      (text) => text.includes('1,200 versions in 400 stories'),
      'the stories grouped',
    );
    // Keys work on the whole corpus once it is in.
    const mark = pty.send('G');
    await pty.waitFor((text) => /1,200 of 1,200/.test(text), 'the last version selected', mark);
    pty.send('q');
    expect(await pty.status()).toBe(0);
  });

  it('ends with one line and status 2, the terminal restored, when loading fails', async () => {
    // Over the size read at once, and with no text column.
    const path = join(root, 'no-text.csv');
    const row = `${'x'.repeat(200)},${'y'.repeat(200)}\n`;
    writeFileSync(path, 'id,body\n' + row.repeat(Math.ceil((5 * 1024 * 1024) / row.length)));
    pty = new Pty(['--corpus', path]);
    expect(await pty.status()).toBe(2);
    await pty.waitFor((text) => text.includes(RESTORE), 'the terminal restored');
    const { before, after } = await pty.modes();
    expect(after).toBe(before);
    expect(pty.stderr().replaceAll(SHOW_CURSOR, '')).toBe(
      `gaza-reader: ${path} has no "text" column; a CSV corpus needs one. Its columns: "id", "body"\n`,
    );
  });
});
