import React from 'react';
import { Box } from 'ink';
import type { Corpus, Version } from '../../corpus/types.js';
import { sanitizeLine } from '../../corpus/sanitize.js';
import type { StoryMap } from '../../corpus/stories.js';
import type { Theme } from '../theme.js';
import { percent, plural } from '../../render/labels.js';
import { padLine, seg, truncateLine, type Line } from '../../render/line.js';
import { Lines, LineView } from '../components/lines.js';

export interface StoryRows {
  readonly lines: readonly Line[];
  /** Versions in the order the cursor walks them. */
  readonly versions: readonly Version[];
  /** The line of each version in `lines`. */
  readonly versionLines: readonly number[];
  /** Columns of the version names, so the column names line up with them. */
  readonly labelWidth: number;
}

/** The stories list: a heading per story, then its versions. */
export function layoutStories(
  corpus: Corpus,
  stories: StoryMap | null,
  labels: ReadonlyMap<string, string>,
  width: number,
): StoryRows {
  const lines: Line[] = [];
  const versions: Version[] = [];
  const versionLines: number[] = [];
  const groups = stories ? stories.stories : [{ id: '', title: '', versions: corpus.versions }];
  const labelWidth = Math.max(3, ...corpus.versions.map((v) => (labels.get(v.id) ?? v.id).length));
  for (const story of groups) {
    if (stories) {
      if (lines.length > 0) lines.push([]);
      const count = story.versions.length;
      lines.push(
        truncateLine(
          [
            seg('▍', 'accent'),
            seg(`${plural(count, 'version')} · `, 'dim'),
            seg(story.title, 'heading'),
          ],
          width,
        ),
      );
    }
    for (const version of story.versions) {
      versionLines.push(lines.length);
      versions.push(version);
      const closest = stories?.closest.get(version.id);
      const near = closest
        ? `≈${labels.get(closest.id) ?? closest.id} ${percent(closest.similarity)}`.padEnd(
            labelWidth + 6,
          )
        : ''.padEnd(labelWidth + 6);
      lines.push([
        seg('  '),
        seg((labels.get(version.id) ?? version.id).padEnd(labelWidth), 'accent'),
        seg('  ' + (version.date ?? '—').padEnd(10), 'dim'),
        seg(String(version.words).padStart(6) + 'w', 'dim'),
        seg('  ' + near, 'dim'),
        seg('  ' + version.title),
      ]);
    }
  }
  return { lines, versions, versionLines, labelWidth };
}

/** The column names above the list, lined up with its rows. */
export function storiesColumns(labelWidth: number): Line {
  return [
    seg(
      '  ' +
        'id'.padEnd(labelWidth) +
        '  ' +
        'date'.padEnd(10) +
        'words'.padStart(7) +
        '  ' +
        'closest'.padEnd(labelWidth + 6) +
        '  title',
      'dim',
    ),
  ];
}

interface StoriesPaneProps {
  readonly corpus: Corpus;
  readonly rows: StoryRows;
  readonly storyCount: number | null;
  readonly cursor: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

export function StoriesPane({
  corpus,
  rows,
  storyCount,
  cursor,
  top,
  width,
  height,
  theme,
}: StoriesPaneProps) {
  const count = corpus.versions.length;
  const header: Line = [
    seg('Stories', 'heading'),
    seg(
      `  ${plural(count, 'version')}` +
        (storyCount === null
          ? ' · grouping…'
          : ` in ${storyCount} stor${storyCount === 1 ? 'y' : 'ies'}`) +
        ` · ${corpus.bundled ? 'bundled seeds' : sanitizeLine(corpus.dir)}`,
      'dim',
    ),
  ];
  const warnings: Line[] = corpus.warnings
    .slice(0, 2)
    .map((w) => [seg('⚠ ' + w.message, 'warning')]);
  if (corpus.warnings.length > 2) {
    warnings.push([seg(`⚠ and ${corpus.warnings.length - 2} more skipped files`, 'warning')]);
  }
  const listHeight = Math.max(1, height - 2 - warnings.length);
  // Restyle the selected row within the visible window only: a long list costs nothing per key.
  const selectedLine = rows.versionLines[cursor] ?? -1;
  const visible = rows.lines.slice(top, top + listHeight).map((line, i) =>
    top + i === selectedLine
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
      <LineView line={storiesColumns(rows.labelWidth)} theme={theme} width={width} />
      {warnings.map((line, i) => (
        <LineView key={i} line={line} theme={theme} width={width} />
      ))}
      <Lines lines={visible} top={0} height={listHeight} width={width} theme={theme} />
    </Box>
  );
}
