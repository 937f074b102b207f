import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/**
 * CHANGELOG.md records every change to a --json shape. A field the commands print that the
 * changelog does not name is a change nobody recorded.
 */

const changelog = readFileSync(new URL('../../CHANGELOG.md', import.meta.url), 'utf8');

/** Every object key in `value`, at any depth. */
function keys(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keys(item, found);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      found.add(key);
      keys(inner, found);
    }
  }
  return found;
}

const commands = [
  ['list', '--json'],
  ['show', '003', '--json'],
  ['search', 'ceasefire talks', '--json'],
  ['diff', '000', '003', '--json'],
];

describe('CHANGELOG.md', () => {
  it('names every field that --json prints, for every command', () => {
    for (const args of commands) {
      const result = runCli(args);
      expect(result.status, args.join(' ')).toBe(0);
      const unrecorded = [...keys(JSON.parse(result.stdout))].filter(
        (key) => !new RegExp(`\\b${key}\\b`).test(changelog),
      );
      expect(unrecorded, args.join(' ')).toEqual([]);
    }
  });

  it('has a section for the version in package.json', () => {
    const { version } = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(changelog).toMatch(new RegExp(`^## ${version.replaceAll('.', '\\.')}$`, 'm'));
  });
});
