import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { diffLines } from '../../source/cli/diff.js';
import { showLines } from '../../source/cli/show.js';
import { makeStyle } from '../../source/cli/style.js';
import type { Comparison, Row, Span } from '../../source/compare/types.js';
import type { Version } from '../../source/corpus/types.js';
import { toAnsi } from '../../source/render/ansi.js';
import { toPlain } from '../../source/render/plain.js';
import { colorTheme } from '../../source/render/theme.js';
import { leaks, OWN_SGR } from '../helpers/hostile-text.js';

/**
 * Text output is linear in the text. These inputs are shaped so that a renderer that is not would
 * miss the test timeout by orders of magnitude, while a linear one takes a second or two: an
 * 800 kB paragraph split into 6,000 rows (a renderer that rescans the paragraph for each row, as
 * the word counts behind "(part)" once did, takes about 5 billion steps), and the same paragraph
 * as one row with 6,000 changes (a wrapper that rescans or copies the rest of its text for each
 * line or word takes billions more). Each is checked for its content, not its time: every change
 * is there once and every line fits. `npm run bench -- --only=output` measures the time.
 */

const SENTENCES = 6_000;
const sentence = (k: number, word: string): string =>
  `Envoys met in Cairo on day ${k} and said the ${word} talks on Gaza would resume after the ${k % 7} holidays, officials in Doha confirmed.`;

function version(id: string, paragraph: string): Version {
  return {
    id,
    file: `${id}.txt`,
    path: `/corpus/${id}.txt`,
    title: paragraph.slice(0, 60),
    headline: null,
    date: null,
    outlet: null,
    url: null,
    author: null,
    paragraphs: [paragraph],
    body: paragraph,
    words: paragraph.split(' ').length,
  };
}

const a = version(
  'a',
  Array.from({ length: SENTENCES }, (_, k) => sentence(k, 'ceasefire')).join(' '),
);
const b = version('b', Array.from({ length: SENTENCES }, (_, k) => sentence(k, 'truce')).join(' '));

/** One sentence's spans: the changed word in its place. */
function spans(k: number): Span[] {
  const [before, after] = sentence(k, '|').split('|') as [string, string];
  return [
    { op: 'equal', text: before },
    { op: 'delete', text: 'ceasefire ' },
    { op: 'insert', text: 'truce ' },
    { op: 'equal', text: after.trimStart() + ' ' },
  ];
}

const comparison = (rows: Row[]): Comparison => ({
  stats: { inserted: SENTENCES, deleted: SENTENCES, moved: 0, similarity: 0.95 },
  substitutions: [{ from: 'ceasefire', to: 'truce', count: SENTENCES }],
  rows,
});

const out = (color: boolean) => ({
  style: makeStyle(color),
  width: 80,
  isTTY: false,
  write: () => {},
});

function expectWhole(plain: string, colored: string, labels: number): void {
  expect(plain.split('[-ceasefire-]').length - 1).toBe(SENTENCES);
  expect(plain.split('{+truce+}').length - 1).toBe(SENTENCES);
  // In color, the summary's substitution "ceasefire → truce" is colored too.
  expect(colored.split('\u001B[31mceasefire\u001B[39m').length - 1).toBe(SENTENCES + 1);
  expect(colored.split('\u001B[32mtruce\u001B[39m').length - 1).toBe(SENTENCES + 1);
  expect(plain.split('changed').length - 1).toBeGreaterThanOrEqual(labels);
  const fits = (line: string): boolean =>
    /^[\x20-\x7e]*$/.test(line) ? line.length <= 80 : stringWidth(line) <= 80;
  expect(plain.split('\n').every(fits)).toBe(true);
  expect(colored.replace(OWN_SGR, '')).not.toContain('\u001B');
  expect(leaks(colored)).toEqual([]);
}

describe('text diff of a long paragraph', () => {
  it('prints 6,000 rows of one paragraph, each change once', () => {
    const rows: Row[] = Array.from({ length: SENTENCES }, (_, k) => ({
      kind: 'changed',
      a: 0,
      b: 0,
      spans: spans(k),
    }));
    const plain = toPlain(diffLines(a, b, comparison(rows), out(false)));
    const colored = toAnsi(diffLines(a, b, comparison(rows), out(true)), colorTheme);
    expectWhole(plain, colored, SENTENCES);
    expect(plain).toContain('part of ¶1 → ¶1 (part) · changed');
  });

  it('prints one row of the whole paragraph, each change once', () => {
    const row: Row = {
      kind: 'changed',
      a: 0,
      b: 0,
      spans: Array.from({ length: SENTENCES }, (_, k) => spans(k)).flat(),
    };
    const plain = toPlain(diffLines(a, b, comparison([row]), out(false)));
    const colored = toAnsi(diffLines(a, b, comparison([row]), out(true)), colorTheme);
    expectWhole(plain, colored, 1);
    expect(plain).toMatch(/^¶1 · changed$/m);
  });
});

describe('a paragraph that wraps into more lines than a call takes arguments', () => {
  it('shows all 200,000 of them', () => {
    const paragraph = 'Envoys met in Cairo, officials said. '.repeat(100_000);
    const lines = showLines(version('long', paragraph), 20);
    expect(lines.length).toBeGreaterThan(200_000);
    expect(
      lines
        .at(-1)!
        .map((s) => s.text)
        .join(''),
    ).toBe('officials said.');
  });
});
