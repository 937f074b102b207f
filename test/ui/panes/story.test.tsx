import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../source/corpus/load.js';
import type { Corpus } from '../../../source/corpus/types.js';
import { colorTheme, monoTheme } from '../../../source/ui/theme.js';
import { drive, KEYS, plain, type Driven } from '../../helpers/ink.js';
import { writeStory } from '../../helpers/story-corpus.js';

/** The story view in the whole reader, as a user drives it: keys in, frames out. */

let seeds: Corpus;
let app: Driven | undefined;
beforeAll(() => {
  seeds = loadCorpus();
});
afterEach(() => {
  app?.unmount();
  app = undefined;
});

const lines = (frame: string): string[] => plain(frame).split('\n');
const statusLine = (frame: string): string => lines(frame).at(-1) ?? '';
/** The overview's line for a row, by its number. */
const rowLine = (frame: string, row: number): string =>
  lines(frame).find((l) => new RegExp(`^[▶ ] +${row} +\\d+/\\d+ `).test(l)) ?? '';
/** The marks of an overview line: a column of 4 (a name of 3 and a space) per version. */
function marks(line: string): string {
  const lead = /^.*?\d+\/\d+ [ ‹]/.exec(line)?.[0].length ?? 0;
  let out = '';
  for (let at = lead; /^ [=~>.] [ ›]/.test(line.slice(at, at + 4)); at += 4) out += line[at + 1];
  return out;
}

describe('the story view', () => {
  it('opens from Stories with o: one line per row, one column per version, marks without color', async () => {
    app = await drive(seeds, { theme: monoTheme });
    const frame = await app.press('o');
    expect(plain(frame)).toMatch(
      /5 versions · 31 rows, \d+ where versions differ · rows follow 000/,
    );
    expect(plain(frame)).toContain('= same  ~ changed  > moved  . absent');
    expect(plain(frame)).toMatch(/row +share +000 003 001 002 004 +reading/);
    expect(statusLine(frame)).toMatch(/Story · row 1 of 31 · versions 1–5 of 5/);
    // Rows follow 000; passages only 004 carries, before 000's first, come first.
    expect(rowLine(frame, 1)).toMatch(/^▶ +1 +1\/5 /);
    expect(marks(rowLine(frame, 1))).toBe('....=');
    expect(marks(rowLine(frame, 8))).toBe('=~~~~');
  });

  it('shows the al-Hayya row as the collation has it: 4 of 5, 003 moved, 004 absent', async () => {
    app = await drive(seeds, { theme: monoTheme });
    await app.press('o');
    let frame = app.frame();
    for (let i = 0; i < 40 && !rowLine(frame, 30).startsWith('▶'); i++)
      frame = await app.press('j');
    expect(statusLine(frame)).toContain('row 30 of 31');
    const line = rowLine(frame, 30);
    expect(line).toMatch(/ 4\/5 /);
    expect(line).toContain('al-Hayya');
    // Columns 000 003 001 002 004: 000 the reading, 003 moved, 001 same, 002 changed, 004 absent.
    expect(marks(line)).toBe('=>=~.');
  });

  it('goes between rows where versions differ with ] and [, and shows variants with Enter', async () => {
    app = await drive(seeds, { theme: monoTheme });
    await app.press('o');
    const first = await app.press(']');
    // In the seeds every row differs somewhere: ] goes to row 2, the second difference.
    expect(statusLine(first)).toMatch(/row 2: difference 2 of 31/);
    await app.press(']');
    expect(statusLine(await app.press('['))).toMatch(/row 2: difference 2 of 31/);
    await app.press('G');
    const variants = await app.press('k', KEYS.enter);
    expect(statusLine(variants)).toContain('Story · variants of row 30');
    const text = plain(variants);
    expect(text).toContain('Row 30 · 4 of 5 versions · reading from 000 ¶17');
    // Versions that share a reading are grouped; 003's change is marked; 004 lacks the passage.
    expect(text).toMatch(/= 000 ¶17, 001 ¶14/);
    expect(text).toMatch(/~ 003 ¶9 moved/);
    expect(text).toContain('{+resistance+}');
    expect(text).toMatch(/\. 004/);
    // ] from the variants shows the variants of the next row that differs, or says there is none.
    const next = await app.press(']');
    expect(statusLine(next)).toMatch(/variants of row 31|no row below where versions differ/);
    expect(statusLine(await app.press(KEYS.escape))).toMatch(/Story · row \d+ of 31/);
    expect(statusLine(await app.press(KEYS.escape))).toMatch(/Stories · /);
  });

  it('colors the cells: changed, moved and absent each in their own color', async () => {
    app = await drive(seeds, { theme: colorTheme });
    await app.press('o');
    const frame = await app.press('G', 'k');
    const at = lines(frame).findIndex((l) => /^▶ +30 /.test(l));
    const line = frame.split('\n')[at]!;
    expect(line).toMatch(/\u001B\[35m >/); // moved: magenta
    expect(line).toMatch(/\u001B\[33m ~/); // changed: yellow
    expect(line).toMatch(/\u001B\[31m \./); // absent: red
  });

  it('lists fingerprints one line per version with F', async () => {
    app = await drive(seeds, { theme: monoTheme });
    const frame = plain(await app.press('o', 'F'));
    expect(frame).toContain('Fingerprints against the readings');
    const prints = frame.split('\n').filter((l) => /^\d{3} {2}\+\d+ −\d+ words/.test(l));
    expect(prints.map((l) => l.slice(0, 3))).toEqual(['000', '003', '001', '002', '004']);
    expect(prints[1]).toContain('militant → resistance');
    expect(statusLine(await app.press('F'))).toMatch(/Story · row 1/);
  });

  it('finds the versions that inserted or removed a phrase with /', async () => {
    app = await drive(seeds, { theme: monoTheme });
    await app.press('o', '/');
    expect(plain(await app.type('genocidal'))).toContain('/genocidal');
    const found = plain(await app.press(KEYS.enter));
    expect(found).toContain('Changes to “genocidal” in this story');
    expect(found).toContain('Inserted by 2 versions, removed by 0 versions');
    const who = found.split('\n').flatMap((l) => /^ {2}[+−] (\d{3})/.exec(l)?.[1] ?? []);
    expect(who.sort()).toEqual(['003', '004']);
    expect(found).toContain('{+genocidal+}');
    // Backspace and Esc edit and close the prompt; letters typed there are not commands.
    await app.press('/');
    await app.type('qx');
    expect(plain(await app.press(KEYS.backspace))).toMatch(/\/q /);
    expect(plain(await app.press(KEYS.escape))).not.toMatch(/^\/q/m);
    expect(statusLine(app.frame())).toContain('Story · “genocidal”');
  });

  it('compares the version under the column cursor with c, through the picker', async () => {
    app = await drive(seeds, { theme: monoTheme });
    await app.press('o', 'l');
    const picker = plain(await app.press('c'));
    expect(picker).toContain('Compare 003 with');
    const compared = await app.press('1');
    expect(statusLine(compared)).toMatch(/Compare · 003 → \d{3}/);
    // Back leads to the story view, where the cursor was.
    expect(statusLine(await app.press(KEYS.escape))).toMatch(/Story · row 1 of 31/);
  });

  it('says so when a story has a single version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gaza-single-'));
    writeFileSync(
      join(dir, 'alpha.txt'),
      'Harvest festival opens\n\nThe village fair opened with music.',
    );
    writeFileSync(
      join(dir, 'beta.txt'),
      'Bridge repairs delayed\n\nEngineers found cracks in the span.',
    );
    app = await drive(loadCorpus({ dir }), { theme: monoTheme });
    const frame = await app.press('o');
    expect(statusLine(frame)).toMatch(/\S+ is the only version of its story/);
    expect(statusLine(frame)).not.toContain('Story ·');
  });
});

describe('the story view at its sizes', () => {
  it('fits 8 versions in 80×24', async () => {
    app = await drive(loadCorpus({ dir: writeStory(8) }), { theme: monoTheme });
    await app.resize(80, 24);
    const frame = await app.press('o');
    expect(lines(frame)).toHaveLength(24);
    expect(plain(frame)).toMatch(/share +000 001 002 003 004 005 006 007 +reading/);
    expect(statusLine(frame)).toContain('versions 1–8 of 8');
    for (const line of lines(frame)) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('fits 20 versions in 200×50, and scrolls them sideways in 80 columns', async () => {
    app = await drive(loadCorpus({ dir: writeStory(20) }), { theme: monoTheme });
    await app.resize(200, 50);
    const wide = await app.press('o');
    expect(statusLine(wide)).toContain('versions 1–20 of 20');
    expect(marks(rowLine(wide, 1))).toHaveLength(20);
    const narrow = await app.resize(80, 24);
    expect(statusLine(narrow)).toMatch(/versions 1–(\d+) of 20/);
    const fit = Number(/versions 1–(\d+) of 20/.exec(statusLine(narrow))![1]);
    expect(fit).toBeLessThan(20);
    expect(marks(rowLine(narrow, 1))).toHaveLength(fit);
    // l moves the column cursor; past the last column in view, the columns scroll.
    let frame = narrow;
    for (let i = 0; i < fit; i++) frame = await app.press('l');
    expect(statusLine(frame)).toContain(`versions 2–${fit + 1} of 20`);
    expect(plain(frame)).toMatch(/‹001 002/);
    for (let i = 0; i < 25; i++) frame = await app.press(KEYS.right);
    expect(statusLine(frame)).toContain(`versions ${21 - fit}–20 of 20`);
    for (let i = 0; i < 25; i++) frame = await app.press('h');
    expect(statusLine(frame)).toContain(`versions 1–${fit} of 20`);
  });
});
