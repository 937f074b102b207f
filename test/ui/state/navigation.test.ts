import { describe, expect, it } from 'vitest';
import { goBack, goTo, nextOpen, type Navigation } from '../../../source/ui/state/navigation.js';

const home: Navigation = { pane: 'stories', history: [] };

describe('the way between panes', () => {
  it('goes and comes back in order, ending at Stories', () => {
    const reader = goTo(home, 'reader');
    const search = goTo(reader, 'search');
    expect(search).toEqual({ pane: 'search', history: ['stories', 'reader'] });
    expect(goBack(search)).toEqual(reader);
    expect(goBack(reader)).toEqual(home);
    expect(goBack(home)).toBeNull();
  });

  it('keeps one entry per pane, and Stories always at the bottom', () => {
    const again = goTo(goTo(goTo(goTo(home, 'reader'), 'search'), 'compare'), 'reader');
    expect(again).toEqual({ pane: 'reader', history: ['stories', 'search', 'compare'] });
    expect(goTo({ pane: 'search', history: [] }, 'reader').history).toEqual(['stories', 'search']);
    expect(goTo(again, 'stories')).toEqual(home);
  });

  it('goes through the open panes in order with Tab', () => {
    // No version read or compared yet: Tab goes between Stories and Search.
    const noneOpened = (pane: string): boolean => pane === 'stories' || pane === 'search';
    expect(nextOpen(home, noneOpened).pane).toBe('search');
    expect(nextOpen({ pane: 'search', history: ['stories'] }, noneOpened).pane).toBe('stories');
    expect(nextOpen(home, () => true).pane).toBe('reader');
  });
});
