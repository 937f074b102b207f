import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from '../../../source/compare/index.js';
import { loadCorpus } from '../../../source/corpus/load.js';
import { layoutCompare } from '../../../source/ui/layout/compare.js';
import { lineText, lineWidth } from '../../../source/render/line.js';
import { colorTheme, monoTheme } from '../../../source/ui/theme.js';

const corpus = loadCorpus();
const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

describe('layoutCompare', () => {
  it('fits every line in the width and loses no word of either version', () => {
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
          for (const line of layout.lines) expect(lineWidth(line)).toBeLessThanOrEqual(width);
          if (sideBySide || theme.markers) return;
          // Stacked, every word of B is on screen, in order, on the B side (or unchanged lines).
          const shown = layout.lines
            .map(lineText)
            .filter((t) => !/^[−↕]/.test(t) && !/^\s*$/.test(t))
            .map((t) => t.slice(7))
            .join(' ');
          for (const word of words(b.body).slice(0, 40)) expect(shown).toContain(word);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('starts each row where rowStarts says, and lists the changed rows', () => {
    const [a, b] = [corpus.versions[0]!, corpus.versions[3]!];
    const comparison = compare(a, b);
    const layout = layoutCompare(comparison, 80, colorTheme, false);
    expect(layout.rowStarts).toHaveLength(comparison.rows.length);
    expect(layout.changeRows).toEqual(
      comparison.rows.flatMap((row, i) => (row.kind === 'same' ? [] : [i])),
    );
    const moved = comparison.rows.findIndex((row) => row.kind === 'moved');
    expect(lineText(layout.lines[layout.rowStarts[moved]!]!)).toMatch(/^¶\d+ · ↕ moved from ¶\d+/);
  });
});
