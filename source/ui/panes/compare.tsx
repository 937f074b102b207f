import React from 'react';
import type { Line } from '../../render/line.js';
import type { Theme } from '../theme.js';
import type { CompareScreen } from '../state/compare.js';
import { TextPane } from '../components/text-pane.js';

interface ComparePaneProps {
  readonly screen: CompareScreen;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

/**
 * Two versions interleaved, A's passage then B's (or side by side), their differences colored,
 * under a three-line header; the current change is marked in the left margin. What to draw is
 * chosen by `compareScreen` (state/compare.ts).
 */
export function ComparePane({ screen, width, height, theme }: ComparePaneProps) {
  return (
    <TextPane
      header={screen.header}
      lines={screen.body}
      top={0}
      width={width}
      height={height}
      theme={theme}
    />
  );
}

interface SubstitutionsPaneProps {
  readonly lines: readonly Line[];
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

/** Every substitution of the pair (w in Compare), wrapped between words, scrolling. */
export function SubstitutionsPane({ lines, top, width, height, theme }: SubstitutionsPaneProps) {
  return <TextPane lines={lines} top={top} width={width} height={height} theme={theme} />;
}
