import React from 'react';
import { EventEmitter } from 'node:events';
import chalk from 'chalk';
import { render } from 'ink';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/load.js';
import { CorpusFeed } from '../../source/corpus/stream.js';
import type { Corpus } from '../../source/corpus/types.js';
import { MIN_COLUMNS, MIN_ROWS } from '../../source/ui/app.js';
import { FeedApp } from '../../source/ui/feed.js';
import { FIRST_SCREEN_MIN, firstScreenLines, frameText } from '../../source/ui/first-frame.js';
import { FrameWriter } from '../../source/ui/terminal/frames.js';
import { parseScreen } from '../../source/ui/terminal/screen.js';
import { colorTheme, monoTheme, type Theme } from '../../source/ui/theme.js';
import { lineText } from '../../source/render/line.js';
import { Emulator } from './terminal/xterm.js';

/**
 * The first stage (source/first.ts) draws the reader's first screen before Ink is loaded. It is
 * honest only if it is the screen Ink then draws: cell for cell, looks included.
 */

let corpus: Corpus;
const level = chalk.level;
beforeAll(() => {
  corpus = loadCorpus();
});
afterEach(() => {
  chalk.level = level;
});

/** Ink's first frame of the reader on a whole corpus, as Ink hands it to the frame layer. */
async function inkFirstFrame(
  theme: Theme,
  columns: number,
  rows: number,
  shown: Corpus = corpus,
): Promise<string> {
  const frames: string[] = [];
  const stdout = Object.assign(new EventEmitter(), {
    isTTY: true,
    columns,
    rows,
    write(chunk: string): boolean {
      frames.push(chunk);
      return true;
    },
  });
  const stdin = Object.assign(new EventEmitter(), {
    isTTY: true,
    setRawMode: () => undefined,
    setEncoding: () => undefined,
    ref: () => undefined,
    unref: () => undefined,
    read: () => null,
  });
  const app = render(
    <FeedApp feed={new CorpusFeed(shown, null)} theme={theme} initialPair={undefined} />,
    {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      debug: true,
      patchConsole: false,
      exitOnCtrlC: false,
    },
  );
  try {
    // Ink draws its first frame as it mounts; grouping the stories comes a timer later.
    await new Promise((resolve) => setImmediate(resolve));
    expect(frames.length).toBeGreaterThan(0);
    return frames[0]!;
  } finally {
    app.unmount();
  }
}

const SIZES = [
  [80, 24],
  [120, 40],
  [MIN_COLUMNS, MIN_ROWS],
  [57, 13],
] as const;

describe('the first screen, drawn before Ink', () => {
  it.each(SIZES)('is the screen Ink first draws, in colour, at %i×%i', async (columns, rows) => {
    chalk.level = 2;
    const lines = firstScreenLines(corpus, { columns, rows })!;
    const ours = frameText(lines, colorTheme, columns, true);
    const ink = await inkFirstFrame(colorTheme, columns, rows);
    expect(parseScreen(ours, columns, rows)).toEqual(parseScreen(ink, columns, rows));
    // What a person sees: the Stories list, the first version under the cursor.
    const plain = lines.map(lineText).join('\n');
    expect(plain).toContain('5 versions · grouping');
    expect(
      lines
        .at(-1)!
        .map((s) => s.text)
        .join(''),
    ).toMatch(/Stories · 000 · 1 of 5/);
  });

  it.each(SIZES)('is the screen Ink first draws, in the mono theme, at %i×%i', async (c, r) => {
    chalk.level = 1;
    const ours = frameText(firstScreenLines(corpus, { columns: c, rows: r })!, monoTheme, c, true);
    const ink = await inkFirstFrame(monoTheme, c, r);
    expect(parseScreen(ours, c, r)).toEqual(parseScreen(ink, c, r));
  });

  it('is the screen Ink first draws of a corpus with warnings, in another folder', async () => {
    chalk.level = 2;
    const warned: Corpus = {
      ...corpus,
      dir: '/tmp/stories',
      bundled: false,
      warnings: ['a.txt', 'b.txt', 'c.txt'].map((file) => ({ file, message: `${file}: empty` })),
    };
    const lines = firstScreenLines(warned, SIZE)!;
    const ours = frameText(lines, colorTheme, 80, true);
    const ink = await inkFirstFrame(colorTheme, 80, 24, warned);
    expect(parseScreen(ours, 80, 24)).toEqual(parseScreen(ink, 80, 24));
    expect(lines.map(lineText)).toContain('⚠ and 1 more skipped files');
  });

  it('carries no SGR where chalk, and so Ink, finds no colour support', async () => {
    chalk.level = 0;
    const ours = frameText(
      firstScreenLines(corpus, { columns: 80, rows: 24 })!,
      colorTheme,
      80,
      false,
    );
    const ink = await inkFirstFrame(colorTheme, 80, 24);
    expect(ours).not.toContain('\u001B');
    expect(parseScreen(ours, 80, 24)).toEqual(parseScreen(ink, 80, 24));
  });

  it('costs the terminal nothing when Ink draws it again', async () => {
    chalk.level = 2;
    const written: string[] = [];
    const writer = new FrameWriter({ write: (bytes) => written.push(bytes), scrollRegions: true });
    writer.frame(frameText(firstScreenLines(corpus, SIZE)!, colorTheme, 80, true), 80, 24);
    expect(written).toHaveLength(1);
    // On a terminal: the Stories list, whole.
    const emulator = new Emulator(80, 24);
    await emulator.write(written[0]!);
    expect(emulator.text()[0]).toMatch(/^Stories {2}5 versions · grouping… · bundled seeds/);
    expect(emulator.text()[23]).toMatch(/^ Stories · 000 · 1 of 5 /);
    writer.frame(await inkFirstFrame(colorTheme, 80, 24), 80, 24);
    expect(written).toHaveLength(1);
    expect(writer.stats).toEqual({ frames: 2, bytes: written[0]!.length });
  });

  it('declines where the reader says the terminal is too small', () => {
    expect(FIRST_SCREEN_MIN).toEqual({ columns: MIN_COLUMNS, rows: MIN_ROWS });
    expect(firstScreenLines(corpus, { columns: MIN_COLUMNS - 1, rows: 24 })).toBeNull();
    expect(firstScreenLines(corpus, { columns: 80, rows: MIN_ROWS - 1 })).toBeNull();
  });
});

const SIZE = { columns: 80, rows: 24 };
