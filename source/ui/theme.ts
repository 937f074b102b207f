import { wantsColor } from '../cli/style.js';

/**
 * Semantic colors. Views name what a piece of text means (an insertion, a search match); the
 * theme decides how that looks. Colors use the 16 basic ANSI names only, so insertions and
 * deletions stay distinct on TERM=xterm or screen. The mono theme (NO_COLOR, --no-color) keeps
 * every change visible through wdiff-style markers, bold and inverse.
 */

export type Tone =
  | 'plain'
  | 'dim'
  | 'heading'
  | 'accent'
  | 'insert'
  | 'delete'
  | 'moved'
  | 'match'
  | 'warning'
  | 'selected'
  | 'status'
  | 'gutter';

export interface ToneStyle {
  readonly color?: string;
  readonly backgroundColor?: string;
  readonly bold?: boolean;
  readonly dimColor?: boolean;
  readonly inverse?: boolean;
  readonly underline?: boolean;
}

export interface Theme {
  readonly name: 'color' | 'mono';
  /** Whether changes are wrapped in [-deleted-] and {+inserted+} markers. */
  readonly markers: boolean;
  readonly tones: Readonly<Record<Tone, ToneStyle>>;
}

export const colorTheme: Theme = {
  name: 'color',
  markers: false,
  tones: {
    plain: {},
    dim: { dimColor: true },
    heading: { bold: true },
    accent: { color: 'cyan' },
    insert: { color: 'green', bold: true },
    delete: { color: 'red', bold: true },
    moved: { color: 'magenta', bold: true },
    match: { color: 'black', backgroundColor: 'yellow' },
    warning: { color: 'yellow' },
    selected: { inverse: true },
    status: { inverse: true },
    gutter: { dimColor: true },
  },
};

export const monoTheme: Theme = {
  name: 'mono',
  markers: true,
  tones: {
    plain: {},
    dim: { dimColor: true },
    heading: { bold: true },
    accent: { bold: true },
    insert: { bold: true, underline: true },
    delete: { bold: true },
    moved: { bold: true },
    match: { inverse: true },
    warning: { bold: true },
    selected: { inverse: true },
    status: { inverse: true },
    gutter: { dimColor: true },
  },
};

/** The same rule as the commands' colors (source/cli/style.ts), for a terminal. */
export function chooseTheme(colorFlag: boolean | undefined, env: NodeJS.ProcessEnv): Theme {
  return wantsColor({ flag: colorFlag, env, isTTY: true }) ? colorTheme : monoTheme;
}
