/**
 * The corpus is untrusted: no byte of it may drive the terminal. Sanitizing happens once, at load,
 * so every view and every output (TTY, pipe, JSON) shows the same text.
 *
 * - C0 controls other than newline and tab, and DEL, become caret notation (ESC is `^[`).
 * - C1 controls U+0080–U+009F (the 8-bit CSI U+009B among them) become U+FFFD.
 * - Bidi controls become U+FFFD: embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
 *   and the invisible direction marks LRM U+200E, RLM U+200F and ALM U+061C, which can reorder
 *   neutral characters (a minus sign, a parenthesis, a number) so that text reads other than it is.
 */

const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  /[\u0000-\u0008\u000B-\u001F\u007F\u0080-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export const REPLACEMENT = '\uFFFD';

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x20) return '^' + String.fromCharCode(code + 0x40);
  if (code === 0x7f) return '^?';
  return REPLACEMENT;
}

/** Make every character that could drive a terminal visible and inert. */
export function sanitize(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** Whether `text` holds a character that `sanitize` would replace. */
export function isUnsafe(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}

/**
 * `sanitize`, and newline and tab made visible too (`^J`, `^I`): for text that must stay on one
 * line, such as ids, file names, paths and names typed on the command line. A file name holding a
 * newline must not be able to add a fake row to `list` or a second line to an error message.
 */
export function sanitizeLine(text: string): string {
  return sanitize(text).replace(
    /[\t\n]/g,
    (ch) => '^' + String.fromCharCode(ch.charCodeAt(0) + 0x40),
  );
}
