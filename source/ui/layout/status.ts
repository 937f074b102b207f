/** The status line's text: pure, so that the first frame (ui/first-frame.ts) lays it out too. */
import { glyphs } from '../../render/glyphs.js';
import { columns, seg, truncateLine, type Line } from '../../render/line.js';

export interface Hint {
  readonly key: string;
  readonly hint: string;
}

/** A hint as the status line writes it: the first of its keys, then what it does. */
const hintText = (h: Hint): string => `${h.key.split(' ')[0]} ${h.hint}`;

/**
 * The hints that fit in `room` columns, the most important first: a hint shows whole or not at
 * all, and the first one that does not fit ends the list, so the keys shown keep their order.
 */
export function fitHints(hints: readonly Hint[], room: number): string {
  let text = '';
  for (const hint of hints) {
    const next = text === '' ? ` ${hintText(hint)} ` : `${text} ${hintText(hint)} `;
    if (columns(next) > room) break;
    text = next;
  }
  return text;
}

/** `text` cut at a space to fit `room` columns, with an ellipsis when cut. */
function cutAtWord(text: string, room: number): string {
  if (columns(text) <= room) return text;
  const words = text.split(' ');
  let out = '';
  let dropped = '';
  for (const word of words) {
    const next = out === '' ? word : `${out} ${word}`;
    if (columns(`${next} ${glyphs().ellipsis}`) > room) {
      dropped = word;
      break;
    }
    out = next;
  }
  // A long word (a file's path) is the point of its message: cut it, rather than drop it whole.
  if (out === '' || columns(dropped) > room / 3) {
    return truncateLine([seg(text)], room)
      .map((s) => s.text)
      .join('');
  }
  return `${out} ${glyphs().ellipsis}`;
}

/** The bottom line: where you are on the left, the main keys (or a message) on the right. */
export function statusLine(
  where: string,
  message: string | null,
  hints: readonly Hint[],
  width: number,
): Line {
  let left = ` ${where} `;
  if (message !== null) {
    const said = ` ${message} `;
    // A message is news: the place gives way to it, down to the pane's name.
    if (columns(left) + columns(said) > width) left = ` ${where.split(` ${glyphs().dot} `)[0]} `;
    const room = width - columns(left);
    if (room <= 4) return truncateLine([seg(left, 'status')], width);
    const right = cutAtWord(said, room);
    const gap = Math.max(0, room - columns(right));
    return [seg(left, 'status'), seg(' '.repeat(gap)), seg(right, 'warning')];
  }
  const room = width - columns(left);
  if (room <= 4) return truncateLine([seg(left, 'status')], width);
  const right = fitHints(hints, room);
  const gap = Math.max(0, room - columns(right));
  return [seg(left, 'status'), seg(' '.repeat(gap)), ...(right ? [seg(right, 'dim')] : [])];
}
