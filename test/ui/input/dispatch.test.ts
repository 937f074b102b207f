import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../source/corpus/load.js';
import { shortLabels } from '../../../source/corpus/labels.js';
import type { Corpus } from '../../../source/corpus/types.js';
import { dispatch } from '../../../source/ui/input/dispatch.js';
import { parseKeys } from '../../../source/ui/input/keys.js';
import { initialState, Layouts, type Context, type UiState } from '../../../source/ui/state.js';
import { monoTheme } from '../../../source/ui/theme.js';

/** The dispatcher without Ink: bytes in, state and terminal requests out. */

let corpus: Corpus;
let ctx: Context;
beforeAll(() => {
  corpus = loadCorpus();
  ctx = {
    layouts: new Layouts(corpus, shortLabels(corpus.versions), monoTheme, false),
    stories: null,
    width: 80,
    paneHeight: 22,
    helpLength: 60,
    search: () => [],
  };
});

/** Apply every key in `bytes`, as one read; returns the state and the terminal requests. */
function run(state: UiState, bytes: string, tooSmall = false) {
  const requests: string[] = [];
  for (const event of parseKeys(bytes)) {
    const result = dispatch(state, ctx, event, tooSmall);
    state = result.state;
    if (result.request) requests.push(result.request);
  }
  return { state, requests };
}

describe('the key dispatcher', () => {
  it('types a paste into the search box and ignores it elsewhere', () => {
    const paste = '\u001B[200~qqq\u001B[201~';
    expect(run(initialState(), paste).state).toEqual(initialState());
    const searching = run(initialState(), '/' + paste).state;
    expect(searching.pane).toBe('search');
    expect(searching.search.query).toBe('qqq');
  });

  it('opens the picker, moves in it and picks by place', () => {
    const picking = run(initialState(), 'cjj').state;
    expect(picking.overlay).toMatchObject({ kind: 'picker', cursor: 2 });
    const picked = run(initialState(), 'c3').state;
    expect(picked.pane).toBe('compare');
    expect(picked.overlay).toBeNull();
    expect(picked.compare?.a).toBe(corpus.versions[0]!.id);
  });

  it('sends Ctrl-L and Ctrl-Z to the terminal, leaving the state alone', () => {
    const { state, requests } = run(initialState(), '\u000C\u001A');
    expect(requests).toEqual(['redraw', 'suspend']);
    expect(state).toEqual(initialState());
  });

  it('takes only q, Ctrl-C, Ctrl-L and Ctrl-Z in a terminal too small to draw', () => {
    expect(run(initialState(), 'jc/\r', true).state).toEqual(initialState());
    expect(run(initialState(), 'q', true).state.quit).toBe(true);
    expect(run(initialState(), '\u0003', true).state.quit).toBe(true);
  });

  it('steps back once per Escape, two in one read included', () => {
    const deep = run(initialState(), '\r/').state;
    expect(deep.pane).toBe('search');
    expect(run(deep, '\u001B').state.pane).toBe('reader');
    expect(run(deep, '\u001B\u001B').state.pane).toBe('stories');
  });
});
