import { glyphs } from '../../render/glyphs.js';
import {
  append,
  indented,
  lineWidth,
  seg,
  truncateLine,
  wrapSegments,
  type Line,
} from '../../render/line.js';
import { BINDINGS, SCOPE_TITLES, type Scope } from '../keymap.js';
import { clamp, scrollBy, type Move } from '../layout/scroll.js';

/**
 * The help screen's model: every key from the keymap, wrapped to the width, and where the screen
 * stands in it. Pure: keys scroll it, the pane draws what `helpScreen` selects.
 */

export interface HelpState {
  readonly kind: 'help';
  /** The first line of the help on screen. */
  readonly top: number;
}

export function openHelp(): HelpState {
  return { kind: 'help', top: 0 };
}

/** Scroll the help, `length` lines in a pane `height` rows tall (its position line included). */
export function scrollHelp(help: HelpState, step: Move, height: number, length: number): HelpState {
  return { ...help, top: scrollBy(help.top, step, helpBodyHeight(height), length) };
}

/** The order the help lists its keys: everywhere first, then each view, then the screens over them. */
const ORDER: readonly Scope[] = [
  'global',
  'move',
  'stories',
  'story',
  'reader',
  'search',
  'compare',
  'substitutions',
  'picker',
  'help',
];

/** A key as the help writes it: arrows and dashes spelled in ASCII when the chrome is ASCII. */
function keyLabel(label: string): string {
  if (glyphs().name === 'unicode') return label;
  return label
    .replace(/↓/g, 'Down')
    .replace(/↑/g, 'Up')
    .replace(/→/g, 'Right')
    .replace(/←/g, 'Left')
    .replace(/–/g, '-');
}

/** The help screen's text, generated from the keymap so it always tells the truth, wrapped. */
export function helpLines(width: number): Line[] {
  const { near, dot } = glyphs();
  const labelWidth = Math.max(...BINDINGS.map((b) => b.label.length)) + 2;
  const lines: Line[] = [];
  for (const scope of ORDER) {
    const bindings = BINDINGS.filter((b) => b.scope === scope);
    if (bindings.length === 0) continue;
    if (lines.length > 0) lines.push([]);
    lines.push([seg(SCOPE_TITLES[scope], 'heading')]);
    for (const binding of bindings) {
      const key = seg('  ' + keyLabel(binding.label).padEnd(labelWidth), 'accent');
      // A narrow screen wraps the description under itself, not under the key.
      const room = width - lineWidth([key]);
      if (room >= 12) append(lines, indented(wrapSegments([seg(binding.help)], room), [key]));
      else append(lines, [[key], ...wrapSegments([seg('    ' + binding.help)], width)]);
    }
  }
  const notes = [
    'In the search pane, letters go into the query.',
    `Stories: "${near}003 92%" names the closest version and the share of text they have in common.`,
    'Compare: similarity counts the words left unchanged, in both versions. The header says which ' +
      'way the colors read: what B changed from A. The current change is marked in the left margin.',
    `Substitutions (w in Compare) lists every word swapped, then the repairs ${dot} words a scraper ` +
      'ran together, which are not edits.',
  ];
  lines.push([]);
  for (const note of notes) append(lines, wrapSegments([seg(note, 'dim')], width));
  return lines;
}

/** Rows for the help's text: the pane less its position line. */
export function helpBodyHeight(paneHeight: number): number {
  return Math.max(1, paneHeight - 1);
}

export interface HelpScreen {
  /** The fixed line at the top: what this is, where it stands, how to move and close. */
  readonly header: Line;
  readonly top: number;
  readonly end: number;
  readonly total: number;
}

/** The help pane's selector: the window on the help, and the line that says where it stands. */
export function helpScreen(
  help: HelpState,
  lines: readonly Line[],
  width: number,
  paneHeight: number,
): HelpScreen {
  const height = helpBodyHeight(paneHeight);
  const total = lines.length;
  const top = clamp(help.top, 0, Math.max(0, total - height));
  const end = Math.min(total, top + height);
  const { dot, range } = glyphs();
  const position: Line = [
    seg('Keys', 'heading'),
    seg(` ${dot} lines ${top + 1}${range}${end} of ${total}`, 'accent'),
  ];
  const scrolls = end < total || top > 0;
  // The keys that scroll and close, as many as fit whole.
  const tips = [
    ...(scrolls ? [` ${dot} j k Space b scroll ${dot} Esc q ? close`, ` ${dot} j k scroll`] : []),
    ` ${dot} Esc closes`,
    '',
  ];
  const tip = tips.find((t) => lineWidth([...position, seg(t)]) <= width) ?? '';
  const header = truncateLine([...position, seg(tip, 'dim')], width);
  return { header, top, end, total };
}

/** The status line's place: "Help · lines 1–21 of 60". */
export function helpWhere(screen: HelpScreen): string {
  const { dot, range } = glyphs();
  return `Help ${dot} lines ${screen.top + 1}${range}${screen.end} of ${screen.total}`;
}
