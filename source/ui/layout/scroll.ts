/** Scroll and cursor arithmetic shared by every list and text view. */

export type Move = 'down' | 'up' | 'top' | 'bottom' | 'pageDown' | 'pageUp' | 'halfDown' | 'halfUp';

export const MOVES: ReadonlySet<string> = new Set<Move>([
  'down',
  'up',
  'top',
  'bottom',
  'pageDown',
  'pageUp',
  'halfDown',
  'halfUp',
]);

export function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

function step(move: Move, page: number): number {
  switch (move) {
    case 'down':
      return 1;
    case 'up':
      return -1;
    case 'pageDown':
      return Math.max(1, page - 1);
    case 'pageUp':
      return -Math.max(1, page - 1);
    case 'halfDown':
      return Math.max(1, Math.floor(page / 2));
    case 'halfUp':
      return -Math.max(1, Math.floor(page / 2));
    case 'top':
      return -Infinity;
    case 'bottom':
      return Infinity;
  }
}

/** The new first line of a text view of `total` lines, `height` rows tall, after a move. */
export function scrollBy(top: number, move: Move, height: number, total: number): number {
  const last = Math.max(0, total - height);
  const next = top + step(move, height);
  return clamp(Number.isFinite(next) ? next : next > 0 ? last : 0, 0, last);
}

/** The new cursor in a list of `count` items, `page` items to a screen, after a move. */
export function moveCursor(cursor: number, move: Move, page: number, count: number): number {
  if (count === 0) return 0;
  const next = cursor + step(move, page);
  return clamp(Number.isFinite(next) ? next : next > 0 ? count - 1 : 0, 0, count - 1);
}

/**
 * The first visible line that keeps lines [start, end) in view, moving as little as possible
 * from `top`: the view only scrolls when the cursor would leave it.
 */
export function follow(
  top: number,
  start: number,
  end: number,
  height: number,
  total: number,
): number {
  let next = top;
  if (end > next + height) next = end - height;
  if (start < next) next = start;
  return clamp(next, 0, Math.max(0, total - height));
}
