/**
 * The characters of the chrome (marks, signs, rules, separators) in one table, chosen once per
 * process. A terminal whose locale is not UTF-8, or the Linux console, gets plain ASCII instead,
 * as tig and mutt do; the corpus's own text is never translated, only what this program adds.
 *
 * Every label, layout and command takes its chrome from `glyphs()`; nothing else writes ▍ ❯ ≈ ¶
 * ↕ → ─ … − · by hand.
 */

export interface Glyphs {
  readonly name: 'unicode' | 'ascii';
  /** Before a story's heading in Stories. */
  readonly bar: string;
  /** The cursor in a list (the picker). */
  readonly cursor: string;
  /** The selected result in Search. */
  readonly selected: string;
  /** The current change in Compare, in the left margin. */
  readonly mark: string;
  /** "≈003 92%": the closest version. */
  readonly near: string;
  /** "¶4": a paragraph number. */
  readonly paragraph: string;
  /** The sign of a passage that moved. */
  readonly moved: string;
  /** "Turkey → Türkiye", "000 → 003". */
  readonly arrow: string;
  /** One column of a horizontal rule. */
  readonly rule: string;
  /** The divider between the two columns of side by side. */
  readonly divider: string;
  /** Marks text cut to fit. */
  readonly ellipsis: string;
  /** The sign of deleted text (the plus sign is ASCII already). */
  readonly minus: string;
  /** Between the parts of a label: "¶9 · changed". */
  readonly dot: string;
  /** A range, "lines 1–20", and "1–9". */
  readonly range: string;
  /** No value: a version with no date. */
  readonly none: string;
  /** "×2": how many times. */
  readonly times: string;
  /** More columns to the left or right, in the story view. */
  readonly moreLeft: string;
  readonly moreRight: string;
  /** Quotes around a query or a word in a message. */
  readonly open: string;
  readonly close: string;
}

export const UNICODE_GLYPHS: Glyphs = {
  name: 'unicode',
  bar: '▍',
  cursor: '❯',
  selected: '▶',
  mark: '▍',
  near: '≈',
  paragraph: '¶',
  moved: '↕',
  arrow: '→',
  rule: '─',
  divider: '│',
  ellipsis: '…',
  minus: '−',
  dot: '·',
  range: '–',
  none: '—',
  times: '×',
  moreLeft: '‹',
  moreRight: '›',
  open: '“',
  close: '”',
};

export const ASCII_GLYPHS: Glyphs = {
  name: 'ascii',
  bar: '|',
  cursor: '>',
  selected: '>',
  mark: '>',
  near: '~',
  paragraph: '#',
  moved: '~',
  arrow: '->',
  rule: '-',
  divider: '|',
  ellipsis: '~',
  minus: '-',
  dot: '-',
  range: '-',
  none: '-',
  times: 'x',
  moreLeft: '<',
  moreRight: '>',
  open: '"',
  close: '"',
};

/** The locale that decides the character set: LC_ALL, else LC_CTYPE, else LANG (POSIX order). */
export function localeOf(env: NodeJS.ProcessEnv): string | null {
  for (const name of ['LC_ALL', 'LC_CTYPE', 'LANG'] as const) {
    const value = env[name];
    if (value !== undefined && value !== '') return value;
  }
  return null;
}

/**
 * Whether the terminal takes UTF-8 chrome. The Linux console (TERM=linux) never does: its font
 * lacks most of these characters. Otherwise the locale decides: "C.UTF-8", "en_US.utf8" do, "C",
 * "POSIX" and "en_US.ISO-8859-1" do not. With no locale set at all (a bare container, a cron
 * job, an SSH session that passes none) the terminal is most likely a UTF-8 emulator, so the
 * chrome is UTF-8; set LC_ALL=C to ask for ASCII.
 */
export function wantsUnicode(env: NodeJS.ProcessEnv): boolean {
  if (env.TERM === 'linux') return false;
  const locale = localeOf(env);
  if (locale === null) return true;
  return /utf-?8/i.test(locale);
}

export function chooseGlyphs(env: NodeJS.ProcessEnv): Glyphs {
  return wantsUnicode(env) ? UNICODE_GLYPHS : ASCII_GLYPHS;
}

let current: Glyphs = chooseGlyphs(process.env);

/** The chrome's characters for this process: chosen from its environment when it starts. */
export function glyphs(): Glyphs {
  return current;
}

/**
 * Use another table from now on: for a caller that knows better than the environment, and for
 * tests. Returns the table it replaces, to put back.
 */
export function setGlyphs(table: Glyphs): Glyphs {
  const previous = current;
  current = table;
  return previous;
}
