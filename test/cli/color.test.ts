import { describe, expect, it } from 'vitest';
import { wantsColor } from '../../source/render/theme.js';
import { runCli } from '../helpers/run-cli.js';

const SGR = /\x1b\[[0-9;]*m/g;
const ESC = '\x1b';

/** Run with a clean color environment: only the variables given. */
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCli(args, { env: { NO_COLOR: undefined, TERM: undefined, ...env } });

describe('wantsColor', () => {
  const want = (flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): boolean =>
    wantsColor({ flag, env, isTTY });

  it('colors a terminal and not a pipe by default', () => {
    expect(want(undefined, {}, true)).toBe(true);
    expect(want(undefined, {}, false)).toBe(false);
    expect(want(undefined, { TERM: 'dumb' }, true)).toBe(false);
  });

  it('follows NO_COLOR when it is set and not empty', () => {
    expect(want(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    expect(want(undefined, { NO_COLOR: '' }, true)).toBe(true);
    expect(want(undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }, false)).toBe(false);
  });

  it('follows FORCE_COLOR', () => {
    expect(want(undefined, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(want(undefined, { FORCE_COLOR: '' }, false)).toBe(true);
    expect(want(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(want(undefined, { FORCE_COLOR: 'false' }, true)).toBe(false);
  });

  it('lets --color and --no-color override the environment', () => {
    expect(want(false, { FORCE_COLOR: '1' }, true)).toBe(false);
    expect(want(true, {}, false)).toBe(true);
    expect(want(true, { NO_COLOR: '1' }, false)).toBe(true);
    expect(want(true, { FORCE_COLOR: '0' }, false)).toBe(true);
  });
});

describe('colors on the command line', () => {
  const plainList = run(['list']).stdout;
  const plainShow = run(['show', '004']).stdout;

  it('prints no escape at all when piped', () => {
    expect(plainList).toMatch(/^VERSION\s+DATE/);
    expect(plainList).not.toContain(ESC);
    expect(plainShow).not.toContain(ESC);
    expect(run(['list', '--json']).stdout).not.toContain(ESC);
  });

  it('colors with FORCE_COLOR=1, changing nothing but the SGR sequences', () => {
    const list = run(['list'], { FORCE_COLOR: '1' }).stdout;
    expect(list).toContain('\x1b[1mVERSION');
    expect(list).toContain('\x1b[36m000    \x1b[39m');
    expect(list.replace(SGR, '')).toBe(plainList);
    const show = run(['show', '004'], { FORCE_COLOR: '1' }).stdout;
    expect(show).toContain('\x1b[1mCeasefire talks in Miami: What to know\x1b[22m');
    expect(show.replace(SGR, '')).toBe(plainShow);
  });

  it('never colors JSON', () => {
    expect(run(['list', '--json'], { FORCE_COLOR: '1' }).stdout).not.toContain(ESC);
    expect(run(['show', '000', '--json', '--color']).stdout).not.toContain(ESC);
  });

  it('prints no color with NO_COLOR=1, even with FORCE_COLOR=1', () => {
    expect(run(['list'], { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).toBe(plainList);
    expect(run(['show', '004'], { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).toBe(plainShow);
  });

  it('prints no color with --no-color, even with FORCE_COLOR=1', () => {
    expect(run(['list', '--no-color'], { FORCE_COLOR: '1' }).stdout).toBe(plainList);
    expect(run(['--no-color', 'show', '004'], { FORCE_COLOR: '1' }).stdout).toBe(plainShow);
  });

  it('prints no color with --color=false, even with FORCE_COLOR=1', () => {
    expect(run(['list', '--color=false'], { FORCE_COLOR: '1' }).stdout).toBe(plainList);
  });

  it('prints no color with FORCE_COLOR=0', () => {
    expect(run(['list'], { FORCE_COLOR: '0' }).stdout).toBe(plainList);
  });

  it('forces color with --color, even into a pipe and over NO_COLOR', () => {
    const forced = run(['list', '--color']).stdout;
    expect(forced).toContain('\x1b[36m000    \x1b[39m');
    expect(run(['list', '--color'], { NO_COLOR: '1' }).stdout).toBe(forced);
  });
});
