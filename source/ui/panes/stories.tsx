import React from 'react';
import { Box } from 'ink';
import type { Corpus } from '../../corpus/types.js';
import type { LoadProgress } from '../../corpus/stream.js';
import { glyphs } from '../../render/glyphs.js';
import { sanitizeLine } from '../../corpus/sanitize.js';
import type { Theme } from '../theme.js';
import { thousands } from '../../render/labels.js';
import { padLine, seg, type Line } from '../../render/line.js';
import { storiesColumns, storiesWarnings } from '../layout/stories.js';
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

/** "loading 12,345 of 100,000", or "loading 12,345 versions (40%)" when the total is not known. */
export function loadingText({ loaded, total, fraction }: LoadProgress): string {
  const count = thousands(loaded);
  return total === null
    ? `loading ${count} version${loaded === 1 ? '' : 's'} (${Math.floor(fraction * 100)}%)${glyphs().ellipsis}`
    : `loading ${count} of ${thousands(total)}${glyphs().ellipsis}`;
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
  const count = corpus.versions.length;
  const { dot, ellipsis } = glyphs();
  const header: Line = [
    seg('Stories', 'heading'),
    seg(
      (loading
        ? `  ${loadingText(loading)}`
        : `  ${thousands(count)} version${count === 1 ? '' : 's'}`) +
        (loading
          ? ''
          : storyCount === null
            ? ` ${dot} grouping${ellipsis}`
            : ` in ${thousands(storyCount)} stor${storyCount === 1 ? 'y' : 'ies'}`) +
        ` ${dot} ${corpus.bundled ? 'bundled seeds' : sanitizeLine(corpus.dir)}`,
      'dim',
    ),
  ];
  const warnings = storiesWarnings(corpus);
  const listHeight = Math.max(1, height - 2 - warnings.length);
  const visible = lines.map((line, i) =>
    i === selectedRow
      ? padLine(
          line.map((s) => seg(s.text, 'selected')),
          width,
          'selected',
        )
      : line,
  );
  return (
    <Box flexDirection="column" height={height}>
      <LineView line={header} theme={theme} width={width} />
      <LineView line={storiesColumns(labelWidth)} theme={theme} width={width} />
      {warnings.map((line, i) => (
        <LineView key={i} line={line} theme={theme} width={width} />
      ))}
      <Lines lines={visible} top={0} height={listHeight} width={width} theme={theme} />
    </Box>
  );
}
