import React from 'react';
import { Box } from 'ink';
import type { Corpus } from '../../corpus/types.js';
import type { LoadProgress } from '../../corpus/stream.js';
import type { Theme } from '../theme.js';
import type { Line } from '../../render/line.js';
import { storiesPaneLines } from '../layout/stories.js';
import { Lines, LineView } from '../components/lines.js';

interface StoriesPaneProps {
  readonly corpus: Corpus;
  /** The list's lines on screen (see state/stories.ts). */
  readonly lines: readonly Line[];
  readonly labelWidth: number;
  readonly storyCount: number | null;
  /** How far loading has gone, while the corpus streams in. */
  readonly loading?: LoadProgress | null;
  /** The cursor's row among `lines`, or -1 when it is not on screen. */
  readonly selectedRow: number;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

export function StoriesPane({
  corpus,
  lines,
  labelWidth,
  storyCount,
  loading = null,
  selectedRow,
  width,
  height,
  theme,
}: StoriesPaneProps) {
  const { heading, list } = storiesPaneLines({
    corpus,
    lines,
    labelWidth,
    storyCount,
    loading,
    selectedRow,
    width,
  });
  const listHeight = Math.max(1, height - heading.length);
  return (
    <Box flexDirection="column" height={height}>
      {heading.map((line, i) => (
        <LineView key={i} line={line} theme={theme} width={width} />
      ))}
      <Lines lines={list} top={0} height={listHeight} width={width} theme={theme} />
    </Box>
  );
}
