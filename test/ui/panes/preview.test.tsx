import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../source/corpus/load.js';
import type { Corpus } from '../../../source/corpus/types.js';
import { colorTheme, monoTheme } from '../../../source/ui/theme.js';
import { drive, KEYS, plain, type Driven } from '../../helpers/ink.js';

/** Search's preview of the selected hit, in every version of its story, as a user sees it. */

let seeds: Corpus;
let app: Driven | undefined;
beforeAll(() => {
  seeds = loadCorpus();
});
afterEach(() => {
  app?.unmount();
  app = undefined;
});

/** The preview: what stands right of the divider, on each line. */
const previewOf = (frame: string): string =>
  plain(frame)
    .split('\n')
    .map((l) => l.split('│ ')[1] ?? '')
    .join('\n');

describe('the search preview', () => {
  it('shows the selected hit in every version of its story, beside the results, and follows the selection', async () => {
    app = await drive(seeds, { theme: monoTheme });
    await app.press('/');
    const first = await app.type('resistance');
    // The first hit is a passage only 003 carries.
    expect(previewOf(first)).toMatch(/only 003 carries it/);
    expect(previewOf(first)).toMatch(/\. 000, 001, 002, 004/);
    const second = previewOf(await app.press(KEYS.down));
    expect(second).toContain('Row 30 · 4 of 5 versions · reading from 000 ¶17');
    expect(second).toContain('= 000 ¶17, 001 ¶14');
    expect(second).toContain('~ 003 ¶9 moved');
    expect(second).toContain('{+resistance+}');
    expect(second).toMatch(/^ {2}\. 004/m);
    expect(previewOf(await app.press(KEYS.up))).toMatch(/only 003 carries it/);
  });

  it("colors 003's change against the reading", async () => {
    app = await drive(seeds, { theme: colorTheme });
    await app.press('/');
    await app.type('resistance');
    const frame = await app.press(KEYS.down);
    // Green (32) for the inserted word, red (31) for the deleted one.
    expect(frame).toMatch(/\u001B\[32mresistance/);
    expect(frame).toMatch(/\u001B\[31mmilitant/);
  });

  it('goes below the results in a tall narrow terminal, and away in a small one', async () => {
    app = await drive(seeds, { theme: monoTheme });
    await app.resize(80, 40);
    await app.press('/');
    const tall = plain(await app.type('al-Hayya'));
    expect(tall).toMatch(/^─{80}$/m);
    expect(tall).toContain('~ 003 ¶9 moved');
    const small = plain(await app.resize(80, 24));
    expect(small).not.toMatch(/^─{80}$/m);
    expect(small).not.toContain('│ ');
    expect(small).not.toContain('~ 003 ¶9 moved');
  });
});
