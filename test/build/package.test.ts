/**
 * The package as npm sees it: a silent install of the repository (every install script has an
 * allowScripts decision), nothing to install with the published package (the bundle carries
 * every library, so all of them are devDependencies), and the bundle's licenses beside it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

interface Manifest {
  readonly files: readonly string[];
  readonly scripts: Record<string, string>;
  readonly allowScripts?: Record<string, boolean>;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies: Record<string, string>;
  readonly [field: string]: unknown;
}
const pkg = JSON.parse(read('package.json')) as Manifest;
const lock = JSON.parse(read('package-lock.json')) as {
  packages: Record<string, { version?: string; hasInstallScript?: boolean; name?: string }>;
};

/** A package's name from its place in the lock file: node_modules/a/node_modules/@b/c → @b/c. */
const nameAt = (path: string): string => path.slice(path.lastIndexOf('node_modules/') + 13);

// A .mjs build script without type declarations: import it by URL and say what it exports.
const { bundledPackages } = (await import(
  new URL('../../scripts/notices.mjs', import.meta.url).href
)) as { bundledPackages(metafile: { inputs: Record<string, unknown> }): string[] };
/** The node_modules folders of the packages the bundle carries, from esbuild's metafile. */
const bundled = bundledPackages(
  JSON.parse(read('dist/cli.meta.json')) as { inputs: Record<string, unknown> },
);

describe('install scripts', () => {
  it('has an allowScripts decision for every package with one in the lock file', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && entry.hasInstallScript === true)
      .map(([path, entry]) => ({ name: nameAt(path), version: entry.version }));
    expect(withScripts.length).toBeGreaterThan(0);
    const decisions = Object.keys(pkg.allowScripts ?? {});
    for (const { name, version } of withScripts) {
      const covered = decisions.some((key) => key === name || key === `${name}@${version}`);
      expect(covered, `${name}@${version} has no allowScripts entry`).toBe(true);
    }
  });

  it('leaves npm nothing to warn about in the installed tree', () => {
    const report = JSON.parse(
      execFileSync('npm', ['install-scripts', 'ls', '--json'], { cwd: ROOT, encoding: 'utf8' }),
    ) as { allowScripts: unknown[] };
    expect(report.allowScripts).toEqual([]);
  });

  it('runs no script when the published package is installed, and patches in prepare', () => {
    for (const hook of ['preinstall', 'install', 'postinstall']) {
      expect(pkg.scripts[hook], hook).toBeUndefined();
    }
    expect(pkg.scripts.prepare).toMatch(/^patch-package --error-on-fail --error-on-warn && /);
  });
});

describe('dependencies', () => {
  it('are all devDependencies: the bundle carries what it uses', () => {
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      expect(pkg[field], field).toBeUndefined();
    }
  });

  it('include every package the bundle carries, directly or through another', () => {
    expect(bundled.length).toBeGreaterThan(30);
    for (const folder of bundled) {
      expect(lock.packages[folder], folder).toBeDefined();
      expect((lock.packages[folder] as { dev?: boolean }).dev, folder).toBe(true);
    }
  });
});

describe('third-party notices', () => {
  const notices = read('dist/THIRD-PARTY-NOTICES.txt');

  it('ship in the package', () => {
    expect(pkg.files).toContain('dist/THIRD-PARTY-NOTICES.txt');
  });

  it('name every bundled package with its version and license, and hold its license text', () => {
    for (const folder of bundled) {
      const { name, version, license } = JSON.parse(read(`${folder}/package.json`)) as {
        name: string;
        version: string;
        license: string;
      };
      expect(notices, folder).toContain(`\n${name} ${version} (${license})\n`);
    }
    // The MIT and ISC permission notices themselves, and a copyright line of each kind.
    expect(notices).toContain('Permission is hereby granted, free of charge');
    expect(notices).toContain('Permission to use, copy, modify, and/or distribute this software');
    expect(notices).toContain('Copyright (c) Meta Platforms, Inc. and affiliates.');
    expect(notices).toContain('Sindre Sorhus');
  });
});
