/**
 * Synthetic corpora on disk, for the benchmarks that start the real program: written once under
 * bench/results/tmp/ (ignored by git) and reused while the generator and its options stay the
 * same.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus, type GenerateOptions } from './generate.js';

export const CACHE_DIR = fileURLToPath(new URL('./results/tmp/', import.meta.url));

/** A dot file: loadCorpus reads only .txt and .md files, and skips dot files anyway. */
const MARKER = '.generated.json';

/** What a cached corpus was generated from: its options and the generator's source. */
export function corpusStamp(options: GenerateOptions, generatorSource: string): string {
  const generator = createHash('sha256').update(generatorSource).digest('hex').slice(0, 16);
  return JSON.stringify({
    versions: options.versions,
    seed: options.seed ?? 1,
    words: options.words ?? 500,
    generator,
  });
}

/** The folder of a generated corpus, written now unless a matching one is cached. */
export function corpusOnDisk(options: GenerateOptions, root = CACHE_DIR): string {
  const dir = join(root, `corpus-${options.versions}-seed${options.seed ?? 1}`);
  const source = readFileSync(fileURLToPath(new URL('./generate.ts', import.meta.url)), 'utf8');
  const stamp = corpusStamp(options, source);
  const marker = join(dir, MARKER);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === stamp) return dir;
  rmSync(dir, { recursive: true, force: true });
  writeCorpus(dir, options);
  writeFileSync(marker, stamp);
  return dir;
}

/**
 * Read every file of a corpus once, so that the measures after are of the reader, not of the
 * disk: this machine's memory reclaim empties the page cache of files not read for a few minutes,
 * and a file read from disk costs a reader thread 50 to 80 µs more than one in the cache (100,000
 * of them: loaded 22.6 s from a dropped cache against 15.3 s from a warm one). Returns how long
 * the reading took, in milliseconds: long when the files came from disk.
 */
export function readThrough(dir: string): number {
  const started = performance.now();
  for (const name of readdirSync(dir)) readFileSync(join(dir, name));
  return performance.now() - started;
}
