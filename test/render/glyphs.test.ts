import { afterEach, describe, expect, it } from 'vitest';
import { compare } from '../../source/compare/index.js';
import { loadCorpus } from '../../source/corpus/load.js';
import { findVersion } from '../../source/corpus/resolve.js';
import {
  ASCII_GLYPHS,
  chooseGlyphs,
  glyphs,
  setGlyphs,
  UNICODE_GLYPHS,
  wantsUnicode,
} from '../../source/render/glyphs.js';
import { paragraphLabel, rowLabel, substitutionLabel } from '../../source/render/labels.js';
import { lineText, truncateLine, seg } from '../../source/render/line.js';
import { colorTheme, monoTheme } from '../../source/render/theme.js';
import { compareHeader, layoutCompare } from '../../source/ui/layout/compare.js';

afterEach(() => void setGlyphs(UNICODE_GLYPHS));

const ASCII = /^[\x20-\x7e]*$/;

describe('choosing the chrome from the locale', () => {
  it('follows LC_ALL, then LC_CTYPE, then LANG, the first that is set and not empty', () => {
    expect(wantsUnicode({ LANG: 'en_US.UTF-8' })).toBe(true);
    expect(wantsUnicode({ LANG: 'C.utf8' })).toBe(true);
    expect(wantsUnicode({ LANG: 'C' })).toBe(false);
    expect(wantsUnicode({ LANG: 'en_US.ISO-8859-1' })).toBe(false);
    expect(wantsUnicode({ LC_ALL: 'C', LANG: 'en_US.UTF-8' })).toBe(false);
    expect(wantsUnicode({ LC_CTYPE: 'POSIX', LANG: 'en_US.UTF-8' })).toBe(false);
    expect(wantsUnicode({ LC_ALL: '', LC_CTYPE: 'C.UTF-8', LANG: 'C' })).toBe(true);
  });

  it('takes UTF-8 when no locale is set at all, and never on the Linux console', () => {
    expect(wantsUnicode({})).toBe(true);
    expect(wantsUnicode({ LANG: '', TERM: 'xterm-256color' })).toBe(true);
    expect(wantsUnicode({ TERM: 'linux' })).toBe(false);
    expect(wantsUnicode({ TERM: 'linux', LANG: 'en_US.UTF-8' })).toBe(false);
    expect(chooseGlyphs({ LC_ALL: 'C' })).toBe(ASCII_GLYPHS);
    expect(chooseGlyphs({ LC_ALL: 'C.UTF-8' })).toBe(UNICODE_GLYPHS);
  });

  it('has an ASCII stand-in for every glyph', () => {
    for (const [name, value] of Object.entries(ASCII_GLYPHS)) {
      expect(value, name).toMatch(ASCII);
      expect(value.length, name).toBeGreaterThan(0);
    }
    expect(Object.keys(ASCII_GLYPHS)).toEqual(Object.keys(UNICODE_GLYPHS));
  });
});

describe('the chrome with LC_ALL=C', () => {
  const corpus = loadCorpus();
  const a = findVersion(corpus, '000');
  const b = findVersion(corpus, '003');
  /** The corpus's own text, which is shown as it is. */
  const corpusText = [...a.paragraphs, ...b.paragraphs, a.title, b.title].join(' ');
  /**
   * What a line adds to the corpus: its words that are not the corpus's own (wdiff marks and a
   * separating semicolon taken out), which is the chrome.
   */
  const chrome = (text: string): string =>
    text
      .split(/\s+/)
      .filter((word) => !corpusText.includes(word.replace(/\[-|-\]|\{\+|\+\}|;$/g, '')))
      .join(' ');

  it('writes labels, signs, rules and cuts in ASCII', () => {
    setGlyphs(chooseGlyphs({ LC_ALL: 'C' }));
    expect(glyphs().name).toBe('ascii');
    expect(paragraphLabel(3)).toBe('#4');
    expect(lineText(substitutionLabel({ from: 'Turkey', to: 'Türkiye', count: 2 }))).toBe(
      'Turkey -> Türkiye x2',
    );
    expect(lineText(truncateLine([seg('a long line of text')], 10))).toBe('a long li~');
    const comparison = compare(a, b);
    const moved = comparison.rows.find((row) => row.kind === 'moved')!;
    expect(lineText(rowLabel(moved))).toMatch(/^#\d+ - ~ moved from #\d+/);
  });

  it('lays out the comparison and its header with ASCII chrome, the text as it is', () => {
    setGlyphs(chooseGlyphs({ LC_ALL: 'C' }));
    const comparison = compare(a, b);
    const names = { a: '000', b: '003', aTitle: a.title, bTitle: b.title };
    for (const [width, twoColumns, theme] of [
      [80, false, colorTheme],
      [80, false, monoTheme],
      [140, true, colorTheme],
    ] as const) {
      const lines = [
        ...compareHeader(comparison, names, width, twoColumns, theme.markers),
        ...layoutCompare(comparison, width, theme, twoColumns).lines,
      ].map(lineText);
      for (const line of lines) expect(chrome(line), line).toMatch(ASCII);
      // The corpus's own letters are still there.
      expect(lines.join('\n')).toContain('Türkiye');
    }
  });

  it('writes the same layout in Unicode chrome otherwise', () => {
    const comparison = compare(a, b);
    const text = layoutCompare(comparison, 80, colorTheme, false).lines.map(lineText).join('\n');
    expect(text).toContain('¶');
    expect(text).toContain('−');
  });
});
