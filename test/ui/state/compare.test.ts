import { describe, expect, it } from 'vitest';
import { shortLabels } from '../../../source/corpus/labels.js';
import { loadCorpus } from '../../../source/corpus/load.js';
import { findVersion } from '../../../source/corpus/resolve.js';
import { lineText, lineWidth } from '../../../source/render/line.js';
import { colorTheme } from '../../../source/render/theme.js';
import { hintsFor } from '../../../source/ui/keymap.js';
import {
  compareHints,
  comparePair,
  compareScreen,
  CompareViews,
  keepComparePlace,
  openSubstitutions,
  reduceCompare,
  scrollSubstitutions,
  substitutionsScreen,
  type CompareAction,
  type CompareContext,
  type CompareSlice,
} from '../../../source/ui/state/compare.js';

const corpus = loadCorpus();
const byId = new Map(corpus.versions.map((v) => [v.id, v]));
const views = new CompareViews(
  (id) => byId.get(id),
  shortLabels(corpus.versions),
  colorTheme,
  false,
);
const id = (label: string): string => findVersion(corpus, label).id;

/** The Compare view of 000 and 003 in a terminal of `width` × `rows` (one row for the status). */
function context(width = 80, rows = 24): CompareContext {
  return { views, width, paneHeight: rows - 2 };
}

const fresh = (): CompareSlice => ({
  compare: comparePair(id('000'), id('003')),
  sideBySide: false,
  message: null,
});

/** The pane as text: header and body. */
function screenText(state: CompareSlice, ctx: CompareContext): string {
  const view = views.view(state.compare!, ctx.width, state.sideBySide)!;
  const screen = compareScreen(view, state.compare!, ctx.paneHeight);
  return [...screen.header, ...screen.body].map(lineText).join('\n');
}

function apply(state: CompareSlice, ctx: CompareContext, ...actions: CompareAction[]) {
  return actions.reduce((s, action) => reduceCompare(s, action, ctx), state);
}

describe('Compare: jumping to changes', () => {
  it('marks each change in turn, and every ] changes the screen until there are no more', () => {
    for (const ctx of [context(80, 24), context(200, 50)]) {
      let state = fresh();
      if (ctx.width >= 120) state = apply(state, ctx, 'sideBySide');
      const total = views.view(state.compare!, ctx.width, state.sideBySide)!.layout.changeRows
        .length;
      expect(total).toBe(16);
      let before = screenText(state, ctx);
      for (let k = 1; k <= total; k++) {
        state = apply(state, ctx, 'nextChange');
        expect(state.message).toBe(`change ${k} of ${total}`);
        expect(state.compare!.change).toBe(k - 1);
        const now = screenText(state, ctx);
        // Even on the last page, where nothing can scroll, the mark moves.
        expect(now, `change ${k} at ${ctx.width} columns`).not.toBe(before);
        before = now;
      }
      state = apply(state, ctx, 'nextChange');
      expect(state.message).toBe('no more changes below');
      expect(screenText(state, ctx)).toBe(before);
    }
  });

  it('marks the whole row of the current change in the margin, and nothing else', () => {
    const ctx = context();
    const state = apply(fresh(), ctx, 'nextChange', 'nextChange');
    const view = views.view(state.compare!, ctx.width, false)!;
    const screen = compareScreen(view, state.compare!, ctx.paneHeight);
    const row = view.layout.changeRows[1]!;
    const rowLines = view.layout.rowStarts[row + 1]! - 1 - view.layout.rowStarts[row]!;
    expect(screen.marked).toEqual(Array.from({ length: rowLines }, (_, i) => i));
    screen.body.forEach((line, i) =>
      expect(lineText(line)[0]).toBe(screen.marked.includes(i) ? '▍' : ' '),
    );
  });

  it('goes back with [, and says so at the first change', () => {
    const ctx = context();
    let state = apply(fresh(), ctx, 'nextChange', 'nextChange', 'nextChange', 'prevChange');
    expect(state.message).toBe('change 2 of 16');
    state = apply(state, ctx, 'prevChange');
    expect(state.message).toBe('change 1 of 16');
    state = apply(state, ctx, 'prevChange');
    expect(state.message).toBe('no more changes above');
    expect(state.compare!.change).toBe(0);
  });

  it('keeps the mark while scrolling, and starts from the screen once the mark is gone', () => {
    const ctx = context();
    let state = apply(fresh(), ctx, 'nextChange');
    state = apply(state, ctx, 'down');
    expect(state.compare!.change).toBe(0);
    // The mark is still on screen: ] steps from it.
    expect(apply(state, ctx, 'nextChange').message).toBe('change 2 of 16');
    state = apply(state, ctx, 'pageDown', 'pageDown', 'pageDown');
    const view = views.view(state.compare!, ctx.width, false)!;
    const starts = view.layout.changeRows.map((r) => view.layout.rowStarts[r]!);
    const expected = starts.findIndex((s) => s >= state.compare!.top) + 1;
    expect(apply(state, ctx, 'nextChange').message).toBe(`change ${expected} of 16`);
    expect(expected).toBeGreaterThan(2);
  });
});

describe('Compare: swapping and side by side', () => {
  it('swaps the versions with x, from the top, and the header says which way it reads', () => {
    const ctx = context();
    const state = apply(fresh(), ctx, 'nextChange', 'swap');
    expect(state.compare).toEqual(comparePair(id('003'), id('000')));
    expect(screenText(state, ctx).split('\n')[0]).toMatch(/^ What 000 changed from 003\b/);
    expect(screenText(fresh(), ctx).split('\n')[0]).toMatch(/^ What 003 changed from 000\b/);
  });

  it('needs 120 columns for side by side, and says so', () => {
    const state = apply(fresh(), context(100), 'sideBySide');
    expect(state.sideBySide).toBe(false);
    expect(state.message).toBe('side by side needs 120 columns; this terminal has 100');
  });

  it('keeps the same row at the top and the mark when going side by side and back', () => {
    const ctx = context(160, 40);
    const start = apply(fresh(), ctx, 'nextChange', 'nextChange', 'nextChange', 'nextChange');
    const rowAtTop = (state: CompareSlice): number => {
      const view = views.view(state.compare!, ctx.width, state.sideBySide)!;
      return view.layout.rowStarts.findLastIndex((s) => s <= state.compare!.top);
    };
    const two = apply(start, ctx, 'sideBySide');
    expect(two.sideBySide).toBe(true);
    expect(rowAtTop(two)).toBe(rowAtTop(start));
    expect(two.compare!.change).toBe(start.compare!.change);
    const one = apply(two, ctx, 'sideBySide');
    expect(one.compare).toEqual(start.compare);
  });

  it("heads the columns with each version's name side by side", () => {
    const ctx = context(140, 30);
    const text = screenText(apply(fresh(), ctx, 'sideBySide'), ctx).split('\n');
    expect(text[2]).toMatch(/^ − 000 {2}\S.* │ \+ 003 {2}\S/);
  });

  it('hints what s will do now: side by side, one column, or nothing when too narrow', () => {
    const hints = hintsFor('compare');
    const s = (twoColumns: boolean, width: number) =>
      compareHints(hints, twoColumns, width).find((h) => h.key === 's')?.hint;
    expect(s(false, 140)).toBe('side by side');
    expect(s(true, 140)).toBe('one column');
    expect(s(false, 80)).toBeUndefined();
    const keys = compareHints(hints, false, 80).map((h) => h.key);
    expect(keys).toEqual(expect.arrayContaining([']', '[', 'x']));
  });
});

describe('Compare: keeping place and the header', () => {
  it('keeps the same row at the top after a resize', () => {
    const before = context(80, 24);
    const after = context(140, 40);
    const state = apply(fresh(), before, 'nextChange', 'nextChange', 'nextChange', 'nextChange');
    const kept = keepComparePlace(state, before, after);
    const row = (s: CompareSlice, ctx: CompareContext): number =>
      views
        .view(s.compare!, ctx.width, false)!
        .layout.rowStarts.findLastIndex((start) => start <= s.compare!.top);
    expect(row(kept, after)).toBe(row(state, before));
    expect(kept.compare!.change).toBe(state.compare!.change);
  });

  it('takes three rows at 80×24, leaving at least 18 for the text', () => {
    const ctx = context(80, 24);
    const view = views.view(fresh().compare!, 80, false)!;
    const screen = compareScreen(view, fresh().compare!, ctx.paneHeight);
    expect(screen.header).toHaveLength(3);
    expect(screen.body.length).toBeGreaterThanOrEqual(18);
    for (const line of screen.header) expect(lineWidth(line)).toBeLessThanOrEqual(80);
    const [direction, swaps, legend] = screen.header.map(lineText);
    expect(direction).toBe(' What 003 changed from 000: −37 +155 words · 2 moved · 83% similar');
    expect(swaps).toBe(' Swapped: militant → resistance; 2 more, 2 repairs (w)');
    expect(legend).toMatch(/^ − 000 {2}\+ 003 ─+$/);
  });

  it('never cuts a substitution in the header, at any width', () => {
    for (let width = 40; width <= 200; width++) {
      const view = views.view(fresh().compare!, width, false)!;
      const swaps = lineText(view.header[1]!);
      expect(swaps).not.toContain('…');
      expect(lineWidth(view.header[1]!)).toBeLessThanOrEqual(width);
      for (const s of view.comparison.substitutions) {
        // A substitution shows whole or not at all.
        if (swaps.includes(`${s.from} →`)) expect(swaps).toContain(`${s.from} → ${s.to}`);
      }
    }
  });

  it('lists every substitution whole, the editorial ones first, then the repairs', () => {
    const list = views.substitutions(fresh().compare!, 80).map(lineText);
    const at = (text: string): number => list.findIndex((l) => l.includes(text));
    expect(list[0]).toBe('Substitutions: words 003 has in place of 000’s'.replace('’', "'"));
    expect(at('  militant → resistance')).toBeGreaterThan(0);
    expect(at('  militants → resistance movement')).toBeGreaterThan(0);
    expect(at('  Turkey → Türkiye')).toBeGreaterThan(0);
    expect(at('Repairs')).toBeGreaterThan(at('Turkey → Türkiye'));
    expect(at('  themust → the Gaza ceasefire must (repair)')).toBeGreaterThan(at('Repairs'));
    expect(at('  topofficial → top Hamas official (repair)')).toBeGreaterThan(at('Repairs'));
  });

  it('scrolls the list within its length, and says where it stands', () => {
    const list = views.substitutions(fresh().compare!, 40);
    let state = openSubstitutions();
    expect(substitutionsScreen(state, list.length, 4).where).toBe(
      `Substitutions · lines 1–4 of ${list.length}`,
    );
    state = scrollSubstitutions(state, 'bottom', 4, list.length);
    expect(substitutionsScreen(state, list.length, 4)).toEqual({
      top: list.length - 4,
      where: `Substitutions · lines ${list.length - 3}–${list.length} of ${list.length}`,
    });
    state = scrollSubstitutions(state, 'pageDown', 4, list.length);
    expect(state.top).toBe(list.length - 4);
  });
});
