import { describe, expect, it } from 'vitest';
import type { Key } from 'ink';
import { toPresses } from '../../source/ui/hooks/use-keys.js';
import { actionFor, BINDINGS, keyName } from '../../source/ui/keymap.js';

const noKey: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};

describe('the keypress layer', () => {
  it('splits a run of keys read together into one press each', () => {
    expect(toPresses('jjc', noKey).map((p) => p.name)).toEqual(['j', 'j', 'c']);
    expect(toPresses('Rafah\r', noKey).map((p) => p.name)).toEqual([
      'R',
      'a',
      'f',
      'a',
      'h',
      'enter',
    ]);
    expect(toPresses('a\u0004 ', noKey)).toEqual([
      { name: 'a', text: 'a' },
      { name: 'ctrl+d', text: null },
      { name: 'space', text: ' ' },
    ]);
  });

  it('names single keys the way the keymap does', () => {
    expect(toPresses('', { ...noKey, downArrow: true })).toEqual([{ name: 'down', text: null }]);
    expect(toPresses('d', { ...noKey, ctrl: true })).toEqual([{ name: 'ctrl+d', text: null }]);
    expect(toPresses('G', noKey)).toEqual([{ name: 'G', text: 'G' }]);
    expect(toPresses('ü', noKey)).toEqual([{ name: 'ü', text: 'ü' }]);
  });
});

describe('the keymap', () => {
  it('gives each key at most one action in each pane', () => {
    for (const scope of ['stories', 'reader', 'search', 'compare'] as const) {
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
    expect(actionFor('G', 'stories')).toBe('bottom');
    expect(actionFor('enter', 'stories')).toBe('open');
    expect(actionFor(']', 'compare')).toBe('nextChange');
    expect(actionFor(']', 'reader')).toBeUndefined();
    expect(actionFor('j', 'search')).toBeUndefined();
    expect(keyName('', { ...noKey, tab: true, shift: true })).toBe('shift+tab');
  });
});
