import { describe, expect, it } from 'vitest';
import { answerPending, initialState } from '../../../source/ui/state.js';
import { context, version, run } from './context.js';

/** The search model without Ink: keys in, state out, each query answered in its own transition. */

const ESC = '\u001B';
const CTRL_P = '\u0010';
const CTRL_N = '\u000E';
const RIGHT = '\u001B[C';

describe('the search model', () => {
  it('answers each letter in the same transition that types it', () => {
    const ctx = context();
    const state = run(initialState(), ctx, '/Rafah');
    expect(state.search.query).toBe('Rafah');
    expect(state.search.answered).toBe('Rafah');
    expect(state.search.hits?.length).toBe(1);
    expect(state.search.hits?.[0]?.passage).toContain('Rafah crossing');
  });

  it('reopens with the previous query selected: typing replaces it, → keeps it', () => {
    const ctx = context();
    const reopened = run(initialState(), ctx, `/genocidal${ESC}/`);
    expect(reopened.pane).toBe('search');
    expect(reopened.search.query).toBe('genocidal');
    expect(reopened.search.querySelected).toBe(true);
    expect(run(reopened, ctx, 'rafah').search.query).toBe('rafah');
    expect(run(reopened, ctx, `${RIGHT} talks`).search.query).toBe('genocidal talks');
    expect(run(reopened, ctx, '\u001B[F!x').search.query).toBe('genocidal!x');
    expect(run(reopened, ctx, '\u007F').search.query).toBe('');
  });

  it('opens the Rafah passage on /genocidal Esc /rafah Enter', () => {
    const ctx = context();
    const state = run(initialState(), ctx, `/genocidal${ESC}/rafah\r`);
    expect(state.pane).toBe('reader');
    const reader = state.reader!;
    expect(reader.versionId).toBe(version('002').id);
    expect(version('002').paragraphs[reader.hitParagraph!]).toContain('Rafah crossing');
  });

  it('goes through the queries of this session with Ctrl-P and Ctrl-N, keeping the one typed', () => {
    const ctx = context();
    const searched = run(initialState(), ctx, `/Rafah${ESC}/Witkoff${ESC}/hostages${ESC}/`);
    expect(searched.search.past).toEqual(['Rafah', 'Witkoff', 'hostages']);
    const typing = run(searched, ctx, 'ceasef');
    const older = run(typing, ctx, CTRL_P);
    expect(older.search.query).toBe('hostages');
    // Its results come with it.
    expect(older.search.answered).toBe('hostages');
    expect(run(older, ctx, CTRL_P).search.query).toBe('Witkoff');
    expect(run(older, ctx, CTRL_P + CTRL_P + CTRL_P).search.query).toBe('Rafah');
    expect(run(older, ctx, CTRL_P + CTRL_N).search.query).toBe('hostages');
    expect(run(older, ctx, CTRL_N).search.query).toBe('ceasef');
    // From the reopened query, the first Ctrl-P goes to the one before it.
    expect(run(searched, ctx, CTRL_P).search.query).toBe('Witkoff');
    // A recalled query can be typed on.
    expect(run(older, ctx, ' talks').search.query).toBe('hostages talks');
  });

  it('keeps each query once in the history, the latest last', () => {
    const ctx = context();
    const state = run(initialState(), ctx, `/a1${ESC}/b2${ESC}/a1${ESC}/${ESC}`);
    expect(state.search.past).toEqual(['b2', 'a1']);
  });

  it('moves through the results with the arrows, not the history keys', () => {
    const ctx = context();
    const state = run(initialState(), ctx, '/talks');
    expect(state.search.hits!.length).toBeGreaterThan(2);
    expect(run(state, ctx, '\u001B[B\u001B[B').search.cursor).toBe(2);
    expect(run(state, ctx, '\u001B[B\u001B[B\u001B[A').search.cursor).toBe(1);
  });

  it('hands the engine the query as typed, fzf syntax and all', () => {
    const searched: string[] = [];
    const ctx = context(80, 22, { searched });
    const query = "'exact !hamas ^Wit off$ | talks";
    const state = run(initialState(), ctx, '/' + query);
    expect(state.search.query).toBe(query);
    expect(searched.at(-1)).toBe(query);
  });

  it('says the index is being built, then answers, and opens a hit asked for meanwhile', () => {
    const waiting = context(80, 22, { indexed: false });
    const typed = run(initialState(), waiting, '/Rafah\r');
    expect(typed.pane).toBe('search');
    expect(typed.search.answered).not.toBe('Rafah');
    expect(typed.search.openWhenAnswered).toBe(true);
    const ready = answerPending(typed, context());
    expect(ready.pane).toBe('reader');
    expect(ready.reader?.versionId).toBe(version('002').id);
    expect(ready.search.answered).toBe('Rafah');
    // Typing after that Enter is a new query: nothing opens by itself.
    const retyped = run(typed, waiting, ' crossing');
    expect(retyped.search.openWhenAnswered).toBe(false);
    expect(answerPending(retyped, context()).pane).toBe('search');
  });
});
