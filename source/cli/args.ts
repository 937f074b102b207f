import meow from 'meow';
import { UserError } from '../corpus/errors.js';
import { sanitizeLine } from '../corpus/sanitize.js';

export const HELP = `
  Read and compare the versions of a news story.

  Usage
    $ gaza-reader [--corpus DIR]            open the reader (a terminal is needed)
    $ gaza-reader list                      the versions, with title, date and words
    $ gaza-reader show <version>            one version's metadata and text
    $ gaza-reader search <query>            fuzzy search over every passage
    $ gaza-reader diff <version> <version>  what changed from one version to the other
    $ gaza-reader compare <a> <b>           open the reader straight into a comparison
    $ gaza-reader collate [<version>...]    every version of a story at once, row by row
    $ gaza-reader changes <word or phrase>  which versions inserted or removed it

  A version is named by its id, its file name, or a unique prefix of its id (000).

  Options
    --corpus DIR   a folder of .txt and .md files, one version each (default: the bundled seeds)
    --json         print JSON for scripts (list, show, search, diff, collate, changes)
    --format F     text (the default), json, or for diff and collate: html or markdown, to share
    --width N      wrap text to N columns (default: the terminal width, or 80)
    --exact        count typographic variants (quotes, dashes, spaces) as changes
    --limit N      how many search results to print (default 20)
    --no-color     no colors; also NO_COLOR=1. FORCE_COLOR=1 forces them
    --help         show this help
    --version      show the version

  Examples
    $ gaza-reader diff 000 003
    $ gaza-reader search "Witkof" --json
    $ gaza-reader changes genocidal
    $ gaza-reader diff 000 003 --format html > changes.html
    $ gaza-reader list --corpus ~/stories/miami-talks
`;

export const COMMANDS = [
  'list',
  'show',
  'search',
  'diff',
  'compare',
  'collate',
  'changes',
] as const;
export type CommandName = (typeof COMMANDS)[number];

/** What a command prints: text for people, JSON for scripts, or a report (diff only). */
export const FORMATS = ['text', 'json', 'html', 'markdown'] as const;
export type OutputFormat = (typeof FORMATS)[number];

/** The commands that write a report as HTML or Markdown. */
const REPORTING: ReadonlySet<string> = new Set(['diff', 'compare', 'collate']);

export interface Flags {
  readonly corpus: string | undefined;
  /** Whether to print JSON: `--json`, or `--format json`. */
  readonly json: boolean;
  readonly format: OutputFormat;
  readonly width: number | undefined;
  readonly exact: boolean;
  readonly limit: number;
  readonly color: boolean | undefined;
}

export interface Invocation {
  /** The command, or undefined for the interactive reader. */
  readonly command: CommandName | undefined;
  readonly args: readonly string[];
  readonly flags: Flags;
}

const FLAG_SPEC = {
  corpus: { type: 'string' },
  json: { type: 'boolean', default: false },
  format: { type: 'string' },
  width: { type: 'number' },
  exact: { type: 'boolean', default: false },
  limit: { type: 'number', default: 20 },
  color: { type: 'boolean' },
} as const;

const KNOWN = new Set([...Object.keys(FLAG_SPEC), 'help', 'version']);
const TAKES_VALUE = new Set(['corpus', 'format', 'width', 'limit']);

function closest(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of KNOWN) {
    const d = editDistance(name, known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Check the flags of `argv` and return those given, by name: false for a `--no-` negation, true
 * otherwise (the last one wins). Unknown flags are rejected with one line that names them (meow's own report
 * spans lines), and so is a flag that needs a value and has none.
 */
function scanFlags(argv: readonly string[]): Map<string, boolean> {
  const given = new Map<string, boolean>();
  const valued = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) continue;
    const long = arg.startsWith('--') ? arg.slice(2).split('=')[0]! : undefined;
    const names =
      long !== undefined
        ? [long.replace(/^no-/, '')]
        : [...arg.slice(1)].map((ch) => (ch === 'h' ? 'help' : ch === 'v' ? 'version' : ch));
    for (const name of names) {
      // A flag that takes a value has no negation: `--no-width` is unknown.
      if (!KNOWN.has(name) || (long?.startsWith('no-') === true && TAKES_VALUE.has(name))) {
        const guess = closest(name);
        // `-dash.txt` is more likely a file than a flag: say how to name it.
        const hint = /[./]/.test(arg.split('=')[0]!)
          ? `; to name a version, write ./${sanitizeLine(arg)} or put it after --`
          : guess
            ? `; did you mean --${guess}?`
            : '; see gaza-reader --help';
        throw new UserError(`unknown flag ${sanitizeLine(arg)}${hint}`);
      }
      const negated = long?.startsWith('no-') === true;
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined;
      const off = value !== undefined && /^(?:false|0|no)$/i.test(value);
      given.set(name, negated === off);
    }
    const last = names[names.length - 1]!;
    if (TAKES_VALUE.has(last)) {
      if (valued.has(last)) throw new UserError(`--${last} can be given only once`);
      valued.add(last);
      if (arg.includes('=')) {
        if (arg.slice(arg.indexOf('=') + 1) === '') throw new UserError(`--${last} needs a value`);
        continue;
      }
      const value = argv[i + 1];
      if (value === undefined || value === '' || (value.startsWith('-') && !/^-\d/.test(value))) {
        throw new UserError(`--${last} needs a value`);
      }
      i++;
    }
  }
  return given;
}

function positiveInteger(name: string, value: number | undefined, least = 1): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < least) {
    throw new UserError(
      least === 1
        ? `--${name} needs a whole number above 0`
        : `--${name} needs a whole number of at least ${least}`,
    );
  }
  return value;
}

/** The output format `--format` and `--json` ask for, checked against the command. */
function outputFormat(
  given: string | undefined,
  json: boolean,
  command: CommandName | undefined,
): OutputFormat {
  if (given === undefined) return json ? 'json' : 'text';
  const format = given.toLowerCase() === 'md' ? 'markdown' : given.toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UserError(
      `--format ${sanitizeLine(given)} is not a format; use one of ${FORMATS.join(', ')}`,
    );
  }
  if (json && format !== 'json') {
    throw new UserError(`--json and --format ${format} ask for two formats; give one`);
  }
  if ((format === 'html' || format === 'markdown') && !REPORTING.has(command ?? '')) {
    throw new UserError(
      `--format ${format} is for diff and collate; the other commands print text or json`,
    );
  }
  return format as OutputFormat;
}

/** Narrower than this, wrapped text and its markers no longer read. */
export const MIN_WIDTH = 20;

const ARITY: Record<CommandName, { min: number; max: number; usage: string }> = {
  list: { min: 0, max: 0, usage: 'gaza-reader list' },
  show: { min: 1, max: 1, usage: 'gaza-reader show <version>' },
  search: { min: 1, max: Infinity, usage: 'gaza-reader search <query>' },
  diff: { min: 2, max: 2, usage: 'gaza-reader diff <version> <version>' },
  compare: { min: 2, max: 2, usage: 'gaza-reader compare <version> <version>' },
  collate: { min: 0, max: Infinity, usage: 'gaza-reader collate [<version>...]' },
  changes: { min: 1, max: Infinity, usage: 'gaza-reader changes <word or phrase>' },
};

export function parseArgs(argv: readonly string[]): Invocation {
  const given = scanFlags(argv);
  let cli;
  try {
    cli = meow(HELP, {
      importMeta: import.meta,
      argv: [...argv],
      flags: FLAG_SPEC,
      allowUnknownFlags: true,
      autoHelp: true,
      autoVersion: true,
      // The help text says what the program is; meow would print package.json's description too.
      description: false,
      // Resolved at build time: the bundle has no package.json beside it to read.
      version: process.env.GAZA_READER_VERSION ?? '0.0.0',
    });
  } catch (error) {
    // Whatever meow rejects is a usage mistake: one line, no stack.
    const message = error instanceof Error ? error.message : String(error);
    throw new UserError(sanitizeLine(message.split('\n')[0]!));
  }
  // meow answers --help and --version only when they are the sole argument; answer them anywhere
  // (`gaza-reader list --help`, `-h`, `-v`). Both print to stdout and exit 0.
  if (given.get('help') === true) cli.showHelp(0);
  if (given.get('version') === true) cli.showVersion();
  const [first, ...rest] = cli.input;
  if (first === 'help') cli.showHelp(0);
  let command: CommandName | undefined;
  if (first !== undefined) {
    if (!(COMMANDS as readonly string[]).includes(first)) {
      throw new UserError(
        `unknown command "${sanitizeLine(first)}"; the commands are ${COMMANDS.join(', ')}`,
      );
    }
    command = first as CommandName;
    const arity = ARITY[command];
    if (rest.length < arity.min || rest.length > arity.max) {
      throw new UserError(`usage: ${arity.usage}`);
    }
  }
  const format = outputFormat(cli.flags.format, cli.flags.json, command);
  const flags: Flags = {
    corpus: cli.flags.corpus,
    json: format === 'json',
    format,
    width: positiveInteger('width', cli.flags.width, MIN_WIDTH),
    exact: cli.flags.exact,
    limit: positiveInteger('limit', cli.flags.limit) ?? 20,
    // Not cli.flags.color: meow makes an absent boolean flag false, and absent must mean "follow
    // the environment" (NO_COLOR, FORCE_COLOR, a terminal or not).
    color: given.get('color'),
  };
  return { command, args: rest, flags };
}
