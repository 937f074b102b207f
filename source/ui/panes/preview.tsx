import React from 'react';
import { Box } from 'ink';
import type { Line } from '../../render/line.js';
import type { Theme } from '../theme.js';
import type { PreviewPlacement } from '../layout/preview.js';
import { Lines } from '../components/lines.js';

interface PreviewSlotProps {
  /** The search pane, drawn at the list's size. */
  readonly list: React.ReactNode;
  readonly placement: PreviewPlacement;
  /** The preview's lines, its divider included (layout/preview.ts). */
  readonly lines: readonly Line[];
  readonly theme: Theme;
}

/** The search results with the selected hit's preview beside or below them. */
export function PreviewSlot({ list, placement, lines, theme }: PreviewSlotProps) {
  if (placement.where === 'none') return <>{list}</>;
  return (
    <Box flexDirection={placement.where === 'beside' ? 'row' : 'column'}>
      <Box width={placement.listWidth} height={placement.listHeight} flexShrink={0}>
        {list}
      </Box>
      <Lines
        lines={lines}
        top={0}
        height={placement.previewHeight}
        width={placement.previewWidth}
        theme={theme}
      />
    </Box>
  );
}
