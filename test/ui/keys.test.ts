import { describe, expect, it } from 'vitest';
import { actionFor, BINDINGS, type View } from '../../source/ui/keymap.js';

const VIEWS: readonly View[] = ['stories', 'reader', 'search', 'compare', 'picker', 'help'];

describe('the keymap', () => {
  it('gives each key at most one action in each scope', () => {
    for (const scope of [...VIEWS, 'global', 'move'] as const) {
      const seen = new Map<string, string>();
      for (const binding of BINDINGS.filter((b) => b.scope === scope)) {
        for (const key of binding.keys) {
          expect(seen.get(key), `${scope}: ${key}`).toBeUndefined();
          seen.set(key, binding.action);
        }
      }
    }
  });

  it('resolves the keys users of less, tig and fzf expect', () => {
    expect(actionFor('j', 'reader')).toBe('down');
    expect(actionFor('space', 'reader')).toBe('pageDown');
    expect(actionFor('ctrl+u', 'reader')).toBe('halfUp');
    expect(actionFor('ctrl+u', 'search')).toBe('clearQuery');
    expect(actionFor('backspace', 'search')).toBe('erase');
    expect(actionFor('G', 'stories')).toBe('bottom');
    expect(actionFor('enter', 'stories')).toBe('open');
    expect(actionFor(']', 'compare')).toBe('nextChange');
    expect(actionFor(']', 'reader')).toBeUndefined();
    expect(actionFor('j', 'search')).toBeUndefined();
  });

  it('gives the picker and help their keys from the same table', () => {
    expect(actionFor('j', 'picker')).toBe('down');
    expect(actionFor('enter', 'picker')).toBe('open');
    expect(actionFor('3', 'picker')).toBe('pickPlace');
    expect(actionFor('q', 'picker')).toBe('back');
    expect(actionFor('?', 'help')).toBe('back');
    expect(actionFor('G', 'help')).toBe('bottom');
  });

  it('redraws with Ctrl-L, suspends with Ctrl-Z and quits with Ctrl-C in every view', () => {
    for (const view of VIEWS) {
      expect(actionFor('ctrl+l', view)).toBe('redraw');
      expect(actionFor('ctrl+z', view)).toBe('suspend');
      expect(actionFor('ctrl+c', view)).toBe('forceQuit');
    }
  });
});
