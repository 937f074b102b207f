import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import {
  lineText,
  lineWidth,
  padLine,
  seg,
  truncateLine,
  wrapSegments,
} from '../../source/render/line.js';
import { inert, inertText } from '../../source/render/inert.js';
import { graphemes } from '../../source/text/graphemes.js';
import { hostileText, leaks } from '../helpers/hostile-text.js';

describe('wrapSegments', () => {
  it('wraps at word boundaries and keeps tones', () => {
    const lines = wrapSegments(
      [seg('the quick brown '), seg('fox', 'insert'), seg(' jumps over')],
      11,
    );
    expect(lines.map(lineText)).toEqual(['the quick', 'brown fox', 'jumps over']);
    expect(lines[1]).toEqual([seg('brown '), seg('fox', 'insert')]);
  });

  it('keeps a word whole across tone changes inside it', () => {
    const lines = wrapSegments([seg('aaaa '), seg('mili', 'delete'), seg('tant', 'insert')], 8);
    expect(lines.map(lineText)).toEqual(['aaaa', 'militant']);
  });

  it('breaks a word longer than the line, and counts wide characters as two columns', () => {
    expect(wrapSegments([seg('abcdefghij')], 4).map(lineText)).toEqual(['abcd', 'efgh', 'ij']);
    const wide = wrapSegments([seg('加沙停火谈判')], 5).map(lineText);
    expect(wide).toEqual(['加沙', '停火', '谈判']);
  });

  it('never makes a line wider than the width, and loses no word', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(fc.constantFrom('a', 'bb', 'ccc', 'Türkiye', '加沙', 'x'.repeat(30), ' ', '  ')),
          {
            maxLength: 60,
          },
        ),
        // A wide character needs two columns; no line is narrower than that.
        fc.integer({ min: 2, max: 50 }),
        (parts, width) => {
          const text = parts.join(' ');
          const lines = wrapSegments([seg(text)], width);
          for (const line of lines) expect(lineWidth(line)).toBeLessThanOrEqual(width);
          expect(lines.map(lineText).join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
        },
      ),
    );
  });
});

describe('truncateLine and padLine', () => {
  it('cuts to the width with an ellipsis, and pads to exactly the width', () => {
    const line = [seg('Witkoff meets '), seg('Türkiye', 'insert')];
    expect(lineText(truncateLine(line, 10))).toBe('Witkoff m…');
    expect(lineWidth(truncateLine(line, 10))).toBe(10);
    expect(truncateLine(line, 40)).toBe(line);
    expect(stringWidth(lineText(padLine(line, 30)))).toBe(30);
  });
});

describe('the line model, on any text', () => {
  const tones = fc.constantFrom('plain', 'insert', 'delete', 'match', 'dim') as fc.Arbitrary<
    'plain' | 'insert' | 'delete' | 'match' | 'dim'
  >;
  const segments = fc.array(
    fc.record({ text: fc.oneof(hostileText(6), fc.string()), tone: tones }),
    { maxLength: 6 },
  );

  it('wraps every line to the width, keeping every word in order, and no control character', () => {
    fc.assert(
      fc.property(segments, fc.integer({ min: 2, max: 60 }), (given, width) => {
        const lines = wrapSegments(given, width);
        for (const line of lines) expect(stringWidth(lineText(line))).toBeLessThanOrEqual(width);
        // Only spaces, tabs and newlines are added or dropped; control characters show as text.
        const words = (text: string): string => inertText(text).replace(/[ \t\n]+/g, '');
        expect(words(lines.map(lineText).join(''))).toBe(words(given.map((s) => s.text).join('')));
        for (const line of lines) for (const s of line) expect(leaks(s.text)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  /** Cut as the plain definition says: grapheme by grapheme, each measured by string-width. */
  function cutByGraphemes(
    given: readonly { text: string; tone: 'plain' | 'insert' | 'delete' | 'match' | 'dim' }[],
    width: number,
  ): string[] {
    const shown = given.map((segment) => inert(segment.text));
    if (stringWidth(shown.join('')) <= width) return shown;
    const room = Math.max(0, width - stringWidth('…'));
    const out: string[] = [];
    let used = 0;
    for (const text of shown) {
      let kept = '';
      for (const grapheme of graphemes(text)) {
        const w = stringWidth(grapheme);
        if (used + w > room) break;
        kept += grapheme;
        used += w;
      }
      if (kept) out.push(kept);
      if (kept.length < text.length) {
        if (used + stringWidth('…') <= width) out.push('…');
        return out;
      }
    }
    return out;
  }

  it('keeps the longest start of a line that fits, cut between graphemes, ASCII or not', () => {
    fc.assert(
      fc.property(segments, fc.integer({ min: 0, max: 60 }), (given, width) => {
        const cut = truncateLine(given, width, '…');
        expect(cut.map((segment) => segment.text)).toEqual(cutByGraphemes(given, width));
      }),
      { numRuns: 500 },
    );
  });

  it('cuts and pads a line to exactly its box, as the reader hands it to Ink', () => {
    fc.assert(
      fc.property(segments, fc.integer({ min: 1, max: 60 }), (given, width) => {
        expect(stringWidth(lineText(truncateLine(given, width)))).toBeLessThanOrEqual(width);
        expect(stringWidth(lineText(padLine(given, width)))).toBe(width);
      }),
      { numRuns: 300 },
    );
  });
});
