import React from 'react';
import { columns, seg, truncateLine, type Line } from '../../render/line.js';
import type { Theme } from '../theme.js';
import { LineView } from './lines.js';

interface StatusBarProps {
  /** Where the user is: pane, version, position. */
  readonly where: string;
  /** A passing message, shown in place of the hints. */
  readonly message: string | null;
  readonly hints: readonly { key: string; hint: string }[];
  readonly width: number;
  readonly theme: Theme;
}

/** The bottom line: where you are on the left, the main keys (or a message) on the right. */
export function statusLine(
  where: string,
  message: string | null,
  hints: StatusBarProps['hints'],
  width: number,
): Line {
  const left = seg(` ${where} `, 'status');
  const room = width - columns(left.text);
  // Whole hints, most important first, as many as fit: a hint is never cut.
  let right = message ? ` ${message} ` : ' ';
  for (const h of message ? [] : hints) {
    const next = `${right}${right === ' ' ? '' : ' '}${h.key.split(' ')[0]} ${h.hint} `;
    if (columns(next) > room) break;
    right = next;
  }
  if (room <= 4) return truncateLine([left], width);
  const rightLine = truncateLine([seg(right, message ? 'warning' : 'dim')], room);
  const gap = Math.max(0, room - columns(rightLine.map((s) => s.text).join('')));
  return [left, seg(' '.repeat(gap)), ...rightLine];
}

export function StatusBar({ where, message, hints, width, theme }: StatusBarProps) {
  return <LineView line={statusLine(where, message, hints, width)} theme={theme} width={width} />;
}
