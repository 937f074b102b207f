import { afterEach, describe, expect, it } from 'vitest';
import { ASCII_GLYPHS, setGlyphs, UNICODE_GLYPHS } from '../../../source/render/glyphs.js';
import { lineText, lineWidth } from '../../../source/render/line.js';
import { BINDINGS } from '../../../source/ui/keymap.js';
import {
  helpLines,
  helpScreen,
  helpWhere,
  openHelp,
  scrollHelp,
} from '../../../source/ui/state/help.js';

afterEach(() => void setGlyphs(UNICODE_GLYPHS));

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

describe('the help screen', () => {
  it('lists every binding of the keymap, the picker and the help screen included', () => {
    const text = helpLines(100).map(lineText).join('\n');
    for (const binding of BINDINGS) expect(text).toContain(binding.help);
    expect(text).toMatch(/^Compare picker$/m);
    expect(text).toMatch(/^This help screen$/m);
    expect(text).toMatch(/^ {2}Esc q \? +close the help screen$/m);
    expect(text).toMatch(/^ {2}w +list every word substitution/m);
  });

  it('wraps every line to the width, notes and descriptions whole, at any width', () => {
    const wide = helpLines(200).map(lineText).join(' ');
    for (const width of [40, 57, 80, 120]) {
      const lines = helpLines(width);
      for (const line of lines) expect(lineWidth(line)).toBeLessThanOrEqual(width);
      // The same words in the same order as on a wide screen: nothing cut, nothing lost.
      expect(words(lines.map(lineText).join(' '))).toEqual(words(wide));
    }
    expect(wide).toContain('which are not edits.');
  });

  it('says where it stands, and scrolls with the usual keys within its length', () => {
    const lines = helpLines(80);
    const paneHeight = 22;
    let help = openHelp();
    const at = () => helpScreen(help, lines, 80, paneHeight);
    expect(lineText(at().header)).toBe(
      `Keys · lines 1–21 of ${lines.length} · j k Space b scroll · Esc q ? close`,
    );
    help = scrollHelp(help, 'down', paneHeight, lines.length);
    expect(at().top).toBe(1);
    help = scrollHelp(help, 'pageDown', paneHeight, lines.length);
    expect(at().top).toBe(21);
    help = scrollHelp(help, 'bottom', paneHeight, lines.length);
    expect(at().end).toBe(lines.length);
    expect(helpWhere(at())).toBe(
      `Help · lines ${lines.length - 20}–${lines.length} of ${lines.length}`,
    );
    help = scrollHelp(help, 'top', paneHeight, lines.length);
    expect(at().top).toBe(0);
  });

  it('keeps its position line whole on a narrow screen', () => {
    const lines = helpLines(40);
    const header = lineText(helpScreen(openHelp(), lines, 40, 8).header);
    expect(header).toBe(`Keys · lines 1–7 of ${lines.length} · j k scroll`);
  });

  it('writes its chrome and key names in ASCII when the chrome is ASCII', () => {
    setGlyphs(ASCII_GLYPHS);
    const lines = helpLines(80);
    const text = lines.map(lineText).join('\n');
    expect(text).toMatch(/^ {2}j Down +move down one line$/m);
    expect(text).toMatch(/^ {2}1-9 +compare with the version/m);
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
    expect(lineText(helpScreen(openHelp(), lines, 80, 22).header)).toMatch(/^Keys - lines 1-21 of/);
  });
});
