import React from 'react';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { SearchPane } from '../../../source/ui/panes/search.js';
import { monoTheme } from '../../../source/ui/theme.js';
import { plain } from '../../helpers/ink.js';

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
