import React from 'react';
import { Box } from 'ink';
import type { SearchHit } from '../../search/types.js';
import { glyphs } from '../../render/glyphs.js';
import { thousands } from '../../render/labels.js';
import type { Theme } from '../theme.js';
import { seg, type Line } from '../../render/line.js';
import { layoutResults, RESULT_HEIGHT } from '../layout/search.js';
import { Lines, LineView } from '../components/lines.js';

interface SearchPaneProps {
  readonly query: string;
  /** The query is selected: the next letter typed replaces it. */
  readonly querySelected: boolean;
  readonly hits: readonly SearchHit[] | null;
  /** Whether the results wait for the search index to be built. */
  readonly pending: boolean;
  /** While the corpus loads, how many versions the search covers, and of how many; else null. */
  readonly searched?: { readonly versions: number; readonly of: number } | null;
  readonly selected: number;
  readonly top: number;
  readonly labels: ReadonlyMap<string, string>;
  readonly width: number;
  readonly height: number;
  readonly theme: Theme;
}

export function SearchPane({
  query,
  querySelected,
  hits,
  pending,
  searched = null,
  selected,
  top,
  labels,
  width,
  height,
  theme,
}: SearchPaneProps) {
  const prompt: Line = querySelected
    ? [seg('/', 'accent'), seg(query, 'selected')]
    : [seg('/', 'accent'), seg(query), seg(' ', 'selected')];
  const g = glyphs();
  let summary: string;
  if (query.trim() === '')
    summary = 'Type to search every passage; typos are fine. Enter opens a hit.';
  else if (pending)
    summary = `indexing${g.ellipsis} the results come once the first passages are read`;
  else if (hits === null) summary = `searching${g.ellipsis}`;
  else {
    // While the corpus loads, the results so far, and the versions they come from.
    const among = searched
      ? ` in ${thousands(searched.versions)} of ${thousands(searched.of)} versions`
      : '';
    summary =
      hits.length === 0
        ? `no passage matches ${g.open}${query}${g.close}${among}`
        : `${thousands(hits.length)} passage${hits.length === 1 ? '' : 's'}${among} ${g.dot} ${thousands(selected + 1)} of ${thousands(hits.length)}`;
  }
  if (querySelected && query !== '')
    summary += ` ${g.dot} typing replaces the query, ${g.arrow} keeps it`;
  const listHeight = Math.max(1, height - 2);
  const first = Math.floor(top / RESULT_HEIGHT);
  const last = Math.ceil((top + listHeight) / RESULT_HEIGHT);
  const lines = hits ? layoutResults(hits, labels, width, selected, first, last) : [];
  return (
    <Box flexDirection="column" height={height}>
      <LineView line={prompt} theme={theme} width={width} />
      <LineView line={[seg(summary, 'dim')]} theme={theme} width={width} />
      <Lines
        lines={lines}
        top={top - first * RESULT_HEIGHT}
        height={listHeight}
        width={width}
        theme={theme}
      />
    </Box>
  );
}
