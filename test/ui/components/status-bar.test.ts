import { describe, expect, it } from 'vitest';
import { statusLine } from '../../../source/ui/components/status-bar.js';
import { hintsFor, type View } from '../../../source/ui/keymap.js';

const text = (line: readonly { text: string }[]): string => line.map((s) => s.text).join('');

describe('the status line', () => {
  const views: View[] = ['stories', 'reader', 'search', 'compare'];

  it('shows whole hints only, the most important first, at every width', () => {
    for (const view of views) {
      const hints = hintsFor(view);
      const written = hints.map((h) => `${h.key.split(' ')[0]} ${h.hint}`);
      for (const width of [40, 60, 80, 100, 200]) {
        const line = text(statusLine('Reader · 003 · lines 1–20 of 90', null, hints, width));
        expect(line.length).toBeLessThanOrEqual(width);
        expect(line).not.toContain('…');
        const right = line.slice(' Reader · 003 · lines 1–20 of 90 '.length).trim();
        const shown = right === '' ? [] : right.split('  ');
        // A prefix of the hints, each whole.
        expect(shown).toEqual(written.slice(0, shown.length));
      }
      // Wide enough, every hint shows.
      const wide = text(statusLine('Reader', null, hints, 200));
      for (const hint of written) expect(wide).toContain(hint);
    }
  });

  it('gives a message room by shortening the place to the pane, and cuts it only at a space', () => {
    const message = 'side by side needs 120 columns; this terminal has 80';
    const line = text(statusLine('Compare · 000 → 003 · lines 1–16 of 120', message, [], 80));
    expect(line).toContain(message);
    expect(line.startsWith(' Compare ')).toBe(true);
    const narrow = text(statusLine('Compare', message, [], 50));
    expect(narrow.length).toBeLessThanOrEqual(50);
    expect(narrow).toMatch(/ side by side needs 120 columns; this \S*\s*…/);
  });
});
