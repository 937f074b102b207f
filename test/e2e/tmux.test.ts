import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLI, SEEDS } from '../helpers/run-cli.js';
import { writeStory } from '../helpers/story-corpus.js';
import { until } from '../helpers/wait.js';
import { tmuxServer } from './tmux.js';

/**
 * The built reader in a real terminal: tmux runs a shell, the shell runs gaza-reader, and we read
 * the screen back with capture-pane. Ink draws only its last frame when CI is set, so the pane's
 * environment has no CI.
 */

const socket = `gaza-reader-test-${process.pid}`;
let session = '';
let sessions = 0;

const tmux = tmuxServer(socket);

const screen = (colors = false): string =>
  tmux('capture-pane', '-p', ...(colors ? ['-e'] : []), '-t', session);
const show = (format: string): string =>
  tmux('display-message', '-p', '-t', session, format).trim();
const keys = (...k: string[]): void => void tmux('send-keys', '-t', session, ...k);
/** Send bytes to the pane in one write, as a terminal sends a burst of keys. */
const burst = (text: string): void =>
  void tmux('send-keys', '-t', session, '-H', ...[...Buffer.from(text)].map((b) => b.toString(16)));
/** The screen once it passes `test`; each check runs tmux, so it is made every 100 ms. */
function waitFor(what: string, test: (text: string) => boolean, colors = false): Promise<string> {
  let text = '';
  return until(
    () => {
      text = screen(colors);
      return test(text) && text;
    },
    what,
    () => `the screen was:\n${text}`,
    { timeoutMs: 15_000, everyMs: 100 },
  );
}

/** The shell is back: the reader left the alternate screen and the prompt is on the last line. */
const atPrompt = (text: string): boolean =>
  show('#{alternate_on}') === '0' &&
  /^\$ $/m.test(
    text
      .split('\n')
      .filter((l) => l.trim())
      .at(-1) + ' ',
  );

/** One clean frame: a single status line, at the bottom, and no row left over from an old one. */
function expectOneFrame(text: string): void {
  const rows = text.split('\n');
  const status = rows.filter((row) =>
    /^ (Stories|Story|Reader|Search|Compare|Help)\b.* · /.test(row),
  );
  expect(status, text).toHaveLength(1);
  // The status line is the terminal's last row: the frame layer draws the whole height.
  expect(rows.indexOf(status[0]!), text).toBe(23);
}

/** The status line's row: the last that is not blank. */
const statusRow = (text: string): number => text.split('\n').findLastIndex((row) => row.trim());
const statusOf = (text: string): string => text.split('\n')[statusRow(text)] ?? '';
const plain = (text: string): string => text.replace(/\u001B\[[0-9;]*m/g, '');

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
let hostileDir = '';
let env: NodeJS.ProcessEnv = {};

/** A fresh 80×24 shell for each test, so no test sees what another left behind. */
function newShell(): void {
  session = `t${++sessions}`;
  const started = spawnSync(
    'tmux',
    [
      '-L',
      socket,
      '-f',
      '/dev/null',
      'new-session',
      '-d',
      '-s',
      session,
      '-x',
      '80',
      '-y',
      '24',
      'bash --norc --noprofile',
    ],
    { env, encoding: 'utf8' },
  );
  if (started.status !== 0) throw new Error(started.stderr);
  tmux('set-option', '-t', session, 'set-titles', 'off');
  tmux('select-pane', '-t', session, '-T', 'clean-title');
  keys("PS1='$ '", 'Enter', 'clear', 'Enter');
}

describe('the reader in tmux', () => {
  beforeAll(() => {
    // Fail loudly: a screen left untested because tmux is missing is not a pass.
    if (!hasTmux) throw new Error('the end-to-end tests need tmux (apt-get install tmux)');
    env = { ...process.env, TERM: 'xterm' };
    delete env.CI;
    delete env.NO_COLOR;
    delete env.FORCE_COLOR;
    hostileDir = mkdtempSync(join(tmpdir(), 'gaza-hostile-'));
    for (const file of readdirSync(SEEDS)) copyFileSync(join(SEEDS, file), join(hostileDir, file));
    writeFileSync(
      join(hostileDir, 'zzz_hostile.txt'),
      'Hostile headline\n' +
        'Title \u001B]0;PWNED-TITLE\u0007 clipboard \u001B]52;c;aGVsbG8=\u0007 link ' +
        '\u001B]8;;http://evil.example\u001B\\click\u001B]8;;\u001B\\ clear \u001B[2J csi \u009B31m red.\n',
    );
  });

  beforeEach(async () => {
    newShell();
    await waitFor('the shell', (s) => s.trim() === '$');
  });

  afterAll(() => {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  });

  it('searches, opens a comparison, resizes, and quits to a clean shell', async () => {
    keys(`node ${CLI}`, 'Enter');
    await waitFor('the stories pane', (s) => s.includes('5 versions in 1 story'));
    expect(show('#{alternate_on}')).toBe('1');

    keys('/');
    for (const ch of 'Rafah') keys(ch);
    await waitFor('the Rafah hit', (s) => s.includes('1 passage') && s.includes('Rafah crossing'));
    keys('Enter');
    expectOneFrame(
      await waitFor('the reader at the hit', (s) => /Reader · 002/.test(s) && s.includes('Rafah')),
    );

    keys('Escape');
    keys('Escape');
    const stories = await waitFor('the stories pane again', (s) => /Stories · 000/.test(s));
    expectOneFrame(stories);
    expect(stories.split('\n')[0]).toMatch(/^Stories {2}5 versions in 1 story/);
    keys('c');
    await waitFor('the picker', (s) => s.includes('Compare 000 with'));
    // Pick 003 by moving to it in the list, one key and one frame at a time.
    for (let i = 0; i < 4 && !/❯\s*\d {2}003/.test(screen()); i++) {
      const at = /❯\s*(\d)/.exec(screen())?.[1];
      keys('Down');
      await waitFor('the cursor to move', (s) => /❯\s*(\d)/.exec(s)?.[1] !== at);
    }
    keys('Enter');
    const compared = await waitFor('the comparison', (s) => /Compare · 000 → 003/.test(s), true);
    // Deletions red (31), insertions green (32), in 16 colors.
    expect(compared).toMatch(/\u001B\[[0-9;]*3[12]m/);
    let sawGreen = false;
    for (let i = 0; i < 30 && !sawGreen; i++) {
      const status = screen().split('\n')[23];
      keys(']');
      const now = await waitFor('the next change', (s) => s.split('\n')[23] !== status, true);
      sawGreen = /\u001B\[[0-9;]*32m[^\n]*genocidal/.test(now);
    }
    expect(sawGreen).toBe(true);
    expectOneFrame(screen());

    tmux('resize-window', '-t', session, '-x', '130', '-y', '30');
    // The reader's own frame at the new size, its status line on the pane's last row: the pane
    // itself has 30 rows as soon as tmux resizes it, and a key sent before the reader has redrawn
    // would be read at the old width.
    await waitFor('the wider layout', (s) => /Compare · 000 → 003/.test(s.split('\n')[29] ?? ''));
    keys('s');
    await waitFor('side by side', (s) => s.includes('side by side') && s.includes(' │ '));
    tmux('resize-window', '-t', session, '-x', '36', '-y', '9');
    await waitFor('the too-small notice', (s) => s.includes('Terminal too small'));
    tmux('resize-window', '-t', session, '-x', '80', '-y', '24');
    await waitFor('the comparison again', (s) => /Compare · 000 → 003/.test(s));

    keys('q');
    keys('q');
    await waitFor('the shell', atPrompt);
    expect(show('#{cursor_flag}')).toBe('1');
    keys('echo shell-ok-$((40+2))', 'Enter');
    await waitFor('the shell to answer', (s) => s.includes('shell-ok-42'));
  });

  it('opens the Rafah passage on /genocidal Esc /rafah Enter', async () => {
    keys(`node ${CLI}`, 'Enter');
    await waitFor('the stories pane', (s) => /Stories · 000/.test(s));
    keys('/');
    for (const ch of 'genocidal') keys(ch);
    await waitFor(
      'the genocidal hits',
      (s) => /^\/genocidal/m.test(s) && /passages? · 1 of/.test(s),
    );
    keys('Escape');
    await waitFor('the stories pane again', (s) => /Stories · 000/.test(s));
    keys('/');
    await waitFor('the query reopened, selected', (s) => s.includes('typing replaces the query'));
    for (const ch of 'rafah') keys(ch);
    await waitFor('the Rafah hit', (s) => /^\/rafah\s*$/m.test(s) && s.includes('1 passage'));
    keys('Enter');
    const reader = await waitFor('the Rafah passage', (s) => /Reader · 002/.test(s));
    expect(reader).toMatch(/Rafah\s+crossing/);
    expectOneFrame(reader);
    keys('Escape');
    await waitFor('the search again', (s) => /^ Search/m.test(s));
    keys('Escape');
    await waitFor('the stories pane again', (s) => /Stories · 000/.test(s));
    keys('q');
    await waitFor('the shell', atPrompt);
  });

  it('shows one similarity for 000 and 003 in Stories, the picker and the compare header', async () => {
    keys(`node ${CLI}`, 'Enter');
    const stories = await waitFor('the closest versions', (s) => /^ {2}003 .*≈000 \d+%/m.test(s));
    const figure = /^ {2}003 .*≈000 (\d+%)/m.exec(stories)![1]!;
    keys('c');
    const picker = await waitFor('the picker', (s) => /^[❯ ] \d {2}003\s+\d+%/m.test(s));
    const [, digit, shown] = /^[❯ ] (\d) {2}003\s+(\d+%)/m.exec(picker)!;
    expect(shown).toBe(figure);
    keys(digit!);
    const compared = await waitFor('the comparison', (s) => /Compare · 000 → 003/.test(s));
    expect(compared.split('\n').slice(0, 6).join('\n')).toContain(figure);
    keys('q', 'q');
    await waitFor('the shell', atPrompt);
  });

  it('moves the mark on every ] of compare 000 003 at 80×24, under a three-row header', async () => {
    keys(`node ${CLI} compare 000 003`, 'Enter');
    let text = await waitFor('the comparison', (s) => /Compare · 000 → 003/.test(s));
    expectOneFrame(text);
    const rows = text.split('\n');
    expect(rows[0]).toMatch(/^ What 003 changed from 000: /);
    expect(rows[2]).toMatch(/^ − 000 {2}\+ 003 ─+$/);
    // Three rows of header and the status line leave 19 of 24 for the text.
    expect(rows[3]).toMatch(/^ −\s+¶1 /);
    expect(statusOf(text)).toMatch(/\] next change/);
    expect(statusOf(text)).not.toContain('…');
    const body = (screenText: string): string =>
      screenText.split('\n').slice(0, statusRow(screenText)).join('\n');
    for (let k = 1; k <= 16; k++) {
      keys(']');
      const next = await waitFor(`change ${k}`, (s) => statusOf(s).includes(`change ${k} of 16`));
      expect(body(next), `change ${k}`).not.toBe(body(text));
      expect(next).toMatch(/^▍/m);
      text = next;
    }
    keys(']');
    const end = await waitFor('the end of the changes', (s) =>
      statusOf(s).includes('no more changes below'),
    );
    expect(body(end)).toBe(body(text));
    keys('q', 'q');
    await waitFor('the shell', atPrompt);
  });

  it('draws its chrome in ASCII with LC_ALL=C', async () => {
    keys(`LC_ALL=C node ${CLI} compare 000 003`, 'Enter');
    const text = await waitFor('the comparison', (s) => /Compare - 000 -> 003 - lines/.test(s));
    const rows = text.split('\n');
    expect(rows[0]).toBe(' What 003 changed from 000: -37 +155 words - 2 moved - 83% similar');
    expect(rows[2]).toMatch(/^ - 000 {2}\+ 003 -+$/);
    expect(rows[3]).toMatch(/^ -\s+#1 A topofficial/);
    for (const row of [...rows.slice(0, 3), statusOf(text)]) expect(row).toMatch(/^[\x20-\x7e]*$/);
    keys('q', 'q');
    await waitFor('the shell', atPrompt);
  });

  it('shows the story view of 8 versions at 80×24 and of 20 at 200×50', async () => {
    keys(`node ${CLI} --corpus ${writeStory(8)}`, 'Enter');
    await waitFor('the stories pane', (s) => s.includes('8 versions in 1 story'));
    keys('o');
    const small = await waitFor('the overview', (s) =>
      /Story · row 1 of \d+ · versions 1–8 of 8/.test(s),
    );
    expectOneFrame(small);
    expect(small).toMatch(/share +000 001 002 003 004 005 006 007 +reading/);
    expect(small).toMatch(/^▶ +1 +\d\/8 {2}(?: [=~>.] {2}){8}/m);
    keys('q', 'q');
    await waitFor('the shell', atPrompt);

    tmux('resize-window', '-t', session, '-x', '200', '-y', '50');
    keys('clear', 'Enter');
    keys(`node ${CLI} --corpus ${writeStory(20)}`, 'Enter');
    await waitFor('the stories pane', (s) => s.includes('20 versions in 1 story'));
    keys('o');
    const wide = await waitFor('the overview', (s) => /versions 1–20 of 20/.test(s), true);
    expect(wide).toContain('019');
    // Cells in their colors: changed yellow (33), moved magenta (35), absent red (31).
    expect(wide).toMatch(/\u001B\[33m ~ /);
    expect(wide).toMatch(/\u001B\[35m > /);
    expect(wide).toMatch(/\u001B\[31m \. /);
    keys('Enter');
    await waitFor('the variants', (s) => /Story · variants of row 1/.test(s));
    keys('q', 'q');
    await waitFor('the shell', atPrompt);
  });

  it('previews the al-Hayya passage in every version when searching at 150×42', async () => {
    tmux('resize-window', '-t', session, '-x', '150', '-y', '42');
    keys(`node ${CLI}`, 'Enter');
    await waitFor('the stories pane', (s) => s.includes('5 versions in 1 story'));
    keys('/');
    for (const ch of 'resistance') keys(ch);
    await waitFor('the hits', (s) => /3 passages · 1 of 3/.test(s));
    // The second hit is the al-Hayya passage; the preview follows the selection.
    // The preview shows progress while the story aligns, then the first hit: a passage of 003's.
    await waitFor('the first preview', (t) => t.includes('only 003 carries it'));
    keys('Down');
    const want = (t: string): boolean =>
      t.includes('~ 003 ¶9 moved') && t.includes('= 000 ¶17, 001 ¶14');
    await waitFor("the al-Hayya passage in 003's version", want);
    const preview = screen(true);
    const shown = plain(preview);
    expect(shown).toContain('Row 30 · 4 of 5 versions');
    expect(shown).toMatch(/~ 002 ¶15/);
    expect(shown).toMatch(/\. 004/);
    // 003's change against the reading: "resistance" inserted (green), "militant" deleted (red).
    expect(preview).toMatch(/\u001B\[32mresistance/);
    expect(preview).toMatch(/\u001B\[31mmilitant/);
    keys('Escape', 'q');
    await waitFor('the shell', atPrompt);
  });

  it('takes c2 and two Escapes sent in one write', async () => {
    keys(`node ${CLI}`, 'Enter');
    await waitFor('the stories pane', (s) => /Stories · 000/.test(s));
    keys('c');
    const picker = await waitFor('the picker', (s) => /❯\s*1 {2}\d{3}/.test(s));
    const second = /^\s+2 {2}(\d{3})/m.exec(picker)?.[1];
    expect(second).toMatch(/^\d{3}$/);
    keys('Escape');
    await waitFor('the stories pane again', (s) => !s.includes('Compare 000 with'));
    // Reader, then Compare: two Escapes lead back to Stories, one only to the Reader.
    keys('Enter');
    await waitFor('the reader', (s) => /Reader · 000/.test(s));
    burst('c2');
    expectOneFrame(await waitFor('the comparison', (s) => s.includes(`Compare · 000 → ${second}`)));
    burst('\u001B\u001B');
    expectOneFrame(await waitFor('Stories, two panes back', (s) => /Stories · 000/.test(s)));
    keys('q');
    await waitFor('the shell', atPrompt);
  });

  it('gives the shell the terminal on Ctrl-Z, and comes back on fg', async () => {
    keys(`node ${CLI}`, 'Enter');
    await waitFor('the stories pane', (s) => /Stories · 000/.test(s));
    keys('j');
    await waitFor('the cursor on 003', (s) => /Stories · 003/.test(s));
    keys('C-z');
    await waitFor('the shell', (s) => atPrompt(s) && /Stopped/.test(s));
    expect(show('#{cursor_flag}')).toBe('1');
    keys('fg', 'Enter');
    expectOneFrame(await waitFor('the reader again', (s) => /Stories · 003 · 2 of 5/.test(s)));
    expect(show('#{alternate_on}')).toBe('1');
    keys('j');
    await waitFor('the cursor on 001', (s) => /Stories · 001/.test(s));
    keys('q');
    await waitFor('the shell', atPrompt);
  });

  it('restores the terminal when killed with SIGTERM or SIGHUP', async () => {
    for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
      keys('clear', 'Enter');
      keys(`node ${CLI}`, 'Enter');
      await waitFor('the reader', (s) => s.includes('5 versions in 1 story'));
      const shell = show('#{pane_pid}');
      const reader = spawnSync('pgrep', ['-P', shell], { encoding: 'utf8' }).stdout.trim();
      expect(reader).toMatch(/^\d+$/);
      process.kill(Number(reader), signal);
      await waitFor(`the shell after ${signal}`, atPrompt);
      expect(show('#{cursor_flag}')).toBe('1');
      keys(`echo after-${signal}`, 'Enter');
      await waitFor('the shell to answer', (s) => s.includes(`after-${signal}\n`));
    }
  });

  it('shows a hostile file without letting it drive the terminal', async () => {
    keys(`node ${CLI} --corpus ${hostileDir}`, 'Enter');
    await waitFor('the stories pane', (s) => s.includes('Hostile headline'));
    keys('G', 'Enter');
    const text = await waitFor('the hostile text', (s) => s.includes('PWNED-TITLE'), true);
    expect(show('#{pane_title}')).toBe('clean-title');
    // The escape sequences show as visible carets, and the screen was not cleared by CSI 2J.
    expect(text).toContain('^[]0;PWNED-TITLE^G');
    expect(text).toContain('^[[2J');
    expect(text).not.toContain('\u001B]');
    expect(text).not.toMatch(/\u001B\[[0-9;]*31m\s*red/);
    keys('q', 'q');
    await waitFor('the shell', atPrompt);
    expect(show('#{pane_title}')).toBe('clean-title');
  });
});
