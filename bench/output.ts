/**
 * Text output speed: `diff` of a 3 MB one-paragraph version, as text (plain and colored) and as
 * `--json`, through the built program. Issue 8: text output is linear in the text, so the text
 * diff takes at most 3× the JSON one (before the one renderer: 40–64 s against 1.5 s).
 *
 * The pair is generated from a seeded PRNG under bench/results/tmp/, so every run measures the
 * same texts. Run with `npm run bench -- --only=output`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TMP = fileURLToPath(new URL('./results/tmp/', import.meta.url));
const WORDS = ['the', 'ceasefire', 'talks', 'in', 'Gaza', 'resumed', 'on', 'Monday', 'after'];
const MORE = ['envoys', 'met', 'officials', 'from', 'Egypt', 'and', 'Qatar', 'Türkiye', '—'];

/** Two versions of about `bytes` bytes in one paragraph, one word in 50 changed in the second. */
export function bigParagraphPair(bytes = 3_000_000, seed = 8): string {
  const dir = join(TMP, `paragraph-${bytes}-${seed}`);
  if (existsSync(join(dir, 'b.txt'))) return dir;
  mkdirSync(dir, { recursive: true });
  let state = seed >>> 0;
  const random = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const vocabulary = [...WORDS, ...MORE];
  const a: string[] = [];
  for (let size = 0; size < bytes;) {
    const word = vocabulary[Math.floor(random() * vocabulary.length)]!;
    a.push(word);
    size += Buffer.byteLength(word) + 1;
  }
  const b = a.map((word, i) => (i % 50 === 7 ? 'changed' : word));
  writeFileSync(join(dir, 'a.txt'), a.join(' ') + '.\n');
  writeFileSync(join(dir, 'b.txt'), b.join(' ') + '.\n');
  return dir;
}

/** Milliseconds the built program takes to print `diff a b` with `flags`, output discarded. */
function timeDiff(cli: string, dir: string, flags: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cli, 'diff', 'a', 'b', '--corpus', dir, ...flags], {
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`diff ${flags.join(' ')} failed: ${result.stderr}`);
  return ms;
}

export interface OutputTimes {
  readonly json_ms: number;
  readonly text_ms: number;
  readonly color_ms: number;
}

/** Median times of `runs` runs of each output, taken in turns so load affects all alike. */
export function benchOutput(cli: string, runs = 3): OutputTimes {
  const dir = bigParagraphPair();
  const json: number[] = [];
  const text: number[] = [];
  const color: number[] = [];
  for (let k = 0; k < runs; k++) {
    json.push(timeDiff(cli, dir, ['--json']));
    text.push(timeDiff(cli, dir, ['--no-color']));
    color.push(timeDiff(cli, dir, ['--color']));
  }
  const median = (values: number[]): number =>
    [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
  return {
    json_ms: Math.round(median(json)),
    text_ms: Math.round(median(text)),
    color_ms: Math.round(median(color)),
  };
}
