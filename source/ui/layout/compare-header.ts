import type { Comparison } from '../../compare/types.js';
import type { Version } from '../../corpus/types.js';
import { percent, substitutionLabel } from '../../render/labels.js';
import { seg, truncateLine, wrapSegments, type Line, type Segment } from '../../render/line.js';

/** The summary above a comparison: the two versions, the counts and the substitutions. */
export function compareHeader(
  comparison: Comparison,
  a: Version,
  b: Version,
  labels: ReadonlyMap<string, string>,
  width: number,
): Line[] {
  const { stats, substitutions } = comparison;
  const name = (v: Version): string => labels.get(v.id) ?? v.id;
  const swaps: Segment[] = substitutions.flatMap((s, k) => [
    ...(k > 0 ? [seg('; ')] : []),
    ...substitutionLabel(s),
  ]);
  const lines: Line[] = [
    [seg('− A ', 'delete'), seg(name(a), 'accent'), seg('  ' + a.title)],
    [seg('+ B ', 'insert'), seg(name(b), 'accent'), seg('  ' + b.title)],
    [
      seg(`−${stats.deleted}`, 'delete'),
      seg(' '),
      seg(`+${stats.inserted}`, 'insert'),
      seg(' words · '),
      seg(`${stats.moved} moved`, 'moved'),
      seg(` · ${percent(stats.similarity)} similar`),
    ],
  ];
  const fixed = lines.map((line) => truncateLine(line, width));
  // The substitutions, the pair's editorial fingerprint, get two lines.
  const swapLines =
    swaps.length > 0
      ? wrapSegments([seg('Substitutions: ', 'dim'), ...swaps], width)
      : [[seg('No word substitutions.', 'dim')]];
  const shown = swapLines.slice(0, 2);
  if (swapLines.length > 2)
    shown[1] = truncateLine([...shown[1]!, seg(' ' + '…'.repeat(width))], width);
  return [...fixed, ...shown, [seg('─'.repeat(width), 'gutter')]];
}
