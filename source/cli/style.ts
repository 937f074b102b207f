/** Plain-text styling for the non-interactive commands: SGR colors, or nothing at all. */

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

export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  magenta(text: string): string;
  inverse(text: string): string;
}

const sgr =
  (open: number, close: number) =>
  (text: string): string =>
    text === '' ? '' : `\u001B[${open}m${text}\u001B[${close}m`;

const identity = (text: string): string => text;

export function makeStyle(enabled: boolean): Style {
  if (!enabled) {
    return {
      enabled,
      bold: identity,
      dim: identity,
      red: identity,
      green: identity,
      yellow: identity,
      cyan: identity,
      magenta: identity,
      inverse: identity,
    };
  }
  return {
    enabled,
    bold: sgr(1, 22),
    dim: sgr(2, 22),
    red: sgr(31, 39),
    green: sgr(32, 39),
    yellow: sgr(33, 39),
    cyan: sgr(36, 39),
    magenta: sgr(35, 39),
    inverse: sgr(7, 27),
  };
}
