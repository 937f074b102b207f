import React from 'react';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { SearchPane } from '../../../source/ui/panes/search.js';
import { monoTheme } from '../../../source/ui/theme.js';
import { plain, until } from '../../helpers/ink.js';
import { App, type ReaderProbe } from '../../../source/ui/app.js';
import { loadCorpus } from '../../../source/corpus/load.js';
import { generateVersions } from '../../../bench/generate.js';

const pane = (props: { query: string; querySelected: boolean; pending: boolean }) =>
  render(
    <SearchPane
      {...props}
      hits={null}
      selected={0}
      top={0}
      labels={new Map()}
      width={80}
      height={10}
      theme={monoTheme}
    />,
  );

describe('the search pane', () => {
  it('says the index is being built while a query waits for it', () => {
    const { lastFrame, unmount } = pane({ query: 'Rafah', querySelected: false, pending: true });
    expect(plain(lastFrame() ?? '')).toMatch(/^\/Rafah\s*\nindexing…/);
    unmount();
  });

  it('says what typing does to a selected query', () => {
    const { lastFrame, unmount } = pane({ query: 'Rafah', querySelected: true, pending: false });
    expect(plain(lastFrame() ?? '')).toContain('typing replaces the query, → keeps it');
    unmount();
  });
});

describe('a search key in the reader', () => {
  it('draws one frame, holding the query and its results, for each key typed', async () => {
    const versions = [...loadCorpus().versions, ...generateVersions({ versions: 80, seed: 7 })];
    const corpus = { ...loadCorpus(), versions };
    let probe: ReaderProbe | null = null;
    const instance = render(<App corpus={corpus} theme={monoTheme} probe={(p) => (probe = p)} />);
    // 80 columns (no preview beside the results), as in a plain terminal.
    Object.defineProperty(instance.stdout, 'columns', { value: 80, configurable: true });
    Object.defineProperty(instance.stdout, 'rows', { value: 24, configurable: true });
    instance.stdout.emit('resize');
    const frame = (): string => plain(instance.lastFrame() ?? '');
    const idle = (): Promise<unknown> =>
      until(() => probe?.idle() ?? false, 'the reader to draw its frame', frame);
    await idle();
    instance.stdin.write('/');
    await idle();
    // The first query waits for the index; the keys after it are the ones measured.
    instance.stdin.write('c');
    await idle();
    let query = '/c';
    for (const ch of 'easefire talks') {
      const before = instance.frames.length;
      instance.stdin.write(ch);
      await idle();
      query += ch;
      expect(instance.frames.length - before).toBe(1);
      // That one frame shows the query and the results that answer it.
      const [prompt, summary] = frame().split('\n');
      expect(prompt!.trimEnd()).toBe(query.trimEnd());
      expect(summary).toMatch(/^\d+ passages? · 1 of \d+|^no passage matches/);
    }
    expect(frame()).toMatch(/\d+ passages? · 1 of \d+/);
    expect(frame()).toMatch(/ceasefire/i);
    instance.unmount();
  });
});
