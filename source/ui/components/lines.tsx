import React from 'react';
import { Box, Text } from 'ink';
import { truncateLine, type Line } from '../../render/line.js';
import { inkProps, type Theme } from '../theme.js';

interface LineViewProps {
  readonly line: Line;
  readonly theme: Theme;
  readonly width: number;
}

/**
 * One terminal row of styled segments, cut to the width first, so no line handed to Ink is wider
 * than its box and Ink's own wrapping never touches it.
 */
export const LineView = React.memo(function LineView({ line, theme, width }: LineViewProps) {
  const cut = truncateLine(line, width);
  if (cut.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {cut.map((segment, i) => (
        <Text key={i} {...inkProps(theme.tones[segment.tone])}>
          {segment.text}
        </Text>
      ))}
    </Text>
  );
});

interface LinesProps {
  readonly lines: readonly Line[];
  /** First line to show. */
  readonly top: number;
  /** Rows available; exactly this many rows are drawn, blank ones included. */
  readonly height: number;
  readonly width: number;
  readonly theme: Theme;
}

/** A window on a long list of lines: only the visible rows become Ink nodes. */
export function Lines({ lines, top, height, width, theme }: LinesProps) {
  const rows: React.ReactNode[] = [];
  for (let i = 0; i < height; i++) {
    const line = lines[top + i];
    rows.push(
      line ? <LineView key={i} line={line} theme={theme} width={width} /> : <Text key={i}> </Text>,
    );
  }
  return (
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      {rows}
    </Box>
  );
}
