import React from 'react';
import { Text } from 'ink';
import stringWidth from 'string-width';
import type { Theme } from '../theme.js';
import { truncateLine, seg } from '../layout/line.js';
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
export function StatusBar({ where, message, hints, width, theme }: StatusBarProps) {
  const left = ` ${where} `;
  const right = message
    ? ` ${message} `
    : ' ' + hints.map((h) => `${h.key.split(' ')[0]} ${h.hint}`).join('  ') + ' ';
  const room = width - stringWidth(left);
  const rightLine = truncateLine([seg(right)], Math.max(0, room));
  const rightText = rightLine.map((s) => s.text).join('');
  const gap = Math.max(0, width - stringWidth(left) - stringWidth(rightText));
  if (room <= 4) {
    return <LineView line={[seg(left.slice(0, width), 'status')]} theme={theme} width={width} />;
  }
  return (
    <Text wrap="truncate-end">
      <Text {...theme.tones.status}>{left}</Text>
      <Text>{' '.repeat(gap)}</Text>
      <Text {...(message ? theme.tones.warning : theme.tones.dim)}>{rightText}</Text>
    </Text>
  );
}
