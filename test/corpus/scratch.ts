import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Scratch folders for a test file: returns a function that makes a fresh, empty folder each time
 * it is called; all of them are removed after the file's tests.
 */
export function scratchFolders(prefix: string): () => string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });
  let counter = 0;
  return () => {
    const dir = join(root, String(counter++));
    mkdirSync(dir);
    return dir;
  };
}

/** Write a file under `dir`, making its folders, and return its path. */
export function writeUnder(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  return path;
}
