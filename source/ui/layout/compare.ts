import type { Comparison, Row, Substitution } from '../../compare/types.js';
import { glyphs } from '../../render/glyphs.js';
import {
  paragraphLabel,
  percent,
  plural,
  rowLabel,
  substitutionLabel,
} from '../../render/labels.js';
import { isEdited, sideSegments } from '../../render/paint.js';
import type { Theme, Tone } from '../theme.js';
import {
  append,
  lineWidth,
  padLine,
  seg,
  truncateLine,
  withGutter,
  wrapSegments,
  type Line,
  type Segment,
} from '../../render/line.js';

/**
 * What a line of the comparison shows: a row's label, A's text, B's text, text both share, both
 * sides side by side, or the blank between rows.
 */
export type LineRole = 'gap' | 'label' | 'a' | 'b' | 'same' | 'pair';

export interface CompareLayout {
  /** Every line starts with a one-column margin where the current change is marked. */
  readonly lines: readonly Line[];
  readonly roles: readonly LineRole[];
  /** The line where each row of the comparison starts. */
  readonly rowStarts: readonly number[];
  /** Indexes of the rows that hold a change (anything but `same`). */
  readonly changeRows: readonly number[];
  /** Side by side: the columns of A's side (after the margin) and where B's starts. */
  readonly columns: { readonly width: number; readonly bStart: number } | null;
}

/** Side by side needs room for two readable columns. */
export const SIDE_BY_SIDE_MIN_WIDTH = 120;

/** The margin left of every line, where the current change is marked. */
export const MARGIN = 1;

type Side = 'a' | 'b';

/** A side's segments: changes marked in the text with the mono theme, except in a whole passage. */
function sideOf(row: Row, side: Side, theme: Theme, whole?: 'insert' | 'delete'): Segment[] {
  const segments = sideSegments(row, side, {
    markers: theme.markers && whole === undefined,
    whole,
  });
  // Site chrome (share buttons, bylines) is shown, but dim: it is not the story.
  return row.chrome ? segments.map((s) => seg(s.text, 'dim')) : segments;
}

/** How a side of a row shows as a whole passage: added, removed or rewritten beyond recognition. */
function wholeOf(row: Row, side: Side): 'insert' | 'delete' | undefined {
  if (row.kind === 'added' || (row.kind === 'rewritten' && side === 'b')) return 'insert';
  if (row.kind === 'removed' || (row.kind === 'rewritten' && side === 'a')) return 'delete';
  return undefined;
}

/** The label above a row that moved, was rewritten, added or removed; the gutter numbers the rest. */
function labelOf(row: Row): Line | null {
  return row.kind === 'moved' ||
    row.kind === 'added' ||
    row.kind === 'removed' ||
    row.kind === 'rewritten'
    ? rowLabel(row)
    : null;
}

/** Columns of the gutter: a sign, a space, the paragraph number ("¶123"), a space. */
const NUMBER_WIDTH = 4;
const GUTTER = 1 + 1 + NUMBER_WIDTH + 1;

function gutter(sign: string, tone: Tone, index: number | null): Line {
  const number = paragraphLabel(index).padStart(NUMBER_WIDTH);
  return [seg(sign, tone), seg(' ' + number + ' ', 'gutter')];
}

const blankGutter = (): Line => [seg(' '.repeat(GUTTER))];

interface Built {
  readonly lines: Line[];
  readonly roles: LineRole[];
}

function add(out: Built, lines: readonly Line[], role: LineRole): void {
  append(out.lines, lines);
  for (let i = 0; i < lines.length; i++) out.roles.push(role);
}

/** Whether a row shows its text once, dim, for both versions. */
function unchanged(row: Row): boolean {
  return (row.kind === 'same' || row.kind === 'moved') && !isEdited(row);
}

function stacked(row: Row, width: number, theme: Theme, out: Built): void {
  const textWidth = Math.max(10, width - GUTTER);
  const { minus, moved } = glyphs();
  const label = labelOf(row);
  if (label) add(out, [label], 'label');
  const side = (which: Side): Line[] =>
    wrapSegments(sideOf(row, which, theme, wholeOf(row, which)), textWidth);
  if (unchanged(row)) {
    const text = wrapSegments(
      sideOf(row, 'b', theme).map((s) => seg(s.text, 'dim')),
      textWidth,
    );
    const sign =
      row.kind === 'moved' ? gutter(moved, 'moved', row.b) : gutter(' ', 'gutter', row.b);
    add(out, withGutter(text, sign, blankGutter()), 'same');
    return;
  }
  // A's passage, then B's: a rewritten passage whole, one after the other.
  if (row.kind !== 'added') {
    add(out, withGutter(side('a'), gutter(minus, 'delete', row.a), blankGutter()), 'a');
  }
  if (row.kind !== 'removed') {
    add(out, withGutter(side('b'), gutter('+', 'insert', row.b), blankGutter()), 'b');
  }
}

function sideBySide(row: Row, column: number, theme: Theme, out: Built): void {
  const textWidth = Math.max(10, column - GUTTER);
  const { minus, divider } = glyphs();
  const label = labelOf(row);
  if (label) add(out, [truncateLine(label, column * 2 + 3)], 'label');
  const dimmed = unchanged(row);
  const build = (which: Side): Line[] => {
    if (which === 'a' && row.kind === 'added') return [];
    if (which === 'b' && row.kind === 'removed') return [];
    let segments = sideOf(row, which, theme, wholeOf(row, which));
    if (dimmed) segments = segments.map((s) => seg(s.text, 'dim'));
    const sign = dimmed ? ' ' : which === 'a' ? minus : '+';
    const tone = dimmed ? 'gutter' : which === 'a' ? 'delete' : 'insert';
    return withGutter(
      wrapSegments(segments, textWidth),
      gutter(sign, tone, which === 'a' ? row.a : row.b),
      blankGutter(),
    );
  };
  const left = build('a');
  const right = build('b');
  const lines: Line[] = [];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    lines.push([
      ...padLine(left[i] ?? [], column),
      seg(` ${divider} `, 'gutter'),
      ...(right[i] ?? []),
    ]);
  }
  add(out, lines, 'pair');
}

/** The width of each column side by side, in a line `width` wide with its margin. */
export function columnWidth(width: number): number {
  return Math.floor((width - MARGIN - 3) / 2);
}

/** A comparison laid out as rows of A's passage then B's, or side by side. */
export function layoutCompare(
  comparison: Comparison,
  width: number,
  theme: Theme,
  sideBySideMode: boolean,
): CompareLayout {
  const out: Built = { lines: [], roles: [] };
  const rowStarts: number[] = [];
  const changeRows: number[] = [];
  const twoColumns = sideBySideMode && width >= SIDE_BY_SIDE_MIN_WIDTH;
  const inner = width - MARGIN;
  const column = columnWidth(width);
  comparison.rows.forEach((row, index) => {
    // Between rows, side by side keeps its divider running.
    if (index > 0) {
      add(
        out,
        [twoColumns ? [seg(' '.repeat(column)), seg(` ${glyphs().divider} `, 'gutter')] : []],
        'gap',
      );
    }
    rowStarts.push(out.lines.length);
    if (row.kind !== 'same') changeRows.push(index);
    if (twoColumns) sideBySide(row, column, theme, out);
    else stacked(row, inner, theme, out);
  });
  if (comparison.rows.length === 0) add(out, [[seg('Both versions are empty.', 'dim')]], 'label');
  const margin = seg(' '.repeat(MARGIN));
  return {
    lines: out.lines.map((line) => [margin, ...line]),
    roles: out.roles,
    rowStarts,
    changeRows,
    columns: twoColumns ? { width: column, bStart: column + 3 } : null,
  };
}

/** The versions a comparison shows, by their short names. */
export interface PairNames {
  readonly a: string;
  readonly b: string;
  readonly aTitle: string;
  readonly bTitle: string;
}

/** Fit the most parts that fit in `width`, dropping the last-ranked first; `rank` lists indexes. */
function fitParts(parts: readonly Segment[][], rank: readonly number[], width: number): Line {
  const kept = new Set(parts.map((_, i) => i));
  const line = (): Line => parts.flatMap((part, i) => (kept.has(i) ? part : []));
  for (const drop of [...rank].reverse()) {
    if (lineWidth(line()) <= width) break;
    kept.delete(drop);
  }
  return truncateLine(line(), width);
}

/**
 * The line that says which way the colors read: "What 003 changed from 000", with B's name in
 * the insertion's tone and A's in the deletion's, then the counts as they fit.
 */
function directionLine(comparison: Comparison, names: PairNames, width: number): Line {
  const { stats } = comparison;
  const { minus, dot } = glyphs();
  const parts: Segment[][] = [
    [seg('What '), seg(names.b, 'insert'), seg(' changed from '), seg(names.a, 'delete')],
    [
      seg(`: ${minus}${stats.deleted}`, 'delete'),
      seg(' '),
      seg(`+${stats.inserted}`, 'insert'),
      seg(' words'),
    ],
    [seg(` ${dot} `), seg(`${stats.moved} moved`, 'moved')],
    [seg(` ${dot} ${percent(stats.similarity)} similar`)],
  ];
  // Dropped first when narrow: the moves, then the word counts, then the similarity.
  return fitParts(parts, [0, 3, 1, 2], width);
}

function joinSubstitutions(items: readonly Substitution[]): Segment[] {
  return items.flatMap((s, k) => [...(k > 0 ? [seg('; ')] : []), ...substitutionLabel(s)]);
}

/**
 * The substitutions in one line: as many whole ones as fit, the editorial ones first, and how
 * many more the full list (w) holds. Never a substitution cut in the middle.
 */
function substitutionLine(comparison: Comparison, width: number): Line {
  const editorial = comparison.substitutions.filter((s) => !s.repair);
  const repairs = comparison.substitutions.length - editorial.length;
  if (comparison.substitutions.length === 0) return [seg('No word substitutions.', 'dim')];
  const lead = seg('Swapped: ', 'dim');
  const counted = (rest: number): string =>
    [rest ? `${rest} more` : '', repairs ? plural(repairs, 'repair') : '']
      .filter(Boolean)
      .join(', ');
  const candidates: Line[] = [];
  for (let shown = editorial.length; shown > 0; shown--) {
    const more = counted(editorial.length - shown);
    candidates.push([
      lead,
      ...joinSubstitutions(editorial.slice(0, shown)),
      ...(more ? [seg(`; ${more} (w)`, 'dim')] : []),
    ]);
  }
  const all = [
    editorial.length ? plural(editorial.length, 'substitution') : '',
    repairs ? plural(repairs, 'repair') : '',
  ]
    .filter(Boolean)
    .join(', ');
  candidates.push(
    [seg(`${all}: w lists them`, 'dim')],
    [seg(`${all} (w)`, 'dim')],
    [seg(`${plural(comparison.substitutions.length, 'swap')} (w)`, 'dim')],
  );
  return truncateLine(
    candidates.find((line) => lineWidth(line) <= width) ?? candidates.at(-1)!,
    width,
  );
}

/** A version's name and title, for a column heading or the legend. */
function heading(sign: Segment, name: string, title: string, width: number): Line {
  return truncateLine(
    [sign, seg(' '), seg(name, 'accent'), seg('  '), seg(title, 'heading')],
    width,
  );
}

/**
 * The summary above a comparison, three lines: which way the colors read with the counts, the
 * substitutions that fit, and a rule that names the two versions in their signs or `markers`
 * (side by side: the columns' headings). Every line starts with the body's margin.
 */
export function compareHeader(
  comparison: Comparison,
  names: PairNames,
  width: number,
  twoColumns: boolean,
  markers = false,
): Line[] {
  const inner = width - MARGIN;
  const margin = seg(' '.repeat(MARGIN));
  const { minus, rule, divider } = glyphs();
  const aSign = seg(minus, 'delete');
  const bSign = seg('+', 'insert');
  let third: Line;
  if (twoColumns) {
    const column = columnWidth(width);
    third = [
      ...padLine(heading(aSign, names.a, names.aTitle, column), column),
      seg(` ${divider} `, 'gutter'),
      ...heading(bSign, names.b, names.bTitle, column),
    ];
  } else {
    // Without color, the legend shows the marks the text carries.
    const legend: Line = markers
      ? [seg(`[-${names.a}-]`, 'delete'), seg(' '), seg(`{+${names.b}+}`, 'insert'), seg(' ')]
      : [
          aSign,
          seg(' '),
          seg(names.a, 'delete'),
          seg('  '),
          bSign,
          seg(' '),
          seg(names.b, 'insert'),
          seg(' '),
        ];
    const fill = Math.max(0, inner - lineWidth(legend));
    third = truncateLine([...legend, seg(rule.repeat(fill), 'gutter')], inner);
  }
  return [
    [margin, ...directionLine(comparison, names, inner)],
    [margin, ...substitutionLine(comparison, inner)],
    [margin, ...third],
  ];
}

/**
 * Every substitution of a pair, one to a line and wrapped between words: the editorial ones,
 * then the repairs of words a scraper ran together.
 */
export function substitutionLines(comparison: Comparison, names: PairNames, width: number): Line[] {
  const editorial = comparison.substitutions.filter((s) => !s.repair);
  const repairs = comparison.substitutions.filter((s) => s.repair);
  const lines: Line[] = [];
  const wrap = (segments: Segment[]): void => append(lines, wrapSegments(segments, width));
  wrap([
    seg(`Substitutions: words `, 'heading'),
    seg(names.b, 'insert'),
    seg(' has in place of ', 'heading'),
    seg(names.a, 'delete'),
    seg(`'s`, 'heading'),
  ]);
  lines.push([]);
  if (editorial.length === 0) lines.push([seg('None.', 'dim')]);
  for (const s of editorial)
    append(
      lines,
      withGutter(wrapSegments(substitutionLabel(s), width - 2), [seg('  ')], [seg('    ')]),
    );
  if (repairs.length > 0) {
    lines.push([]);
    wrap([seg('Repairs', 'heading'), seg(': words a scraper ran together, not edits', 'dim')]);
    lines.push([]);
    for (const s of repairs) {
      append(
        lines,
        withGutter(
          wrapSegments([...substitutionLabel(s), seg(' (repair)', 'dim')], width - 2),
          [seg('  ')],
          [seg('    ')],
        ),
      );
    }
  }
  return lines;
}
