import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the bundled seed corpus. It is found relative to this program's own files, by
 * walking up to the gaza-reader package root, so it works from the source tree, the bundle,
 * `npx` and an installed tarball alike, whatever the working directory.
 */
export function bundledSeedsDir(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(join(dir, 'seeds'))) {
      try {
        const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
        if (pkg.name === 'gaza-reader') return join(dir, 'seeds');
      } catch {
        // Not our manifest; keep walking up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error('the bundled seeds folder is missing: is the gaza-reader package complete?');
    }
    dir = parent;
  }
}
