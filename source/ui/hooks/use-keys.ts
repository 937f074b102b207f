import { useInput, type Key } from 'ink';
import { keyName } from '../keymap.js';

/** One keypress: its canonical name ("j", "ctrl+d", "enter"), and the text it types, if any. */
export interface KeyPress {
  readonly name: string;
  /** What the key types into a text field, or null for a key that types nothing. */
  readonly text: string | null;
}

const CONTROL_NAMES: Record<number, string> = {
  0x09: 'tab',
  0x0a: 'enter',
  0x0d: 'enter',
  0x08: 'backspace',
  0x7f: 'backspace',
  0x1b: 'escape',
};

function isSpecial(key: Key): boolean {
  return (
    key.upArrow ||
    key.downArrow ||
    key.leftArrow ||
    key.rightArrow ||
    key.pageDown ||
    key.pageUp ||
    key.home ||
    key.end ||
    key.escape ||
    key.meta
  );
}

/** A single character read on its own: a control character is a key, anything else types. */
export function pressOf(ch: string): KeyPress {
  const code = ch.codePointAt(0) ?? 0;
  const named = CONTROL_NAMES[code];
  if (named) return { name: named, text: null };
  if (code < 0x20) return { name: `ctrl+${String.fromCharCode(code + 0x60)}`, text: null };
  return { name: ch === ' ' ? 'space' : ch, text: ch };
}

/**
 * Ink reads a run of plain characters that arrive together ("jjc", or "Rafah\r" typed fast over
 * SSH) as one input. Split it into one keypress each, so no key is lost.
 */
export function toPresses(input: string, key: Key): KeyPress[] {
  // Esc and a key typed fast arrive together, and read as Alt and the key; no key here uses Alt.
  if (key.meta && !key.escape)
    return [{ name: 'escape', text: null }, ...toPresses(input, { ...key, meta: false })];
  if (input.length > 1 && !isSpecial(key) && !key.ctrl) return [...input].map(pressOf);
  const name = keyName(input, key);
  const types =
    !key.ctrl && !key.tab && !key.return && !key.backspace && !key.delete && !isSpecial(key);
  // eslint-disable-next-line no-control-regex -- a control character is a key, not text to type
  const printable = types && input.length > 0 && !/[\u0000-\u001F\u007F]/.test(input);
  return [{ name, text: printable ? input : null }];
}

/** The one keypress layer: every pane's keys come through here, one at a time. */
export function useKeys(handler: (press: KeyPress) => void, isActive = true): void {
  useInput(
    (input, key) => {
      for (const press of toPresses(input, key)) handler(press);
    },
    { isActive },
  );
}
