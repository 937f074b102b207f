import React from 'react';
import { EventEmitter } from 'node:events';
import { Box, Text, render, useStdout } from 'ink';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  FrameWriter,
  frameStdout,
  findShift,
  frameBytes,
  trustsScrollRegions,
} from '../../../source/ui/terminal/frames.js';
import { parseScreen, ScreenParser } from '../../../source/ui/terminal/screen.js';
import { Emulator } from './xterm.js';

const STYLES = ['', '1', '2', '31', '32;1', '7', '43;30', '38;5;208', '4', '35;1', '9'];
const WORDS = [
  'the',
  'Gaza',
  'ceasefire',
  'Türkiye',
  'e\u0301lan',
  '界隈',
  'Hamas',
  '—',
  'a',
  'talks',
];

/** A styled line as Ink writes one: SGR codes around runs, closed at the end. */
const styledLine = fc
  .array(
    fc.tuple(fc.constantFrom(...STYLES), fc.array(fc.constantFrom(...WORDS), { maxLength: 4 })),
    {
      maxLength: 4,
    },
  )
  .map((runs) =>
    runs
      .map(([style, words]) => {
        const text = words.join(' ');
        return style === '' || text === '' ? text : `\u001B[${style}m${text}\u001B[0m`;
      })
      .join(' '),
  );

interface Step {
  readonly move: number;
  readonly header: string;
  readonly status: string;
  readonly resize: readonly [number, number] | null;
}

/** Frames as the reader makes them: a fixed header, a window on a long document, a status line. */
const scenario = fc.record({
  columns: fc.integer({ min: 8, max: 40 }),
  rows: fc.integer({ min: 3, max: 14 }),
  // Lines drawn from a small pool, so rows repeat and share beginnings, as prose rows do.
  document: fc
    .tuple(
      fc.array(styledLine, { minLength: 6, maxLength: 6 }),
      fc.array(fc.nat(5), { minLength: 1, maxLength: 40 }),
    )
    .map(([pool, picks]) => picks.map((i) => pool[i]!)),
  steps: fc.array(
    fc.record({
      move: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -40, max: 40 })),
      header: fc.constantFrom('Reader · 000', '\u001B[1mCompare\u001B[22m 000 → 003', ''),
      status: styledLine,
      resize: fc.option(
        fc.tuple(fc.integer({ min: 8, max: 40 }), fc.integer({ min: 3, max: 14 })),
        {
          freq: 5,
        },
      ),
    }),
    { minLength: 1, maxLength: 12 },
  ),
});

function frameOf(document: readonly string[], top: number, step: Step, rows: number): string {
  const body = rows - 2;
  const lines = [step.header];
  for (let i = 0; i < body; i++) lines.push(document[top + i] ?? '');
  lines.push(step.status);
  return lines.join('\n');
}

async function freshScreen(frame: string, columns: number, rows: number): Promise<string[]> {
  const fresh = new Emulator(columns, rows);
  await fresh.write(frameBytes(null, parseScreen(frame, columns, rows), true));
  return fresh.screen();
}

describe('the frame writer', () => {
  it('leaves the screen exactly as a fresh full draw would, across scrolls, edits and resizes', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenario,
        fc.boolean(),
        async ({ columns, rows, document, steps }, scroll) => {
          const terminal = new Emulator(columns, rows);
          let written = '';
          const writer = new FrameWriter({
            write: (bytes) => (written += bytes),
            scrollRegions: scroll,
          });
          let size: [number, number] = [columns, rows];
          let top = 0;
          for (const step of steps) {
            // Scroll as the keys do: mostly a line or a few, sometimes a page or a jump.
            top = Math.max(0, Math.min(document.length - 1, top + step.move));
            if (step.resize) {
              size = [step.resize[0], step.resize[1]];
              await terminal.write(written);
              written = '';
              terminal.resize(size[0], size[1]);
              writer.invalidate();
            }
            writer.frame(frameOf(document, top, step, size[1]), size[0], size[1]);
          }
          await terminal.write(written);
          const last = steps[steps.length - 1]!;
          expect(terminal.screen()).toEqual(
            await freshScreen(frameOf(document, top, last, size[1]), size[0], size[1]),
          );
        },
      ),
      { numRuns: 100 },
    );
  });

  it('scrolls one line of prose by writing one new row, not the screen', async () => {
    const document = Array.from({ length: 60 }, (_, i) =>
      `${String(i + 1).padStart(3)}  Negotiators met in Miami on Saturday as the ceasefire talks went on ${i}`.slice(
        0,
        79,
      ),
    );
    const frame = (top: number): string =>
      [
        'Reader · 000',
        ...document.slice(top, top + 22),
        `\u001B[7m lines ${top + 1}–${top + 22} of 60 \u001B[27m`,
      ].join('\n');
    let written = '';
    const writer = new FrameWriter({ write: (bytes) => (written += bytes), scrollRegions: true });
    writer.frame(frame(0), 80, 24);
    const first = written.length;
    written = '';
    writer.frame(frame(1), 80, 24);
    // One new prose row (about 80 bytes), the scroll itself, and the status line's changed figures.
    expect(written.length).toBeLessThan(250);
    expect(written.length).toBeLessThan(first / 5);
    const terminal = new Emulator(80, 24);
    await terminal.write(frameBytes(null, parseScreen(frame(0), 80, 24), true) + written);
    expect(terminal.text()[1]).toContain('  2  Negotiators');
    expect(terminal.text()[22]).toContain(' 23  Negotiators');
  });

  it('writes nothing for a frame that did not change', () => {
    let written = '';
    const writer = new FrameWriter({ write: (bytes) => (written += bytes), scrollRegions: true });
    writer.frame('a\nb', 10, 3);
    written = '';
    writer.frame('a\nb', 10, 3);
    expect(written).toBe('');
    expect(writer.stats.frames).toBe(2);
    // Once the screen can no longer be trusted (a resize), the same frame is drawn whole.
    writer.invalidate();
    writer.frame('a\nb', 10, 3);
    expect(written).toContain('\u001B[2J');
    expect(written).toContain('a');
  });

  it('draws the last frame whole again on request (Ctrl-L), on a cleared screen', async () => {
    let written = '';
    const writer = new FrameWriter({ write: (bytes) => (written += bytes), scrollRegions: true });
    writer.frame('one\ntwo', 10, 3);
    const terminal = new Emulator(10, 3);
    await terminal.write(written + 'garbage from another program');
    written = '';
    writer.redraw();
    await terminal.write(written);
    expect(terminal.text()).toEqual(['one', 'two', '']);
  });

  it('finds the shift that moves the most rows into place', () => {
    const screen = (lines: string[]) => parseScreen(lines.join('\n'), 10, lines.length);
    expect(findShift(screen(['h', 'a', 'b', 'c', 's']), screen(['h', 'b', 'c', 'd', 's']))).toEqual(
      {
        from: 1,
        to: 2,
        by: 1,
      },
    );
    expect(findShift(screen(['h', 'a', 'b', 'c', 's']), screen(['h', 'z', 'a', 'b', 's']))).toEqual(
      {
        from: 2,
        to: 3,
        by: -1,
      },
    );
    expect(findShift(screen(['a', 'b']), screen(['x', 'y']))).toBeNull();
  });

  it('parses a line that recurs from one frame to the next once, at the same width', () => {
    const parser = new ScreenParser();
    const bold = '\u001B[1mTürkiye\u001B[22m and Gaza';
    const first = parser.parse(['head', bold, 'tail'].join('\n'), 12, 3);
    // Scrolled by a row: the line is the same row, not a new parse of it.
    const second = parser.parse([bold, 'new', 'tail'].join('\n'), 12, 3);
    expect(second.rows[0]).toBe(first.rows[1]);
    expect(second.rows[2]).toBe(first.rows[2]);
    expect(second).toEqual(parseScreen([bold, 'new', 'tail'].join('\n'), 12, 3));
    // Narrower, the same line is cut anew: rows of another width are not taken.
    const narrow = parser.parse([bold, 'new', 'tail'].join('\n'), 5, 3);
    expect(narrow).toEqual(parseScreen([bold, 'new', 'tail'].join('\n'), 5, 3));
    expect(narrow.rows[0]!.map((cell) => cell.text).join('')).toBe('Türki');
    // Only the frame before is remembered: a line gone for a frame is parsed again.
    parser.parse('other', 5, 1);
    expect(parser.parse(bold, 5, 1).rows[0]).not.toBe(narrow.rows[0]);
  });

  it('uses scroll regions only on terminals known to have them', () => {
    expect(trustsScrollRegions('xterm-256color')).toBe(true);
    expect(trustsScrollRegions('tmux-256color')).toBe(true);
    expect(trustsScrollRegions('screen')).toBe(true);
    expect(trustsScrollRegions('linux')).toBe(true);
    expect(trustsScrollRegions('dumb')).toBe(false);
    expect(trustsScrollRegions(undefined)).toBe(false);
    expect(trustsScrollRegions('some-unknown-terminal')).toBe(false);
  });
});

describe('Ink through the frame layer', () => {
  it('draws Ink frames, one per batch of updates, and exactly after a resize', async () => {
    const terminal = new EventEmitter() as EventEmitter & { columns: number; rows: number };
    terminal.columns = 30;
    terminal.rows = 6;
    const emulator = new Emulator(30, 6);
    let written = '';
    const writer = new FrameWriter({ write: (bytes) => (written += bytes), scrollRegions: true });
    const stdout = frameStdout(terminal as unknown as NodeJS.WriteStream, writer);
    let setTop: (top: number) => void = () => {};
    function Window() {
      const [top, set] = React.useState(0);
      setTop = set;
      const { stdout: out } = useStdout();
      const [, resized] = React.useReducer((n: number) => n + 1, 0);
      React.useEffect(() => {
        out.on('resize', resized);
        return () => void out.off('resize', resized);
      }, [out]);
      const rows = Array.from(
        { length: out.rows - 1 },
        (_, i) => `line ${top + i + 1} of the story`,
      );
      return (
        <Box flexDirection="column" height={out.rows} width={out.columns}>
          {rows.map((row, i) => (
            <Text key={i} wrap="truncate-end">
              {row}
            </Text>
          ))}
          <Text inverse>status {top}</Text>
        </Box>
      );
    }
    const app = render(<Window />, {
      stdout: stdout as unknown as NodeJS.WriteStream,
      debug: true,
      patchConsole: false,
      exitOnCtrlC: false,
    });
    /** Draw what Ink wrote into the emulator, until the screen shows what a check wants. */
    let spins = 0;
    const until = async (check: (rows: string[]) => boolean): Promise<string[]> => {
      for (;;) {
        stdout.flush();
        const bytes = written;
        written = '';
        await emulator.write(bytes);
        if (check(emulator.text())) return emulator.text();
        if (++spins > 2000) throw new Error('never shown: ' + JSON.stringify(emulator.text()));
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await until((rows) => rows[0] === 'line 1 of the story');
    setTop(3);
    const rows = await until((shown) => shown[5] === 'status 3');
    expect(rows[0]).toBe('line 4 of the story');

    // Everything drawn so far reaches the emulator before it changes size, as on a terminal.
    await until(() => true);
    terminal.columns = 12;
    terminal.rows = 4;
    emulator.resize(12, 4);
    terminal.emit('resize');
    // Exactly what a fresh start at 12×4 shows: nothing left over from the wider frame.
    const expected = ['line 4 of t…', 'line 5 of t…', 'line 6 of t…', 'status 3'];
    await until((shown) => JSON.stringify(shown) === JSON.stringify(expected));
    expect(emulator.text()).toEqual(expected);
    app.unmount();
    stdout.detach();
  });

  it('draws frames written in one go once, with the last of them', async () => {
    const terminal = new EventEmitter() as EventEmitter & { columns: number; rows: number };
    terminal.columns = 10;
    terminal.rows = 2;
    let written = '';
    const writer = new FrameWriter({ write: (bytes) => (written += bytes), scrollRegions: true });
    const stdout = frameStdout(terminal as unknown as NodeJS.WriteStream, writer);
    stdout.write('one');
    stdout.write('two');
    stdout.write('three');
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    expect(writer.stats.frames).toBe(1);
    const emulator = new Emulator(10, 2);
    await emulator.write(written);
    expect(emulator.text()).toEqual(['three', '']);
    stdout.detach();
  });
});
