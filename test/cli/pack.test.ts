import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The package as users get it: `npm pack`, then the tarball installed into an empty folder. The
 * install fetches the dependencies from the npm registry (and nothing else), so it takes a while.
 */

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SLOW = 180_000;

const root = mkdtempSync(join(tmpdir(), 'gaza-reader-pack-'));
const packed = join(root, 'packed');
const extracted = join(root, 'extracted');
const consumer = join(root, 'consumer');

interface PackResult {
  readonly filename: string;
  readonly files: readonly { readonly path: string }[];
}

let tarball: string;
let files: string[];

const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  for (const dir of [packed, extracted, consumer]) mkdirSync(dir);
  // --ignore-scripts: `prepare` would rebuild dist/cli.js while the other test files run it.
  // The tests are run after a build (npm test builds first), so dist/cli.js is current.
  const [result] = JSON.parse(
    npm(['pack', '--ignore-scripts', '--json', '--pack-destination', packed], REPO),
  ) as PackResult[];
  tarball = join(packed, result!.filename);
  files = result!.files.map((f) => f.path).sort();
  execFileSync('tar', ['-xzf', tarball, '-C', extracted]);
}, SLOW);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('npm pack', () => {
  it('packs the bundle, the seeds and the manifest, and no sources or tests', () => {
    const seeds = readdirSync(join(REPO, 'seeds'))
      .filter((name) => name.endsWith('.txt'))
      .map((name) => `seeds/${name}`);
    expect(seeds).toHaveLength(5);
    expect(files).toEqual(expect.arrayContaining(['dist/cli.js', 'package.json', ...seeds]));
    if (existsSync(join(REPO, 'README.md'))) expect(files).toContain('README.md');
    for (const file of files) {
      expect(file).not.toMatch(/^(source|test|bench|scripts|node_modules)\//);
      expect(file).not.toMatch(/\.(ts|tsx|map|tgz)$/);
    }
  });

  it('packs the seeds byte for byte, and the built program', () => {
    const seeds = readdirSync(join(REPO, 'seeds')).filter((name) => name.endsWith('.txt'));
    for (const name of seeds) {
      const inPackage = readFileSync(join(extracted, 'package', 'seeds', name));
      expect(inPackage.equals(readFileSync(join(REPO, 'seeds', name))), name).toBe(true);
    }
    const cli = readFileSync(join(extracted, 'package', 'dist', 'cli.js'));
    expect(cli.equals(readFileSync(join(REPO, 'dist', 'cli.js')))).toBe(true);
    expect(cli.subarray(0, 20).toString()).toBe('#!/usr/bin/env node\n');
  });
});

describe('the installed tarball', () => {
  beforeAll(() => {
    npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball], consumer);
  }, SLOW);

  const expectSeedList = (stdout: string): void => {
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+DATE\s+WORDS\s+TITLE$/);
    expect(lines.slice(1).map((line) => line.split(/\s+/)[0])).toEqual([
      '000_a709085c31b1a02c',
      '001_513221a5f7d2d1b9',
      '002_a2adb80b35aac799',
      '003_d2cb9de2d0279c90',
      '004_c36eec96ad6ba659',
    ]);
    expect(lines[5]).toMatch(/Ceasefire talks in Miami: What to know$/);
  };

  it(
    'runs through npx from an empty folder and lists the five seeds',
    () => {
      const result = spawnSync('npx', ['--no-install', 'gaza-reader', 'list'], {
        cwd: consumer,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.stderr).not.toMatch(/gaza-reader: /);
      expect(result.status).toBe(0);
      expectSeedList(result.stdout);
    },
    SLOW,
  );

  it('runs its bin from another working directory', () => {
    const bin = join(consumer, 'node_modules', '.bin', 'gaza-reader');
    const result = spawnSync(bin, ['list'], { cwd: tmpdir(), encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(0);
    expectSeedList(result.stdout);
    const shown = spawnSync(bin, ['show', '004', '--json'], { cwd: '/', encoding: 'utf8' });
    expect((JSON.parse(shown.stdout) as { headline: string }).headline).toBe(
      'Ceasefire talks in Miami: What to know',
    );
  });
});
