import { beforeAll, describe, expect, it } from 'vitest';
import { collate } from '../../../source/collate/index.js';
import type { Collation } from '../../../source/collate/types.js';
import { loadCorpus } from '../../../source/corpus/load.js';
import {
  isTyping,
  openStoryState,
  storyReducer,
  typeStoryQuery,
  versionAtCursor,
  type StoryAction,
  type StoryFrame,
  type StoryViewState,
} from '../../../source/ui/state/story.js';

/** The story view's reducer without Ink: a state, a key's action and the view's frame in. */

let collation: Collation;
beforeAll(() => {
  collation = collate(loadCorpus().versions);
});

function frame(over: Partial<StoryFrame> = {}): StoryFrame {
  return {
    rows: collation.rows,
    versions: 5,
    columnsFit: 5,
    listHeight: 10,
    textHeight: 10,
    textLength: () => 40,
    ...over,
  };
}

function run(actions: readonly StoryAction[], f = frame(), from = openStoryState('s')) {
  let state: StoryViewState | null = from;
  let message: string | undefined;
  for (const action of actions) {
    if (!state) break;
    ({ state, message } = storyReducer(state, action, f));
  }
  return { state, message };
}

describe('the story view reducer', () => {
  it('moves the row cursor, scrolling only when it would leave the rows in view', () => {
    expect(run(['down', 'down']).state).toMatchObject({ row: 2, top: 0 });
    expect(run(Array(12).fill('down')).state).toMatchObject({ row: 12, top: 3 });
    expect(run(['bottom']).state).toMatchObject({ row: 30, top: 21 });
    expect(run(['bottom', 'top']).state).toMatchObject({ row: 0, top: 0 });
  });

  it('ignores moves while the story is aligning, and says so for ]', () => {
    const aligning = frame({ rows: null });
    expect(run(['down'], aligning).state).toEqual(openStoryState('s'));
    expect(run(['nextChange'], aligning).message).toBe('still aligning the versions');
  });

  it('goes to the rows where versions differ with ] and [', () => {
    const same = collation.rows.map((r, i) => (r.varies ? -1 : i)).filter((i) => i >= 0);
    const { state, message } = run(['nextChange']);
    expect(same).not.toContain(state!.row);
    expect(message).toMatch(/^row \d+: difference \d+ of \d+$/);
    expect(run(['prevChange']).message).toBe('no row above where versions differ');
    expect(run(['bottom', 'nextChange']).message).toBe('no row below where versions differ');
  });

  it('moves the version column, scrolling sideways past the columns that fit', () => {
    const three = frame({ columnsFit: 3 });
    expect(run(['right', 'right'], three).state).toMatchObject({ column: 2, left: 0 });
    expect(run(['right', 'right', 'right'], three).state).toMatchObject({ column: 3, left: 1 });
    expect(run(Array(9).fill('right'), three).state).toMatchObject({ column: 4, left: 2 });
    expect(run([...Array(9).fill('right'), 'left', 'left', 'left'], three).state).toMatchObject({
      column: 1,
      left: 1,
    });
    const state = run(['right'], three).state!;
    expect(versionAtCursor(state, ['000', '003', '001'])).toBe('003');
  });

  it('shows variants with Enter, fingerprints with F, and goes back a mode at a time', () => {
    const variants = run(['down', 'open']).state!;
    expect(variants).toMatchObject({ mode: 'variants', row: 1, scroll: 0 });
    // Moves scroll the text of a mode, within its length.
    expect(run(['down', 'down'], frame(), variants).state).toMatchObject({ row: 1, scroll: 2 });
    expect(run(['bottom'], frame(), variants).state).toMatchObject({ scroll: 30 });
    // ] from the variants shows the next differing row's variants.
    expect(run(['nextChange'], frame(), variants).state).toMatchObject({ mode: 'variants' });
    expect(run(['fingerprints']).state).toMatchObject({ mode: 'fingerprints' });
    expect(run(['fingerprints', 'fingerprints']).state).toMatchObject({ mode: 'overview' });
    expect(run(['back'], frame(), variants).state).toMatchObject({ mode: 'overview', row: 1 });
    // Back from the overview leaves the story view.
    expect(run(['back']).state).toBeNull();
  });

  it('takes a phrase after /, edits it, and lists its changes on Enter', () => {
    const prompt = run(['findInStory']).state!;
    expect(isTyping(prompt)).toBe(true);
    const typed = typeStoryQuery(typeStoryQuery(prompt, 'genocid'), 'al\u001B[2J\n');
    expect(typed.query).toBe('genocidal^[[2J ');
    // While the prompt is open, moves are not applied: the letters went into the phrase.
    expect(run(['down'], frame(), typed).state).toBe(typed);
    const erased = run(Array(6).fill('erase'), frame(), typed).state!;
    expect(erased.query).toBe('genocidal');
    const found = run(['open'], frame(), erased).state!;
    expect(found).toMatchObject({ mode: 'find', phrase: 'genocidal', query: null });
    expect(isTyping(found)).toBe(false);
    // Esc closes the prompt and keeps the mode; an empty phrase changes nothing.
    expect(run(['findInStory', 'back']).state).toEqual(openStoryState('s'));
    expect(run(['findInStory', 'open']).state).toEqual(openStoryState('s'));
  });
});
