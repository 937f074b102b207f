import { describe, expect, it } from 'vitest';
import {
  applyAction,
  initialState,
  keepPlace,
  rangesIn,
  type Context,
  type UiState,
} from '../../../source/ui/state.js';
import { selectReader } from '../../../source/ui/state/reader.js';
import { context, version, run } from './context.js';

/** The paragraph the reader's top line is in (the blank line above one counts as its own). */
function paragraphAtTop(state: UiState, ctx: Context): number {
  const view = selectReader(state, ctx)!;
  return view.layout.paragraphStarts.findLastIndex((start) => start <= view.top + 1);
}

describe('the reader model', () => {
  it('goes from Stories to the reader and back, then quits from the top', () => {
    const ctx = context();
    const reading = run(initialState(), ctx, 'j\r');
    expect(reading.pane).toBe('reader');
    expect(reading.reader?.versionId).toBe(version('003').id);
    expect(reading.history).toEqual(['stories']);
    const home = applyAction(reading, ctx, 'back');
    expect(home.pane).toBe('stories');
    expect(home.stories.cursor).toBe(1);
    expect(applyAction(home, ctx, 'quit').quit).toBe(true);
  });

  it('goes to a comparison from the reader, and back to the reader', () => {
    const ctx = context();
    const comparing = run(initialState(), ctx, '\rc1');
    expect(comparing.pane).toBe('compare');
    expect(comparing.compare?.a).toBe(version('000').id);
    expect(applyAction(comparing, ctx, 'back').pane).toBe('reader');
  });

  it('keeps the same paragraph at the top when the width changes', () => {
    const wide = context(100, 22);
    const narrow = context(44, 22);
    let state = run(initialState(), wide, '\r');
    for (let i = 0; i < 30; i++) state = applyAction(state, wide, 'down');
    // The top on a paragraph's first line.
    while (!selectReader(state, wide)!.layout.paragraphStarts.includes(state.reader!.top))
      state = applyAction(state, wide, 'down');
    const before = paragraphAtTop(state, wide);
    expect(before).toBeGreaterThan(2);
    const after = keepPlace(state, wide, narrow);
    expect(paragraphAtTop(after, narrow)).toBe(before);
    expect(selectReader(after, narrow)!.top).not.toBe(selectReader(state, wide)!.top);
  });

  it('jumps to the search hits in the version with n, wrapping around', () => {
    const ctx = context();
    const state = run(initialState(), ctx, '/talks\r');
    expect(state.pane).toBe('reader');
    const first = state.reader!.hitParagraph!;
    const next = applyAction(state, ctx, 'nextHit');
    const [, at, of] = /^hit (\d+) of (\d+)/.exec(next.message ?? '') ?? [];
    expect(Number(of)).toBeGreaterThan(1);
    expect(next.reader!.hitParagraph).not.toBe(first);
    let last = next;
    for (let i = Number(at); i <= Number(of); i++) last = applyAction(last, ctx, 'nextHit');
    expect(last.message).toMatch(/^hit 1 of \d+, from the top/);
  });
});

describe('rangesIn: a hit found in one copy of a passage, highlighted in another', () => {
  const passage = 'Naim said the “talks” should go on.';
  const talks = [passage.indexOf('talks'), passage.indexOf('talks') + 5] as const;

  it('finds the match in a copy with straight quotes', () => {
    const copy = 'Naim said the "talks" should go on.';
    expect(rangesIn(copy, passage, [talks])).toEqual([[15, 20]]);
  });

  it('is not thrown off by letters whose lower case is longer (İ)', () => {
    const copy = 'İİ Naim said the "talks" should go on.';
    const [[start, end]] = rangesIn(copy, passage, [talks]) as [[number, number]];
    expect(copy.slice(start, end)).toBe('talks');
  });

  it('keeps the ranges when the text is the passage itself', () => {
    expect(rangesIn(passage, passage, [talks])).toEqual([talks]);
  });
});
