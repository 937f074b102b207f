import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../source/compare/index.js';
import { loadCorpus } from '../../source/corpus/load.js';
import { percent } from '../../source/render/labels.js';
import { findVersion } from '../../source/corpus/resolve.js';
import type { Corpus } from '../../source/corpus/types.js';
import type { TerminalControl } from '../../source/ui/terminal/lifecycle.js';
import { chooseGlyphs, setGlyphs, UNICODE_GLYPHS } from '../../source/render/glyphs.js';
import { monoTheme } from '../../source/ui/theme.js';
import { drive, KEYS, pasted, plain, type Driven } from '../helpers/ink.js';

let corpus: Corpus;
let app: Driven | undefined;
beforeAll(() => {
  corpus = loadCorpus();
});
afterEach(() => {
  app?.unmount();
  app = undefined;
});

const lines = (frame: string): string[] => plain(frame).split('\n');
const statusLine = (frame: string): string => lines(frame).at(-1) ?? '';

describe('stories pane', () => {
  it('groups the five seeds into one story, with dates, words and closest versions', async () => {
    app = await drive(corpus);
    const frame = plain(app.frame());
    expect(frame).toContain('5 versions in 1 story');
    expect(frame).toMatch(/000\s+2025-12-19\s+491w\s+≈\d{3} \d+%/);
    expect(frame).toMatch(/004\s+—\s+386w/);
    expect(frame).toContain('Ceasefire talks in Miami: What to know');
    expect(statusLine(app.frame())).toMatch(/Stories · 000 · 1 of 5/);
  });

  it('moves with j, k, G and g, and opens the version with Enter', async () => {
    app = await drive(corpus);
    expect(statusLine(await app.press('j', 'j'))).toContain('3 of 5');
    expect(statusLine(await app.press('k'))).toContain('2 of 5');
    expect(statusLine(await app.press('G'))).toContain('5 of 5');
    expect(statusLine(await app.press('g'))).toContain('1 of 5');
    expect(statusLine(await app.press(KEYS.down, KEYS.end))).toContain('5 of 5');
    const reader = plain(await app.press(KEYS.enter));
    expect(reader).toContain('Ceasefire talks in Miami: What to know');
    expect(reader).toContain('004_c36eec96ad6ba659 · no date · 386 words · 12 paragraphs');
    expect(statusLine(reader)).toMatch(/Reader · 004 · lines 1–\d+ of \d+/);
  });

  it('counts every key of a batch that arrives in one read, as over a slow SSH link', async () => {
    app = await drive(corpus);
    expect(statusLine(await app.press('jjj'))).toContain('4 of 5');
    expect(statusLine(await app.press('kk\r'))).toMatch(/Reader · 003/);
  });

  it('quits with q only from the top; elsewhere q closes the pane', async () => {
    app = await drive(corpus);
    await app.press(KEYS.enter);
    expect(statusLine(app.frame())).toContain('Reader');
    expect(statusLine(await app.press('q'))).toContain('Stories');
  });
});

describe('reader pane', () => {
  it('scrolls by line, page, half page and to the ends', async () => {
    app = await drive(corpus);
    await app.press(KEYS.enter);
    const at = (frame: string): number => Number(/lines (\d+)–/.exec(statusLine(frame))?.[1]);
    expect(at(app.frame())).toBe(1);
    expect(at(await app.press('j'))).toBe(2);
    expect(at(await app.press(' '))).toBe(2 + 22);
    expect(at(await app.press('b'))).toBe(2);
    expect(at(await app.press(KEYS.ctrlD))).toBe(2 + 11);
    expect(at(await app.press(KEYS.ctrlU))).toBe(2);
    const bottom = await app.press('G');
    const [, , end, total] = /lines (\d+)–(\d+) of (\d+)/.exec(statusLine(bottom)) ?? [];
    expect(end).toBe(total);
    expect(plain(bottom)).toContain('fully sovereign and independent state');
    expect(at(await app.press('g'))).toBe(1);
  });

  it('numbers paragraphs and wraps them to the width', async () => {
    app = await drive(corpus);
    const frame = plain(await app.press(KEYS.enter));
    expect(frame).toMatch(/^ 1 {2}A topofficial said Friday that talks in Miami/m);
    expect(frame).toMatch(/^ 2 {2}US President Donald Trump's special envoy/m);
    for (const line of lines(frame)) expect(line.length).toBeLessThanOrEqual(100);
  });
});

describe('search pane', () => {
  it('finds Rafah as you type and opens the hit in the reader, highlighted', async () => {
    app = await drive(corpus);
    await app.press('/');
    const results = plain(await app.type('Rafah'));
    expect(results).toContain('/Rafah');
    expect(results).toMatch(/1 passage/);
    // At 100 columns the preview stands beside the results, after a divider.
    expect(results).toMatch(/▶ 002 ¶10\s*(│|\n)/);
    expect(results).toContain('Rafah crossing');
    const opened = await app.press(KEYS.enter);
    expect(statusLine(opened)).toContain('Reader · 002');
    expect(plain(opened)).toContain('Rafah crossing');
    // The match is drawn in the match tone: black on yellow.
    expect(opened).toMatch(/\u001B\[(30|43)m(\u001B\[(30|43)m)?Rafah/);
    expect(statusLine(await app.press('n'))).toContain('hit 1 of 1');
  });

  it('tolerates typos and shows a passage once for all versions that carry it', async () => {
    app = await drive(corpus);
    await app.press('/');
    const frame = plain(await app.type('Witkof'));
    expect(frame).not.toContain('no passage matches');
    expect(frame).toContain('Witkoff');
    await app.press(KEYS.ctrlU);
    const shared = plain(await app.type('interim authority is to govern'));
    expect(shared).toMatch(/3 versions · 000, 003 ¶4 · 004 ¶10/);
  });

  it('takes a query and Enter typed in one burst', async () => {
    app = await drive(corpus);
    const frame = await app.press('/Rafah\r');
    expect(statusLine(frame)).toContain('Reader · 002');
  });

  it('keeps typed letters in the query, even the ones that are keys elsewhere', async () => {
    app = await drive(corpus);
    await app.press('/');
    const frame = plain(await app.type('q?jk'));
    expect(frame).toContain('/q?jk');
    expect(statusLine(frame)).toContain('Search');
    expect(plain(await app.press(KEYS.backspace, KEYS.backspace))).toContain('/q?');
    expect(statusLine(await app.press(KEYS.escape))).toContain('Stories');
  });
});

describe('search history', () => {
  it('opens the Rafah passage on /genocidal Esc /rafah Enter: the reopened query is replaced', async () => {
    app = await drive(corpus);
    // Below 100 columns: the search pane alone, without the story preview beside it.
    await app.resize(80, 24);
    await app.press('/');
    await app.type('genocidal');
    await app.press(KEYS.escape);
    const reopened = plain(await app.press('/'));
    expect(reopened).toMatch(/^\/genocidal/m);
    expect(reopened).toContain('typing replaces the query');
    await app.type('rafah');
    expect(plain(app.frame())).toMatch(/^\/rafah\s*$/m);
    const opened = await app.press(KEYS.enter);
    expect(statusLine(opened)).toContain('Reader · 002');
    expect(plain(opened)).toMatch(/Rafah\s+crossing/);
  });

  it('keeps the reopened query on →, and goes back through the queries with Ctrl-P', async () => {
    app = await drive(corpus);
    // Below 100 columns: the search pane alone, without the story preview beside it.
    await app.resize(80, 24);
    await app.press('/');
    await app.type('Witkoff');
    await app.press(KEYS.escape, '/');
    await app.type('Rafah');
    await app.press(KEYS.escape, '/', KEYS.right);
    expect(plain(await app.type(' crossing'))).toMatch(/^\/Rafah crossing/m);
    // The query and its results come in one frame.
    const older = plain(await app.press('\u0010'));
    expect(older).toMatch(/^\/Rafah\s*$/m);
    expect(older).toMatch(/1 passage · 1 of 1/);
    expect(plain(await app.press('\u0010'))).toMatch(/^\/Witkoff\s*$/m);
    expect(plain(await app.press('\u000E', '\u000E'))).toMatch(/^\/Rafah crossing/m);
  });
});

describe('one similarity', () => {
  it('shows the same figure for 000 and 003 in Stories, the picker and the compare header', async () => {
    const a = findVersion(corpus, '000');
    const b = findVersion(corpus, '003');
    // The figure the compare header is made from.
    const figure = percent(compare(a, b).stats.similarity);
    app = await drive(corpus);
    const stories = plain(app.frame());
    expect(stories).toMatch(new RegExp(`^\\s+003 .*≈000 ${figure}`, 'm'));
    const picker = plain(await app.press('c'));
    const row = picker.split('\n').find((l) => /^[❯ ] \d {2}003\s/.test(l))!;
    expect(row).toMatch(new RegExp(`003\\s+${figure}`));
    const digit = /^[❯ ] (\d)/.exec(row)![1]!;
    const compared = plain(await app.press(digit));
    expect(statusLine(compared)).toContain('Compare · 000 → 003');
    const header = compared.split('\n').slice(0, 6).join('\n');
    expect(header).toContain(figure);
  });
});

describe('the status line at 80 and 60 columns', () => {
  it('shows whole hints only, never one cut with …', async () => {
    app = await drive(corpus);
    for (const columns of [80, 60]) {
      await app.resize(columns, 24);
      for (const keys of [[], [KEYS.enter], ['/'], [KEYS.escape, KEYS.escape, 'c1']]) {
        const status = statusLine(await app.press(...keys));
        expect(status.length).toBeLessThanOrEqual(columns);
        expect(status).not.toContain('…');
      }
      await app.press(KEYS.escape, KEYS.escape, KEYS.escape);
    }
  });
});

describe('compare pane', () => {
  it('opens from a picker sorted by similarity and shows the summary', async () => {
    app = await drive(corpus);
    const picker = plain(await app.press('c'));
    expect(picker).toContain('Compare 000 with');
    const choices = picker.split('\n').filter((l) => /^\s*[❯ ]\s*\d {2}00\d\s+\d+%/.test(l));
    // Each choice shows the digit that picks it.
    expect(choices.map((l) => /^\s*[❯ ]\s*(\d)/.exec(l)?.[1])).toEqual(['1', '2', '3', '4']);
    expect(choices).toHaveLength(4);
    const percents = choices.map((l) => Number(/(\d+)%/.exec(l)?.[1]));
    expect([...percents].sort((x, y) => y - x)).toEqual(percents);
    const compared = plain(await app.press(KEYS.enter));
    expect(compared).toMatch(
      /^ What 00\d changed from 000: −\d+ \+\d+ words · \d+ moved · \d+% similar$/m,
    );
    expect(compared).toMatch(/^ − 000 {2}\+ 00\d ─+$/m);
    expect(statusLine(compared)).toMatch(/Compare · 000 → 00\d/);
  });

  it('shows the moved al-Hayya paragraph and the inserted "genocidal" between 000 and 003', async () => {
    app = await drive(corpus, { pair: [findVersion(corpus, '000'), findVersion(corpus, '003')] });
    expect(plain(app.frame())).toContain('Turkey → Türkiye');
    let seenMoved = false;
    let seenGenocidal = false;
    for (let i = 0; i < 40 && !(seenMoved && seenGenocidal); i++) {
      const frame = await app.press(']');
      const text = plain(frame);
      if (/¶\d+ · ↕ moved from ¶\d+/.test(text) && text.includes('al-Hayya')) seenMoved = true;
      if (/\u001B\[32m[^\n]*genocidal/.test(frame)) seenGenocidal = true;
    }
    expect(seenMoved).toBe(true);
    expect(seenGenocidal).toBe(true);
    // Both are met before the last of the 16 changes: ] goes on to the next one, [ comes back.
    const [, at, total] = /change (\d+) of (16)/.exec(statusLine(app.frame())) ?? [];
    expect(Number(at)).toBeLessThan(Number(total));
    expect(statusLine(await app.press(']'))).toContain(`change ${Number(at) + 1} of 16`);
    expect(statusLine(await app.press('['))).toContain(`change ${at} of 16`);
  });

  it('marks changes with wdiff markers when there is no color', async () => {
    app = await drive(corpus, {
      theme: monoTheme,
      pair: [findVersion(corpus, '000'), findVersion(corpus, '003')],
    });
    let frame = '';
    for (let i = 0; i < 6; i++) frame += plain(await app.press(']'));
    expect(frame).toMatch(/\[-[^\]]+-\]/);
    expect(frame).toMatch(/\{\+[^}]+\+\}/);
  });

  it('needs 120 columns for side by side, and lays out two columns then', async () => {
    app = await drive(corpus, { pair: [findVersion(corpus, '000'), findVersion(corpus, '003')] });
    expect(statusLine(await app.press('s'))).toContain(
      'side by side needs 120 columns; this terminal has 100',
    );
    await app.resize(140, 30);
    const frame = plain(await app.press('s'));
    expect(statusLine(frame)).toContain('side by side');
    expect(frame.split('\n').filter((l) => l.includes(' │ ')).length).toBeGreaterThan(5);
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(140);
  });

  it('swaps the versions with x', async () => {
    app = await drive(corpus, { pair: [findVersion(corpus, '000'), findVersion(corpus, '003')] });
    expect(statusLine(await app.press('x'))).toContain('Compare · 003 → 000');
  });
});

describe('help, panes and the terminal', () => {
  it('lists every key from the keymap on ?', async () => {
    app = await drive(corpus);
    const frame = plain(await app.press('?'));
    expect(frame).toContain('Keys');
    expect(frame).toMatch(/j ↓\s+move down one line/);
    expect(frame).toMatch(/\/\s+search every passage/);
    let further = frame;
    for (let i = 0; i < 5 && !/^ {2}s +side by side/m.test(further); i++) {
      further = plain(await app.press(' '));
    }
    expect(further).toMatch(/^ {2}s +side by side/m);
    expect(statusLine(await app.press(KEYS.escape))).toContain('Stories');
  });

  it('cycles panes with Tab', async () => {
    app = await drive(corpus);
    expect(statusLine(await app.press(KEYS.tab))).toContain('Search');
    expect(statusLine(await app.press(KEYS.tab))).toContain('Stories');
    await app.press(KEYS.enter);
    expect(statusLine(await app.press(KEYS.tab))).toContain('Search');
  });

  it('shows a notice in a terminal smaller than 40×10, and recovers on resize', async () => {
    app = await drive(corpus);
    const small = plain(await app.resize(30, 8));
    expect(small).toContain('Terminal too small (30×8)');
    const back = plain(await app.resize(80, 24));
    expect(back).toContain('5 versions in 1 story');
    for (const line of back.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('never draws more rows than the terminal has', async () => {
    app = await drive(corpus);
    await app.resize(80, 24);
    expect(lines(app.frame()).length).toBeLessThanOrEqual(24);
    await app.press(KEYS.enter);
    expect(lines(app.frame()).length).toBeLessThanOrEqual(24);
  });
});

describe('going back', () => {
  it('always leads home to Stories, whatever Tab did on the way', async () => {
    app = await drive(corpus);
    await app.press(KEYS.enter, KEYS.tab, KEYS.tab, KEYS.tab);
    let frame = app.frame();
    for (let i = 0; i < 4 && !statusLine(frame).includes('Stories'); i++)
      frame = await app.press(KEYS.escape);
    expect(statusLine(frame)).toContain('Stories');
    // At the top, Esc stays and the status line offers no way back.
    expect(statusLine(await app.press(KEYS.escape))).toContain('Stories');
    expect(statusLine(app.frame())).not.toContain('Esc back');
  });

  it('returns from a reader opened by search to the search, then home', async () => {
    app = await drive(corpus);
    await app.press('/Rafah\r');
    expect(statusLine(app.frame())).toContain('Reader · 002');
    expect(statusLine(await app.press(KEYS.escape))).toContain('Search');
    expect(statusLine(await app.press(KEYS.escape))).toContain('Stories');
  });
});

describe('compare navigation and resizing', () => {
  const pair = (): readonly [ReturnType<typeof findVersion>, ReturnType<typeof findVersion>] => [
    findVersion(corpus, '000'),
    findVersion(corpus, '003'),
  ];

  it('visits every change with ], in order, and comes back with [', async () => {
    app = await drive(corpus, { pair: pair() });
    const seen: number[] = [];
    let total = 0;
    for (let i = 0; i < 40; i++) {
      const status = statusLine(await app.press(']'));
      const m = /change (\d+) of (\d+)/.exec(status);
      if (!m) {
        expect(status).toContain('no more changes below');
        break;
      }
      seen.push(Number(m[1]));
      total = Number(m[2]);
    }
    expect(total).toBeGreaterThan(5);
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(statusLine(await app.press('['))).toContain(`change ${total - 1} of ${total}`);
  });

  it('keeps the same passage at the top when the terminal is resized', async () => {
    app = await drive(corpus, { pair: pair() });
    await app.press(']', ']', ']', ']', ']');
    const body = (frame: string): string[] => lines(frame).slice(3);
    const before = body(app.frame()).find((l) => /¶\d+/.test(l))!;
    const paragraph = /¶\d+/.exec(before)![0];
    const after = body(await app.resize(140, 40));
    expect(after.find((l) => /¶\d+/.test(l))).toContain(paragraph);
  });

  it('ignores keys while the terminal is too small to show anything', async () => {
    app = await drive(corpus);
    await app.resize(30, 8);
    await app.press('j', 'j', KEYS.enter);
    expect(statusLine(await app.resize(100, 24))).toContain('Stories · 000 · 1 of 5');
  });

  it('reads Esc and a key that arrive together as Esc, then the key', async () => {
    app = await drive(corpus);
    await app.press(KEYS.enter);
    expect(statusLine(await app.press('\u001Bj'))).toContain('Stories · 003 · 2 of 5');
  });
});

describe('hostile text from outside the files', () => {
  it('shows a hostile folder name and a pasted hostile query inertly', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { isUnsafe } = await import('../../source/corpus/sanitize.js');
    const dir = mkdtempSync(join(tmpdir(), 'evil\u001B]0;PWNED\u0007\u009B2J\u202E-'));
    writeFileSync(join(dir, 'a.txt'), 'A story about Rafah.\n');
    app = await drive(loadCorpus({ dir }));
    const stories = app.frame();
    expect(plain(stories)).toContain('evil^[]0;PWNED^G');
    expect(isUnsafe(stories.replace(/\u001B\[[0-9;]*m/g, ''))).toBe(false);
    await app.press('/');
    const searched = await app.press('x\u009B31m\u202Ey');
    expect(isUnsafe(searched.replace(/\u001B\[[0-9;]*m/g, ''))).toBe(false);
    expect(plain(searched)).toContain('/x\uFFFD31m\uFFFDy');
  });
});

/*
 * Input as terminals really send it: several keys in one read, replies to queries the reader
 * never made, pastes. Each case here misbehaved through Ink's own input parsing.
 */

/** The picker's rows, with the digit that picks each and whether the cursor is on it. */
const pickerRows = (frame: string) =>
  plain(frame)
    .split('\n')
    .map((line) => /^([❯ ]) (\d) {2}(\d{3})\s+\d+%/.exec(line))
    .filter((m) => m !== null)
    .map((m) => ({ cursor: m[1] === '❯', digit: m[2], id: m[3] }));

describe('terminal replies and unknown sequences', () => {
  it('ignores ESC[0n and ESC[31m, and goes on taking keys', async () => {
    app = await drive(corpus);
    await app.press('\u001B[0n', '\u001B[31m', '\u001B[0n\u001B[31mj');
    expect(app.exited()).toBe(false);
    expect(statusLine(app.frame())).toContain('Stories · 003 · 2 of 5');
  });

  it('does not read a device-attributes reply ESC[?1;2c as the keys ? and c', async () => {
    app = await drive(corpus);
    const frame = await app.press('\u001B[?1;2c');
    expect(plain(frame)).not.toContain('Compare 000 with');
    expect(plain(frame)).not.toMatch(/^Keys/m);
    expect(statusLine(frame)).toContain('Stories · 000 · 1 of 5');
  });

  it('ignores focus reports and cursor-position replies between keys', async () => {
    app = await drive(corpus);
    expect(statusLine(await app.press('\u001B[Ij\u001B[12;40Rj\u001B[O'))).toContain('3 of 5');
  });
});

describe('several keys in one read', () => {
  it('opens the picker and picks the second version on c2', async () => {
    app = await drive(corpus);
    const picker = await app.press('c');
    const second = pickerRows(picker)[1]!.id;
    await app.press(KEYS.escape);
    const compared = await app.press('c2');
    expect(statusLine(compared)).toContain(`Compare · 000 → ${second}`);
  });

  it('moves the picker twice on jj, and picks on j Enter', async () => {
    app = await drive(corpus);
    const rows = pickerRows(await app.press('c'));
    expect(rows.map((r) => r.cursor)).toEqual([true, false, false, false]);
    const moved = pickerRows(await app.press('jj'));
    expect(moved.map((r) => r.cursor)).toEqual([false, false, true, false]);
    await app.press(KEYS.escape);
    await app.press('c');
    expect(statusLine(await app.press('j\r'))).toContain(`Compare · 000 → ${rows[1]!.id}`);
  });

  it('picks by place with the digits 1–9, and ignores a digit past the end of the list', async () => {
    app = await drive(corpus);
    const rows = pickerRows(await app.press('c'));
    expect(rows.map((r) => r.digit)).toEqual(['1', '2', '3', '4']);
    const ignored = await app.press('5');
    expect(plain(ignored)).toContain('Compare 000 with');
    expect(statusLine(await app.press('4'))).toContain(`Compare · 000 → ${rows[3]!.id}`);
  });

  it('counts two Escapes in one read as two', async () => {
    app = await drive(corpus);
    await app.press(KEYS.enter, '/');
    expect(statusLine(app.frame())).toContain('Search');
    expect(statusLine(await app.press('\u001B\u001B'))).toContain('Stories');
  });
});

describe('bracketed paste', () => {
  it('does not quit Stories on a pasted qqq', async () => {
    app = await drive(corpus);
    const frame = await app.press(pasted('qqq'));
    expect(app.exited()).toBe(false);
    expect(statusLine(frame)).toContain('Stories · 000 · 1 of 5');
    expect(app.exited()).toBe(false);
  });

  it('ignores a paste in the reader, whatever keys it holds', async () => {
    app = await drive(corpus);
    await app.press(KEYS.enter);
    const before = statusLine(app.frame());
    expect(statusLine(await app.press(pasted('Gq\r\u001B')))).toBe(before);
  });

  it('puts pasted text into the search box, line breaks as spaces', async () => {
    app = await drive(corpus);
    await app.press('/');
    const frame = await app.press(pasted('Rafah\r\ncrossing q'));
    expect(plain(frame)).toContain('/Rafah crossing q');
    expect(statusLine(frame)).toContain('Search');
  });
});

describe('keys for the terminal', () => {
  function spyTerminal() {
    const asked: string[] = [];
    const terminal: TerminalControl = {
      redraw: () => asked.push('redraw'),
      suspend: () => asked.push('suspend'),
      onRedraw: () => () => undefined,
    };
    return { terminal, asked };
  }

  it('asks for a full redraw on Ctrl-L and a suspend on Ctrl-Z, in any pane', async () => {
    const { terminal, asked } = spyTerminal();
    app = await drive(corpus, { terminal });
    await app.press(KEYS.ctrlL, '/', KEYS.ctrlZ);
    expect(asked).toEqual(['redraw', 'suspend']);
    // Neither key typed into the query.
    expect(plain(app.frame())).toMatch(/^\/\s*(│|$)/m);
  });
});

describe('compare at 80×24: the mark, the header and the hints', () => {
  const pair = (): readonly [ReturnType<typeof findVersion>, ReturnType<typeof findVersion>] => [
    findVersion(corpus, '000'),
    findVersion(corpus, '003'),
  ];
  /** The frame above the status line. */
  const above = (frame: string): string => lines(frame).slice(0, -1).join('\n');

  it('changes the screen beyond the status line on every ], until no more changes', async () => {
    app = await drive(corpus, { pair: pair() });
    let frame = await app.resize(80, 24);
    let changes = 0;
    for (let i = 0; i < 40; i++) {
      const next = await app.press(']');
      if (statusLine(next).includes('no more changes below')) {
        expect(above(next)).toBe(above(frame));
        break;
      }
      expect(statusLine(next)).toContain(`change ${++changes} of 16`);
      expect(above(next), `change ${changes}`).not.toBe(above(frame));
      // The current change is marked in the margin.
      expect(plain(next)).toMatch(/^▍/m);
      frame = next;
    }
    expect(changes).toBe(16);
  });

  it('keeps its header to three rows, leaving 18 or more for the text', async () => {
    app = await drive(corpus, { pair: pair() });
    const frame = plain(await app.resize(80, 24));
    const rows = lines(frame);
    expect(rows[0]).toBe(' What 003 changed from 000: −37 +155 words · 2 moved · 83% similar');
    expect(rows[2]).toMatch(/^ − 000 {2}\+ 003 ─+$/);
    const body = rows.length - 1 - 3;
    expect(body).toBeGreaterThanOrEqual(18);
    expect(rows[3]).toMatch(/^ −\s+¶1 /);
  });

  it('hints ], [, x and s, never cut, and s says what it will do now', async () => {
    app = await drive(corpus, { pair: pair() });
    for (const [width, rows] of [
      [80, 24],
      [100, 30],
      [200, 50],
    ] as const) {
      const status = statusLine(await app.resize(width, rows));
      expect(status).not.toContain('…');
      expect(status).toMatch(/\] next change/);
    }
    expect(statusLine(app.frame())).toMatch(/\[ previous .*s side by side.*x swap/);
    const two = statusLine(await app.press('s'));
    expect(two).toContain('side by side · lines');
    expect(two).toContain('s one column');
    expect(two).not.toContain('s side by side');
    expect(two).not.toContain('…');
  });

  it('heads the two columns with the versions side by side', async () => {
    app = await drive(corpus, { pair: pair() });
    await app.resize(140, 30);
    const rows = lines(plain(await app.press('s')));
    expect(rows[2]).toMatch(/^ − 000 {2}.+ │ \+ 003 {2}\S/);
  });

  it('lists every substitution on w, and closes the list on Esc', async () => {
    app = await drive(corpus, { pair: pair() });
    const list = plain(await app.press('w'));
    expect(list).toMatch(/^Substitutions: words 003 has in place of 000's$/m);
    expect(list).toMatch(/^ {2}militants → resistance movement$/m);
    expect(list).toMatch(/^ {2}themust → the Gaza ceasefire must \(repair\)$/m);
    expect(statusLine(list)).toMatch(/Substitutions · lines 1–\d+ of \d+/);
    expect(statusLine(await app.press(KEYS.escape))).toMatch(/Compare · 000 → 003/);
  });

  it('swaps which way the colors read with x, and says so', async () => {
    app = await drive(corpus, { pair: pair() });
    const swapped = plain(await app.press('x'));
    expect(lines(swapped)[0]).toMatch(/^ What 000 changed from 003: /);
    expect(lines(swapped)[2]).toMatch(/^ − 003 {2}\+ 000 ─+$/);
  });
});

describe('help', () => {
  it('shows where it stands and scrolls with the usual keys', async () => {
    app = await drive(corpus);
    const frame = plain(await app.press('?'));
    const [, total] = /^Keys · lines 1–\d+ of (\d+) · j k Space b scroll/m.exec(frame) ?? [];
    expect(Number(total)).toBeGreaterThan(30);
    expect(statusLine(frame)).toMatch(new RegExp(`Help · lines 1–\\d+ of ${total}`));
    expect(plain(await app.press('j'))).toMatch(
      new RegExp(`^Keys · lines 2–\\d+ of ${total}`, 'm'),
    );
    const bottom = plain(await app.press('G'));
    expect(bottom).toMatch(new RegExp(`^Keys · lines \\d+–${total} of ${total}`, 'm'));
    // The notes wrap whole: the last one ends on screen.
    expect(bottom).toMatch(/which are not edits\.$/m);
    expect(bottom).toMatch(/^Compare picker$/m);
  });
});

describe('the chrome in a locale that is not UTF-8', () => {
  afterEach(() => void setGlyphs(UNICODE_GLYPHS));

  it('is ASCII with LC_ALL=C, and the corpus text is shown as it is', async () => {
    setGlyphs(chooseGlyphs({ LC_ALL: 'C', TERM: 'xterm' }));
    const [a, b] = [findVersion(corpus, '000'), findVersion(corpus, '003')];
    const corpusText = [...a.paragraphs, ...b.paragraphs, a.title, b.title].join(' ');
    const chrome = (text: string): string =>
      text
        .split(/\s+/)
        .filter((word) => !corpusText.includes(word.replace(/;$/, '')))
        .join(' ');
    app = await drive(corpus, { pair: [a, b] });
    await app.resize(80, 24);
    let seen = '';
    for (let i = 0; i < 17; i++) seen += plain(await app.press(']')) + '\n';
    seen += plain(await app.press('?')) + '\n';
    for (const line of seen.split('\n')) expect(chrome(line), line).toMatch(/^[\x20-\x7e]*$/);
    expect(seen).toMatch(/^ What 003 changed from 000: -37 \+155 words - 2 moved - 83% similar$/m);
    expect(seen).toMatch(/^> /m);
    expect(seen).toContain('Türkiye');
    expect(seen).toMatch(/Compare - 000 -> 003 - lines \d+-\d+ of \d+/);
  });

  it('is ASCII in Stories, the Reader, the picker, Search and the too-small notice', async () => {
    setGlyphs(chooseGlyphs({ LC_ALL: 'C' }));
    const corpusText = corpus.versions.flatMap((v) => [...v.paragraphs, v.title]).join(' ');
    const chrome = (text: string): string =>
      text
        .split(/\s+/)
        .filter((word) => !corpusText.includes(word))
        .join(' ');
    app = await drive(corpus);
    const frames = [plain(app.frame())];
    await app.press('o');
    frames.push(plain(await app.waitFor((f) => /rows follow/.test(plain(f)))));
    await app.press(KEYS.escape);
    frames.push(plain(await app.press('\r')));
    frames.push(plain(await app.press('c')));
    await app.press(KEYS.escape);
    await app.press(KEYS.escape);
    await app.press('/');
    frames.push(plain(await app.type('ceasfire')));
    frames.push(plain(await app.waitFor((f) => /passages? - 1 of/.test(plain(f)))));
    frames.push(plain(await app.resize(30, 8)));
    const seen = frames.join('\n');
    for (const line of seen.split('\n')) expect(chrome(line), line).toMatch(/^[\x20-\x7e]*$/);
    expect(seen).toMatch(/^\|5 versions - /m);
    expect(seen).toMatch(/000\s+2025-12-19\s+491w\s+~\d{3} \d+%/);
    expect(seen).toMatch(/004\s+-\s+386w/);
    expect(seen).toMatch(/Stories - 000 - 1 of 5/);
    expect(seen).toMatch(/Reader - 000 - lines 1-\d+ of \d+/);
    expect(seen).toMatch(/^> 1 /m);
    expect(seen).toContain('Enter or 1-9 picks');
    expect(seen).toMatch(/^> \d+ versions - /m);
    expect(seen).toContain('Terminal too small (30x8)');
    expect(seen).toMatch(/5 versions - 31 rows, \d+ where versions differ - rows follow/);
  });
});
