import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyParser, parseKeys, type KeyEvent } from '../../../source/ui/input/keys.js';

const names = (input: string): string[] =>
  parseKeys(input).map((e) => (e.kind === 'key' ? e.name : `paste:${e.text}`));

/** Feed `bytes` to a parser in reads cut at `cuts`, then let the terminal go quiet. */
function parseInReads(bytes: Uint8Array, cuts: readonly number[]): KeyEvent[] {
  const parser = new KeyParser();
  const events: KeyEvent[] = [];
  let from = 0;
  for (const cut of [...new Set(cuts)].sort((x, y) => x - y)) {
    events.push(...parser.push(bytes.subarray(from, cut)));
    from = cut;
  }
  events.push(...parser.push(bytes.subarray(from)), ...parser.flush());
  return events;
}

/** Keys as a terminal sends them, with the names the keymap knows them by. */
const KEYS: readonly (readonly [string, string])[] = [
  ['j', 'j'],
  ['G', 'G'],
  ['2', '2'],
  ['[', '['],
  ['O', 'O'],
  [' ', 'space'],
  ['\r', 'enter'],
  ['\t', 'tab'],
  ['\u007F', 'backspace'],
  ['\u0003', 'ctrl+c'],
  ['\u0004', 'ctrl+d'],
  ['\u000C', 'ctrl+l'],
  ['\u001A', 'ctrl+z'],
  ['\u001B', 'escape'],
  ['\u001B[A', 'up'],
  ['\u001B[B', 'down'],
  ['\u001BOA', 'up'],
  ['\u001B[1;5C', 'ctrl+right'],
  ['\u001B[H', 'home'],
  ['\u001B[4~', 'end'],
  ['\u001B[5~', 'pageup'],
  ['\u001B[6~', 'pagedown'],
  ['\u001B[Z', 'shift+tab'],
  ['é', 'é'],
  ['ج', 'ج'],
  ['😀', '😀'],
];

/** What a terminal may send on its own: replies, focus reports, sequences we have no key for. */
const REPLIES: readonly string[] = [
  '\u001B[0n',
  '\u001B[31m',
  '\u001B[?1;2c',
  '\u001B[>0;276;0c',
  '\u001B[12;40R',
  '\u001B[I',
  '\u001B[O',
  '\u001B[<0;10;5M',
  '\u001B[?2004;1$y',
  '\u001B[99~',
  '\u001BOz',
];

describe('the key parser', () => {
  it('reads the cases that crash or mislead Ink as the terminal meant them', () => {
    expect(names('\u001B[0n')).toEqual([]);
    expect(names('\u001B[31m')).toEqual([]);
    expect(names('\u001B[?1;2c')).toEqual([]);
    expect(names('c2')).toEqual(['c', '2']);
    expect(names('jj\r')).toEqual(['j', 'j', 'enter']);
    expect(names('\u001B\u001B')).toEqual(['escape', 'escape']);
    expect(names('\u001Bj')).toEqual(['escape', 'j']);
    expect(names('\u001B\u001B[A')).toEqual(['escape', 'up']);
  });

  it('gives a bracketed paste as one text, keys and escapes inside it included', () => {
    expect(parseKeys('\u001B[200~qqq\u001B[A\r\u001B[201~j')).toEqual([
      { kind: 'paste', text: 'qqq\u001B[A\r' },
      { kind: 'key', name: 'j', text: 'j' },
    ]);
  });

  it('drops a malformed sequence and reads what follows it', () => {
    expect(names('\u001B[1\u001B[Bk')).toEqual(['down', 'k']);
    expect(names('\u001B[12\u0003')).toEqual(['ctrl+c']);
  });

  it('waits for the rest of a sequence split across reads', () => {
    const parser = new KeyParser();
    expect(parser.push('\u001B')).toEqual([]);
    expect(parser.pending).toBe(true);
    expect(parser.push('[')).toEqual([]);
    expect(parser.push('B')).toEqual([{ kind: 'key', name: 'down', text: null }]);
    expect(parser.pending).toBe(false);
    expect(parser.push('\u001B')).toEqual([]);
    expect(parser.flush()).toEqual([{ kind: 'key', name: 'escape', text: null }]);
  });

  it('types printable characters, and gives control characters no text', () => {
    expect(parseKeys('a ü\u0004')).toEqual([
      { kind: 'key', name: 'a', text: 'a' },
      { kind: 'key', name: 'space', text: ' ' },
      { kind: 'key', name: 'ü', text: 'ü' },
      { kind: 'key', name: 'ctrl+d', text: null },
    ]);
  });

  const keyList = fc.array(fc.constantFrom(...KEYS), { maxLength: 30 }).filter((keys) =>
    // Escape followed by "[" or "O" is the start of a sequence, as it is for any terminal.
    keys.every(([bytes], i) => bytes !== '\u001B' || !/^[[O]/.test(keys[i + 1]?.[0] ?? '')),
  );

  it('reads every key a stream holds, in order', () => {
    fc.assert(
      fc.property(keyList, (keys) => {
        expect(names(keys.map(([bytes]) => bytes).join(''))).toEqual(keys.map(([, name]) => name));
      }),
    );
  });

  it('gives the same keys however the bytes are split into reads', () => {
    const stream = fc
      .array(
        fc.oneof(
          fc.constantFrom(...KEYS.map(([bytes]) => bytes)),
          fc.constantFrom(...REPLIES),
          fc.string({ maxLength: 6 }).map((text) => `\u001B[200~${text}\u001B[201~`),
          fc.string({ maxLength: 4, unit: 'binary' }),
        ),
        { maxLength: 20 },
      )
      .map((parts) => new TextEncoder().encode(parts.join('')));
    fc.assert(
      fc.property(
        stream.chain((bytes) =>
          fc.tuple(fc.constant(bytes), fc.array(fc.nat({ max: bytes.length }), { maxLength: 8 })),
        ),
        ([bytes, cuts]) => {
          expect(parseInReads(bytes, cuts)).toEqual(parseInReads(bytes, []));
        },
      ),
    );
  });

  it('gives the same keys for raw bytes cut anywhere, invalid UTF-8 included', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 40 }),
        fc.array(fc.nat({ max: 40 }), { maxLength: 8 }),
        (bytes, cuts) => {
          const inRange = cuts.map((c) => Math.min(c, bytes.length));
          expect(parseInReads(bytes, inRange)).toEqual(parseInReads(bytes, []));
        },
      ),
    );
  });

  it('lets no terminal reply become a key', () => {
    fc.assert(
      fc.property(
        keyList,
        fc.array(fc.constantFrom(...REPLIES), { maxLength: 30 }),
        (keys, replies) => {
          // A reply after an Escape would read as Alt and a sequence; terminals reply between keys.
          const parts = keys.map(([bytes], i) =>
            bytes === '\u001B' ? bytes : bytes + (replies[i] ?? ''),
          );
          expect(names(parts.join(''))).toEqual(keys.map(([, name]) => name));
        },
      ),
    );
  });
});
