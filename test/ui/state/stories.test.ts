import { describe, expect, it } from 'vitest';
import { compare } from '../../../source/compare/index.js';
import { percent } from '../../../source/render/labels.js';
import { applyAction, initialState, keepPlace } from '../../../source/ui/state.js';
import { selectStories } from '../../../source/ui/state/stories.js';
import { pickerChoices, visibleChoices } from '../../../source/ui/state/picker.js';
import { context, corpus, version } from './context.js';

const text = (line: readonly { text: string }[]): string => line.map((s) => s.text).join('');

describe('the stories model', () => {
  it('walks the versions with the cursor and opens the one under it', () => {
    const ctx = context();
    let state = initialState();
    for (const step of ['down', 'down', 'bottom', 'up'] as const) {
      state = applyAction(state, ctx, step);
    }
    expect(state.stories.cursor).toBe(3);
    expect(selectStories(state.stories, ctx).position).toBe(4);
    const opened = applyAction(state, ctx, 'open');
    expect(opened.reader?.versionId).toBe(selectStories(state.stories, ctx).version!.id);
  });

  it('keeps the cursor in view when the terminal gets shorter', () => {
    const tall = context(80, 22);
    const short = context(80, 4);
    let state = initialState();
    state = applyAction(state, tall, 'bottom');
    expect(state.stories.top).toBe(0);
    const kept = keepPlace(state, tall, short);
    const view = selectStories(kept.stories, short);
    expect(view.selectedRow).toBeGreaterThanOrEqual(0);
    expect(view.selectedRow).toBeLessThan(view.lines.length);
    expect(text(view.lines[view.selectedRow]!)).toContain('004');
  });

  it("shows compare's similarity for each closest version, the figure the picker shows", () => {
    const ctx = context();
    // A figure costs a full comparison: the row names the closest version at once, and shows
    // its figure once the comparisons it waits for are made.
    const before = selectStories(initialState().stories, ctx).lines.map(text);
    expect(before.find((l) => /^ {2}003 /.test(l))).toMatch(/≈000\s+A top/);
    expect(ctx.layouts.wantsFigures).toBe(true);
    expect(ctx.layouts.figureSteps(Infinity)).toBe(true);
    expect(ctx.layouts.wantsFigures).toBe(false);
    const lines = selectStories(initialState().stories, ctx).lines.map(text);
    const row = lines.find((l) => /^ {2}003 /.test(l))!;
    const [, closest, shown] = /≈(\d{3}) (\d+%)/.exec(row)!;
    expect(closest).toBe('000');
    const figure = compare(version('003'), version('000')).stats.similarity;
    expect(shown).toBe(percent(figure));
    // The picker from 000 shows the same figure for 003.
    const base = version('000');
    const choices = pickerChoices(corpus(), ctx.stories, base, 20, ctx.layouts.similarity);
    const shownInPicker = visibleChoices(choices, base, 0, 20, ctx.layouts.similarity).find(
      (c) => c.version.id === version('003').id,
    );
    expect(percent(shownInPicker!.similarity!)).toBe(shown);
    // Ranked by that figure when every choice is on screen.
    const figures = choices.map((c) => c.similarity!);
    expect([...figures].sort((x, y) => y - x)).toEqual(figures);
  });
});
