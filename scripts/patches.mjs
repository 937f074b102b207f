// The dependency fixes in patches/, made and applied by patch-package (`npm install` applies them
// in `prepare`). Read here so that the build can refuse to bundle unpatched dependencies, and the
// tests can compare each patched file with the file as its package shipped it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { applyPatch, parsePatch, reversePatch } from 'diff';

const ROOT = new URL('../', import.meta.url);
const PATCHES = new URL('patches/', ROOT);

/**
 * Every file that a patch changes: the package and version the patch was made for, the file's
 * path from the repository root, its text as installed, and its text as the package shipped it
 * (undefined when the installed file does not hold the patch, as after `npm ci --ignore-scripts`).
 */
export function patchedFiles() {
  const files = [];
  for (const name of readdirSync(PATCHES).sort()) {
    if (!name.endsWith('.patch')) continue;
    // patch-package names a patch <package>+<version>.patch ('+' for the '/' of a scope).
    const plus = name.lastIndexOf('+');
    const pkg = name.slice(0, plus).replaceAll('+', '/');
    const version = name.slice(plus + 1, -'.patch'.length);
    for (const patch of parsePatch(readFileSync(new URL(name, PATCHES), 'utf8'))) {
      const path = patch.newFileName.replace(/^b\//, '');
      const file = new URL(path, ROOT);
      const installed = existsSync(file) ? readFileSync(file, 'utf8') : '';
      const original = applyPatch(installed, reversePatch(patch));
      files.push({
        patch: name,
        pkg,
        version,
        path,
        installed,
        original: original === false ? undefined : original,
      });
    }
  }
  return files;
}

/** The version of `pkg` installed at the top of node_modules, or undefined. */
export function installedVersion(pkg) {
  const manifest = new URL(`node_modules/${pkg}/package.json`, ROOT);
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

/** Throw, saying what to do, unless every patch is applied to the version it was made for. */
export function assertPatchesApplied() {
  const problems = [];
  for (const file of patchedFiles()) {
    const version = installedVersion(file.pkg);
    if (version !== file.version) {
      problems.push(
        `${file.patch} is for ${file.pkg} ${file.version}, but ${version} is installed`,
      );
    } else if (file.original === undefined) {
      problems.push(`${file.path} does not hold ${file.patch}`);
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `dependency patches not applied:\n  ${problems.join('\n  ')}\n` +
        'Run `npx patch-package` (npm install and npm ci run it, in `prepare`).',
    );
  }
}
