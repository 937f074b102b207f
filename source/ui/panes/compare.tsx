import React from 'react';
import type { Theme } from '../theme.js';
import type { CompareLayout } from '../layout/compare.js';
import type { Line } from '../../render/line.js';
import { TextPane } from '../components/text-pane.js';

// The header moved to a module without Ink, for the compare model (state/compare.ts).
export { compareHeader } from '../layout/compare-header.js';

interface ComparePaneProps {
  readonly header: readonly Line[];
  readonly layout: CompareLayout;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

/** Two versions interleaved, A's passage then B's, with their differences colored. */
export function ComparePane({ header, layout, top, width, height, theme }: ComparePaneProps) {
  return (
    <TextPane
      header={header}
      lines={layout.lines}
      top={top}
      width={width}
      height={height}
      theme={theme}
    />
  );
}
