import React from 'react';
import type { Theme } from '../theme.js';
import { statusLine, type Hint } from '../layout/status.js';
import { LineView } from './lines.js';

export { fitHints, statusLine, type Hint } from '../layout/status.js';

interface StatusBarProps {
  /** Where the user is: pane, version, position. */
  readonly where: string;
  /** A passing message, shown in place of the hints. */
  readonly message: string | null;
  /** The hints, the most important first. */
  readonly hints: readonly Hint[];
  readonly width: number;
  readonly theme: Theme;
}

export function StatusBar({ where, message, hints, width, theme }: StatusBarProps) {
  return <LineView line={statusLine(where, message, hints, width)} theme={theme} width={width} />;
}
