import type { SearchHit } from '../../search/types.js';
import { glyphs } from '../../render/glyphs.js';
import { hitPlaces, plural } from '../../render/labels.js';
import { padLine, seg, truncateLine, type Line } from '../../render/line.js';
import { highlight } from '../../render/paint.js';

/** Lines each result takes in the list. */
export const RESULT_HEIGHT = 3;

/** Where the hit sits: "3 versions · 000, 003 ¶4 · 004 ¶10", the same words as `search` prints. */
export function hitPlace(hit: SearchHit, labels: ReadonlyMap<string, string>): Line {
  const count = hit.versions.length;
  return [
    ...(count > 1 ? [seg(`${plural(count, 'version')} ${glyphs().dot} `)] : []),
    ...hitPlaces(hit, labels),
  ];
}

/** The passage cut to a window that starts a little before its first match. */
export function snippet(hit: SearchHit, width: number): Line {
  const first = hit.matches[0];
  let start = 0;
  if (first && first[0] > width / 3) {
    const from = first[0] - Math.floor(width / 4);
    const space = hit.passage.indexOf(' ', from);
    start = space >= 0 && space < first[0] ? space + 1 : from;
  }
  const shifted = hit.matches
    .map(([s, e]) => [s - start, e - start] as const)
    .filter(([, e]) => e > 0);
  // Only about a line of the passage shows: cut it before measuring (a passage can be megabytes).
  const segments = highlight(hit.passage.slice(start, start + width * 2), shifted);
  return truncateLine([...(start > 0 ? [seg(glyphs().ellipsis, 'dim')] : []), ...segments], width);
}

/** The lines of results `from` to `to` (exclusive): only the ones on screen are laid out. */
export function layoutResults(
  hits: readonly SearchHit[],
  labels: ReadonlyMap<string, string>,
  width: number,
  selected: number,
  from = 0,
  to = hits.length,
): Line[] {
  const lines: Line[] = [];
  hits.slice(from, to).forEach((hit, k) => {
    const i = from + k;
    const mark = i === selected;
    const header: Line = [
      seg(mark ? `${glyphs().selected} ` : '  ', 'accent'),
      ...hitPlace(hit, labels).map((s) => seg(s.text, mark ? 'heading' : 'dim')),
    ];
    lines.push(mark ? padLine(header, width) : truncateLine(header, width));
    lines.push([seg('  '), ...snippet(hit, width - 2)]);
    lines.push([]);
  });
  return lines;
}
