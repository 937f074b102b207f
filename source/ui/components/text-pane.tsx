import React from 'react';
import { Box } from 'ink';
import type { Theme } from '../theme.js';
import type { Line } from '../../render/line.js';
import { Lines } from './lines.js';

interface TextPaneProps {
  readonly lines: readonly Line[];
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
  /** Fixed lines above the scrolling text. */
  readonly header?: readonly Line[];
}

/** A scrolling text: the reader, the comparison and the help screen all use it. */
export function TextPane({ lines, top, width, height, theme, header = [] }: TextPaneProps) {
  const body = Math.max(1, height - header.length);
  return (
    <Box flexDirection="column" height={height}>
      {header.length > 0 && (
        <Lines lines={header} top={0} height={header.length} width={width} theme={theme} />
      )}
      <Lines lines={lines} top={top} height={body} width={width} theme={theme} />
    </Box>
  );
}
