import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from '../../../source/compare/index.js';
import type { Row } from '../../../source/compare/types.js';
import { loadCorpus } from '../../../source/corpus/load.js';
import { findVersion } from '../../../source/corpus/resolve.js';
import { layoutCompare, MARGIN, type CompareLayout } from '../../../source/ui/layout/compare.js';
import { lineText, lineWidth } from '../../../source/render/line.js';
import { PLAIN_FORM } from '../../../source/text/typography.js';
import { colorTheme, monoTheme } from '../../../source/ui/theme.js';

const corpus = loadCorpus();
/**
 * Words, their quotes, dashes and spaces folded: a passage both versions share shows once, in
 * B's typography, as the comparison folds them.
 */
const words = (text: string): string[] =>
  [...text]
    .map((ch) => PLAIN_FORM.get(ch) ?? ch)
    .join('')
    .split(/\s+/)
    .filter(Boolean);
/** The gutter before each side's text: sign, space, "¶123", space. */
const GUTTER = 7;
/** A word as the text has it: wdiff's marks (the mono theme's) taken out. */
const unmarked = (text: string): string => text.replace(/\[-|-\]|\{\+|\+\}/g, '');

/** The words each side of each row shows, read back from the screen's lines. */
function shownWords(layout: CompareLayout, rows: number): { a: string[][]; b: string[][] } {
  const a: string[][] = Array.from({ length: rows }, () => []);
  const b: string[][] = Array.from({ length: rows }, () => []);
  let row = -1;
  layout.lines.forEach((line, i) => {
    while (row + 1 < rows && layout.rowStarts[row + 1]! <= i) row++;
    const text = lineText(line);
    const role = layout.roles[i];
    const take = (into: string[][], part: string): void => {
      into[row]!.push(...words(part).map(unmarked).filter(Boolean));
    };
    if (role === 'a' || role === 'same') take(a, text.slice(MARGIN + GUTTER));
    if (role === 'b' || role === 'same') take(b, text.slice(MARGIN + GUTTER));
    if (role === 'pair') {
      const { width, bStart } = layout.columns!;
      take(a, text.slice(MARGIN + GUTTER, MARGIN + width));
      take(b, text.slice(MARGIN + bStart + GUTTER));
    }
  });
  return { a, b };
}

/** Rows in A's order: by paragraph, then by the first word within it. */
const inAOrder = (rows: readonly Row[]): number[] =>
  rows
    .map((row, i) => ({ row, i }))
    .filter(({ row }) => row.a !== null)
    .sort((x, y) => x.row.a! - y.row.a! || (x.row.aStart ?? 0) - (y.row.aStart ?? 0))
    .map(({ i }) => i);

describe('layoutCompare', () => {
  it('fits every line in the width and shows every word of both versions, in order', () => {
    const pairs = corpus.versions.flatMap((a) => corpus.versions.map((b) => [a, b] as const));
    fc.assert(
      fc.property(
        fc.constantFrom(...pairs),
        fc.integer({ min: 40, max: 220 }),
        fc.boolean(),
        fc.constantFrom(colorTheme, monoTheme),
        ([a, b], width, sideBySide, theme) => {
          const comparison = compare(a, b);
          const layout = layoutCompare(comparison, width, theme, sideBySide);
          expect(layout.roles).toHaveLength(layout.lines.length);
          for (const line of layout.lines) expect(lineWidth(line)).toBeLessThanOrEqual(width);
          expect(layout.columns !== null).toBe(sideBySide && width >= 120);
          const shown = shownWords(layout, comparison.rows.length);
          // B's side, row after row, is B word for word; A's side, in A's order, is A.
          expect(shown.b.flat()).toEqual(words(b.paragraphs.join('\n')));
          const aWords = inAOrder(comparison.rows).flatMap((i) => shown.a[i]!);
          expect(aWords).toEqual(words(a.paragraphs.join('\n')));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('starts each row where rowStarts says, and lists the changed rows', () => {
    const [a, b] = [findVersion(corpus, '000'), findVersion(corpus, '003')];
    const comparison = compare(a, b);
    const layout = layoutCompare(comparison, 80, colorTheme, false);
    expect(layout.rowStarts).toHaveLength(comparison.rows.length);
    expect(layout.changeRows).toEqual(
      comparison.rows.flatMap((row, i) => (row.kind === 'same' ? [] : [i])),
    );
    const moved = comparison.rows.findIndex((row) => row.kind === 'moved');
    expect(lineText(layout.lines[layout.rowStarts[moved]!]!)).toMatch(/^ ¶\d+ · ↕ moved from ¶\d+/);
  });

  it("shows a rewritten passage whole, A's text and then B's, each in its sign", () => {
    // They pair by the sentence they share, but keep only its 4 words of 25.
    const a = {
      paragraphs: [
        'Rubio spoke on Friday. Officials said the talks would resume next week without ' +
          'preconditions, and that both delegations had agreed to meet again in Cairo.',
      ],
    };
    const b = {
      paragraphs: [
        'Rubio spoke on Friday. Negotiators warned the fragile truce could collapse within days ' +
          'unless the two sides found a compromise on the release of prisoners.',
      ],
    };
    const comparison = compare(a, b);
    expect(comparison.rows.map((r) => r.kind)).toEqual(['rewritten']);
    for (const theme of [colorTheme, monoTheme]) {
      const layout = layoutCompare(comparison, 200, theme, false);
      const text = layout.lines.map(lineText);
      expect(text[0]).toMatch(/^ ¶1 · rewritten/);
      // No word soup: A's sentence whole, then B's, with no marks inside.
      expect(text[1]).toBe(' −   ¶1 ' + a.paragraphs[0]);
      expect(text[2]).toBe(' +   ¶1 ' + b.paragraphs[0]);
      // The whole text in the change's tone, the shared words too.
      expect(layout.lines[1]!.slice(3).every((s) => s.tone === 'delete')).toBe(true);
      expect(layout.lines[2]!.slice(3).every((s) => s.tone === 'insert')).toBe(true);
    }
  });

  it('shows site chrome dim', () => {
    const a = { paragraphs: ['Share on Facebook', 'The talks went on.'], chrome: [0] };
    const b = { paragraphs: ['Share on X', 'The talks went on.'], chrome: [0] };
    const comparison = compare(a, b);
    const layout = layoutCompare(comparison, 80, colorTheme, false);
    const chromeRow = comparison.rows.findIndex((r) => r.chrome);
    expect(chromeRow).toBeGreaterThanOrEqual(0);
    const end = layout.rowStarts[chromeRow + 1] ?? layout.lines.length;
    let texts = 0;
    for (let i = layout.rowStarts[chromeRow]!; i < end; i++) {
      if (layout.roles[i] !== 'a' && layout.roles[i] !== 'b' && layout.roles[i] !== 'same')
        continue;
      // After the margin and the gutter, every segment of text is dim.
      const text = layout.lines[i]!.slice(3).filter((s) => s.text.trim() !== '');
      expect(text.length).toBeGreaterThan(0);
      for (const s of text) expect(s.tone, s.text).toBe('dim');
      texts++;
    }
    expect(texts).toBeGreaterThan(0);
  });
});
