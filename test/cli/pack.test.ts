import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  lstatSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The package as users get it: `npm pack`, then the tarball installed into an empty folder. The
 * bundle carries every library it uses, so the package has no dependencies: the install is one
 * package, made `--offline`, and needs no registry. Any failure fails the tests; nothing skips.
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

/** Bytes on disk under `path`, as `du` counts them: blocks, links not followed. */
function diskBytes(path: string): number {
  const stat = lstatSync(path);
  const own = stat.blocks * 512;
  if (!stat.isDirectory()) return own;
  return readdirSync(path).reduce((sum, name) => sum + diskBytes(join(path, name)), own);
}

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
  it('packs the bundle, its notices, the seeds, the manifest and the changelog, and no sources', () => {
    const seeds = readdirSync(join(REPO, 'seeds'))
      .filter((name) => name.endsWith('.txt'))
      .map((name) => `seeds/${name}`);
    expect(seeds).toHaveLength(5);
    // The bin, dist/cli.js, and the files of the bundle beside it (main.js, the corpus loader's
    // worker script, the parsers loaded at their first use), as the build wrote them.
    const bundle = readdirSync(join(REPO, 'dist'))
      .filter((name) => /\.c?js$/.test(name))
      .map((name) => `dist/${name}`);
    expect(bundle).toEqual(
      expect.arrayContaining([
        'dist/cli.js',
        'dist/main.js',
        'dist/load-worker.js',
        'dist/yaml.cjs',
      ]),
    );
    expect(files).toEqual(
      [
        'CHANGELOG.md',
        'dist/THIRD-PARTY-NOTICES.txt',
        ...bundle,
        'package.json',
        ...(existsSync(join(REPO, 'README.md')) ? ['README.md'] : []),
        ...seeds,
      ].sort(),
    );
    for (const file of files) {
      expect(file).not.toMatch(/^(source|test|bench|scripts|patches|node_modules)\//);
      expect(file).not.toMatch(/\.(ts|tsx|map|tgz)$/);
    }
  });

  it('packs the seeds byte for byte, and the built program', () => {
    const seeds = readdirSync(join(REPO, 'seeds')).filter((name) => name.endsWith('.txt'));
    for (const name of seeds) {
      const inPackage = readFileSync(join(extracted, 'package', 'seeds', name));
      expect(inPackage.equals(readFileSync(join(REPO, 'seeds', name))), name).toBe(true);
    }
    for (const name of readdirSync(join(REPO, 'dist')).filter((n) => /\.c?js$/.test(n))) {
      const packed = readFileSync(join(extracted, 'package', 'dist', name));
      expect(packed.equals(readFileSync(join(REPO, 'dist', name))), name).toBe(true);
    }
    const cli = readFileSync(join(extracted, 'package', 'dist', 'cli.js'));
    expect(cli.subarray(0, 20).toString()).toBe('#!/usr/bin/env node\n');
  });
});

describe('the installed tarball', () => {
  let installLog: string;
  beforeAll(() => {
    // Scripts allowed, as a user installs: the package has none that npm runs. --offline: one
    // package and no dependencies, so nothing to fetch; if there were, the install would fail.
    const result = spawnSync(
      'npm',
      ['install', '--offline', '--no-audit', '--no-fund', '--foreground-scripts', tarball],
      { cwd: consumer, encoding: 'utf8' },
    );
    installLog = `${result.stdout}${result.stderr}`;
    if (result.status !== 0) throw new Error(`npm install of the tarball failed:\n${installLog}`);
  }, SLOW);

  it('installs one package, under 1 MB on disk, and runs no script', () => {
    const installed = npm(['ls', '--all', '--parseable'], consumer).trim().split('\n');
    expect(installed.map((path) => path.slice(consumer.length))).toEqual([
      '',
      '/node_modules/gaza-reader',
    ]);
    expect(readdirSync(join(consumer, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual([
      'gaza-reader',
    ]);
    expect(diskBytes(join(consumer, 'node_modules'))).toBeLessThan(1024 * 1024);
    expect(installLog).toMatch(/added 1 package/);
    // npm lists `prepare` for a package installed from a file, though it runs it only for git and
    // linked folders (and never for the registry): the only notice, and no script output.
    const warnings = installLog.split('\n').filter((line) => line.startsWith('npm warn'));
    const named = warnings.filter((line) => /^npm warn install-scripts +\S+@/.test(line));
    expect(named).toEqual([
      expect.stringMatching(
        /^npm warn install-scripts +gaza-reader@[\d.]+ \(prepare: patch-package /,
      ),
    ]);
    expect(warnings.every((line) => line.startsWith('npm warn install-scripts'))).toBe(true);
    expect(installLog).not.toMatch(/> gaza-reader@.* prepare/);
  });

  const expectSeedList = (stdout: string): void => {
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^VERSION\s+DATE\s+WORDS\s+TITLE$/);
    expect(lines.slice(1).map((line) => line.split(/\s+/)[0])).toEqual([
      '000',
      '001',
      '002',
      '003',
      '004',
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
