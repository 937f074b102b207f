/** `gaza-reader search`, run as users run it: the built program, on the bundled seeds. */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { hitLines } from '../../source/cli/search.js';
import { lineText } from '../../source/render/line.js';
import { runCli } from '../helpers/run-cli.js';

const SGR = /\x1b\[[0-9;]*m/g;

interface JsonHit {
  passage: string;
  versions: { id: string; paragraph: number }[];
  score: number;
  matches: [number, number][];
}

function searchJson(...args: string[]): JsonHit[] {
  const result = runCli(['search', ...args, '--json']);
  expect(result.status).toBe(0);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as JsonHit[];
}

describe('gaza-reader search --json', () => {
  it('prints the hits with exactly passage, versions, score and matches', () => {
    const hits = searchJson('Rafah');
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) {
      expect(Object.keys(hit).sort()).toEqual(['matches', 'passage', 'score', 'versions']);
      for (const v of hit.versions) expect(Object.keys(v).sort()).toEqual(['id', 'paragraph']);
    }
    const [first] = hits;
    expect(first!.versions).toEqual([{ id: '002_a2adb80b35aac799', paragraph: 9 }]);
    expect(first!.matches.map(([s, e]) => first!.passage.slice(s, e))).toEqual(['Rafah']);
    expect(first!.score).toBe(0.001);
  });

  it('finds through typos, and lists every version carrying a passage', () => {
    const hits = searchJson('Witkof');
    expect(hits).toHaveLength(5);
    for (const hit of hits) expect(hit.passage).toContain('Witkoff');
    const stage = searchJson('During the second stage, Israel');
    expect(stage[0]!.versions.map((v) => v.id.slice(0, 3))).toEqual(['000', '003', '004']);
  });

  it('keeps to --limit', () => {
    expect(searchJson('Gaza', '--limit', '3')).toHaveLength(3);
  });
});

describe('gaza-reader search', () => {
  it('prints where each passage stands, then the passage with its matches marked', () => {
    const { status, stdout, stderr } = runCli(['search', 'second stage', '--limit', '2']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    const blocks = stdout.trimEnd().split('\n\n');
    expect(blocks).toHaveLength(2);
    expect(blocks[1]!.split('\n')[0]).toBe('000, 003 ¶4 · 004 ¶10');
    expect(blocks[1]).toContain('During the [[second stage]], Israel');
    for (const block of blocks) {
      for (const line of block.split('\n').slice(1)) expect(line.startsWith('  ')).toBe(true);
    }
  });

  it('wraps passages to --width', () => {
    const { stdout } = runCli(['search', 'Gaza', '--width', '36']);
    const lines = stdout.split('\n');
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(36);
    // Unwrapped, the first passage reads as it is written, with its match marked.
    const first = stdout.split('\n\n')[0]!.split('\n').slice(1);
    expect(first.map((l) => l.trim()).join(' ')).toBe(
      'During the second stage, Israel is supposed to withdraw from its positions in [[Gaza]], an ' +
        'interim authority is to govern the Palestinian territory instead of Hamas, and an ' +
        'international stabilisation force is to be deployed.',
    );
  });

  it('paints matches in color, and adds nothing else to the text', () => {
    const colored = runCli(['search', 'rafah crossing'], { env: { FORCE_COLOR: '1' } });
    expect(colored.status).toBe(0);
    expect(colored.stdout).toContain('\x1b[30m\x1b[43mRafah');
    const plain = runCli(['search', 'rafah crossing']);
    // The same words; lines may break elsewhere, as [[ and ]] take room and colors do not.
    const words = (text: string): string => text.replace(/\s+/g, ' ');
    expect(words(colored.stdout.replace(SGR, ''))).toBe(
      words(plain.stdout.replace(/\[\[|\]\]/g, '')),
    );
  });

  it('says so on stderr, with exit status 1, when nothing matches', () => {
    const { status, stdout, stderr } = runCli(['search', 'zqxjv']);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('gaza-reader: no matches for "zqxjv"\n');
    const json = runCli(['search', 'zqxjv', '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('refuses a blank query, as a usage error', () => {
    const { status, stderr } = runCli(['search', '  ']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^gaza-reader: search needs something to look for/);
  });
});

describe('hitLines', () => {
  it('keeps a match in its tone across a line break, spaces inside the match too', () => {
    const passage = 'the  Rafah crossing opened';
    const start = passage.indexOf('Rafah');
    const hit = {
      passage,
      versions: [{ id: 'v1', paragraph: 0 }],
      score: 0,
      matches: [[start, start + 14]] as const,
    };
    const lines = hitLines(hit, new Map(), 11, false);
    expect(lines.map(lineText)).toEqual(['v1 ¶1', '  the Rafah', '  crossing', '  opened']);
    expect(lines[1]!.filter((s) => s.tone === 'match').map((s) => s.text)).toEqual(['Rafah']);
    expect(lines[2]!.filter((s) => s.tone === 'match').map((s) => s.text)).toEqual(['crossing']);
    const wide = hitLines(hit, new Map(), 40, false);
    expect(wide[1]!.filter((s) => s.tone === 'match').map((s) => s.text)).toEqual([
      'Rafah crossing',
    ]);
    expect(lineText(hitLines(hit, new Map(), 40, true)[1]!)).toBe(
      '  the [[Rafah crossing]] opened',
    );
  });
});
