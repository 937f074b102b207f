/**
 * Semantic tones, and the one theme that says how each looks. Views name what a piece of text
 * means (an insertion, a search match); the theme decides how that looks, for every output: the
 * Ink reader maps a tone's style to <Text> props (source/ui/theme.ts), the ANSI serializer to SGR
 * codes (source/render/ansi.ts), the HTML serializer to a CSS class.
 *
 * Colors use the 8 basic ANSI names only (16-color safe), so insertions and deletions stay
 * distinct on TERM=xterm or screen. The mono theme (NO_COLOR, --no-color) keeps every change
 * visible through wdiff-style markers, which layouts put into the text itself, plus bold and
 * inverse in the reader.
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

export const TONES: readonly Tone[] = [
  'plain',
  'dim',
  'heading',
  'accent',
  'insert',
  'delete',
  'moved',
  'match',
  'warning',
  'selected',
  'status',
  'gutter',
];

/** The 8 basic colors every color terminal has. */
export type BasicColor =
  'black' | 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'white';

export const BASIC_COLORS: readonly BasicColor[] = [
  'black',
  'red',
  'green',
  'yellow',
  'blue',
  'magenta',
  'cyan',
  'white',
];

/**
 * How one tone looks: a small set of attributes every terminal has. The names are Ink's <Text>
 * props, so the reader hands a style to Ink as it is.
 */
export interface ToneStyle {
  readonly color?: BasicColor;
  readonly backgroundColor?: BasicColor;
  readonly bold?: boolean;
  readonly dimColor?: boolean;
  readonly underline?: boolean;
  readonly inverse?: boolean;
}

export interface Theme {
  readonly name: 'color' | 'mono';
  /** Whether changes are wrapped in [-deleted-] and {+inserted+} markers (and matches in [[ ]]). */
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
    insert: { color: 'green' },
    delete: { color: 'red' },
    moved: { color: 'magenta' },
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

export interface ColorEnvironment {
  readonly flag: boolean | undefined;
  readonly env: NodeJS.ProcessEnv;
  readonly isTTY: boolean;
}

/**
 * Colors follow terminal conventions: the --color/--no-color flag first (a command-line flag
 * overrides the environment, as no-color.org asks), then NO_COLOR (when set and not empty), then
 * FORCE_COLOR, and otherwise colors only on a terminal that is not TERM=dumb.
 */
export function wantsColor({ flag, env, isTTY }: ColorEnvironment): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

/** The reader's theme: the same rule as the commands' colors, for a terminal. */
export function chooseTheme(colorFlag: boolean | undefined, env: NodeJS.ProcessEnv): Theme {
  return wantsColor({ flag: colorFlag, env, isTTY: true }) ? colorTheme : monoTheme;
}
