import type { Comparison, Row } from '../../compare/types.js';
import { paragraphLabel, rowLabel } from '../../render/labels.js';
import { isEdited, sideSegments } from '../../render/paint.js';
import type { Theme } from '../theme.js';
import {
  append,
  padLine,
  seg,
  withGutter,
  wrapSegments,
  type Line,
  type Segment,
} from '../../render/line.js';

export interface CompareLayout {
  readonly lines: readonly Line[];
  /** The line where each row of the comparison starts. */
  readonly rowStarts: readonly number[];
  /** Indexes of the rows that hold a change (anything but `same`). */
  readonly changeRows: readonly number[];
}

/** Side by side needs room for two readable columns. */
export const SIDE_BY_SIDE_MIN_WIDTH = 120;

type Side = 'a' | 'b';

/** A side's segments: changes marked in the text with the mono theme, except in a whole passage. */
function sideOf(row: Row, side: Side, theme: Theme, whole?: 'insert' | 'delete'): Segment[] {
  return sideSegments(row, side, { markers: theme.markers && whole === undefined, whole });
}

/** The label above a row that moved, was added or was removed; the gutter numbers the rest. */
function labelOf(row: Row): Line | null {
  return row.kind === 'moved' || row.kind === 'added' || row.kind === 'removed'
    ? rowLabel(row)
    : null;
}

/** Columns of the gutter: a sign, a space, the paragraph number ("¶123"), a space. */
const NUMBER_WIDTH = 4;
const GUTTER = 1 + 1 + NUMBER_WIDTH + 1;

function gutter(
  sign: string,
  tone: 'insert' | 'delete' | 'gutter' | 'moved',
  index: number | null,
): Line {
  const number = paragraphLabel(index).padStart(NUMBER_WIDTH);
  return [seg(sign, tone), seg(' ' + number + ' ', 'gutter')];
}

const blankGutter: Line = [seg(' '.repeat(GUTTER))];

function stacked(row: Row, width: number, theme: Theme): Line[] {
  const textWidth = Math.max(10, width - GUTTER);
  const lines: Line[] = [];
  const label = labelOf(row);
  if (label) lines.push(label);
  const changed = isEdited(row);
  const sideLines = (side: Side, whole?: 'insert' | 'delete'): Line[] =>
    wrapSegments(sideOf(row, side, theme, whole), textWidth);
  switch (row.kind) {
    case 'added':
      append(
        lines,
        withGutter(sideLines('b', 'insert'), gutter('+', 'insert', row.b), blankGutter),
      );
      break;
    case 'removed':
      append(
        lines,
        withGutter(sideLines('a', 'delete'), gutter('−', 'delete', row.a), blankGutter),
      );
      break;
    default:
      if (!changed) {
        const tone = row.kind === 'moved' ? 'moved' : 'gutter';
        const text = wrapSegments(
          sideOf(row, 'b', theme).map((s) => seg(s.text, 'dim')),
          textWidth,
        );
        append(
          lines,
          withGutter(text, gutter(row.kind === 'moved' ? '↕' : ' ', tone, row.b), blankGutter),
        );
      } else {
        append(lines, withGutter(sideLines('a'), gutter('−', 'delete', row.a), blankGutter));
        append(lines, withGutter(sideLines('b'), gutter('+', 'insert', row.b), blankGutter));
      }
  }
  return lines;
}

function sideBySide(row: Row, width: number, theme: Theme): Line[] {
  const column = Math.floor((width - 3) / 2);
  const textWidth = Math.max(10, column - GUTTER);
  const lines: Line[] = [];
  const label = labelOf(row);
  if (label) lines.push(label);
  const changed = isEdited(row);
  const dimmed = !changed && row.kind !== 'added' && row.kind !== 'removed';
  const build = (side: Side): Line[] => {
    if (side === 'a' && row.kind === 'added') return [];
    if (side === 'b' && row.kind === 'removed') return [];
    const whole = row.kind === 'added' ? 'insert' : row.kind === 'removed' ? 'delete' : undefined;
    let segments = sideOf(row, side, theme, whole);
    if (dimmed) segments = segments.map((s) => seg(s.text, 'dim'));
    const sign = dimmed ? ' ' : side === 'a' ? '−' : '+';
    const tone = dimmed ? 'gutter' : side === 'a' ? 'delete' : 'insert';
    return withGutter(
      wrapSegments(segments, textWidth),
      gutter(sign, tone, side === 'a' ? row.a : row.b),
      blankGutter,
    );
  };
  const left = build('a');
  const right = build('b');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    lines.push([...padLine(left[i] ?? [], column), seg(' │ ', 'gutter'), ...(right[i] ?? [])]);
  }
  return lines;
}

/** A comparison laid out as rows of A's passage then B's, or side by side. */
export function layoutCompare(
  comparison: Comparison,
  width: number,
  theme: Theme,
  sideBySideMode: boolean,
): CompareLayout {
  const lines: Line[] = [];
  const rowStarts: number[] = [];
  const changeRows: number[] = [];
  const twoColumns = sideBySideMode && width >= SIDE_BY_SIDE_MIN_WIDTH;
  comparison.rows.forEach((row, index) => {
    // Between rows, side by side keeps its divider running.
    if (index > 0)
      lines.push(
        twoColumns ? [seg(' '.repeat(Math.floor((width - 3) / 2))), seg(' │ ', 'gutter')] : [],
      );
    rowStarts.push(lines.length);
    if (row.kind !== 'same') changeRows.push(index);
    append(lines, twoColumns ? sideBySide(row, width, theme) : stacked(row, width, theme));
  });
  if (comparison.rows.length === 0) lines.push([seg('Both versions are empty.', 'dim')]);
  return { lines, rowStarts, changeRows };
}
