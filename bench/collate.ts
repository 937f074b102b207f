/**
 * Collate speed (issue 10): one story of about 1,000 words in 20 versions (≤ 300 ms) and in 60
 * versions (≤ 2 s). Each version is a republished copy: a few words swapped, cut or added, a
 * paragraph dropped or added, one moved, one split, two merged, quotes restyled. Everything comes
 * from a seeded PRNG, so every run measures the same texts. Run with `npx tsx bench/collate.ts`.
 */
import { pathToFileURL } from 'node:url';
import { collate } from '../source/collate/index.js';
import type { Collatable } from '../source/collate/types.js';
import { time } from './compare.js';
import { makeRandom, type Random } from './generate.js';
import { median, round } from './report.js';

const COMMON = `the of to and a in that said is for on was with he it as by at from his be have has
an are but not this they had were which their after who would been its will or more one than also
about there two people all we into over new up other when out last so first some time government
could if year officials can only years against no just her what week state police minister told
before between them most such since three while where during president military country many`.split(
  /\s+/,
);

function vocabulary(random: Random): string[] {
  const made: string[] = [];
  for (let i = 0; i < 1500; i++) {
    let word = '';
    for (let k = random.int(3, 9); k > 0; k--) word += 'abcdefghiklmnoprstuvwy'[random.int(0, 21)];
    made.push(word);
  }
  return made;
}

/** A sentence of news-like words: common words often, made-up words for the rest. */
function sentence(random: Random, words: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = random.int(8, 24); k > 0; k--) {
    out.push(random.chance(0.45) ? random.pick(COMMON) : random.pick(words));
  }
  out[0] = out[0]![0]!.toUpperCase() + out[0]!.slice(1);
  out[out.length - 1] += '.';
  return out;
}

type Paragraph = string[][];

/** `count` versions of one story of about `words` words. */
export function storyVersions(seed: number, count: number, words = 1000): Collatable[] {
  const random = makeRandom(seed);
  const vocab = vocabulary(random);
  const base: Paragraph[] = [];
  for (let total = 0; total < words;) {
    const paragraph: Paragraph = [];
    for (let s = random.int(1, 3); s > 0; s--) {
      const next = sentence(random, vocab);
      paragraph.push(next);
      total += next.length;
    }
    base.push(paragraph);
  }
  const versions: Collatable[] = [];
  for (let v = 0; v < count; v++) {
    const copy: Paragraph[] = base.map((p) => p.map((s) => [...s]));
    for (let edits = random.int(5, 30); edits > 0; edits--) {
      const s = random.pick(random.pick(copy));
      const at = random.int(0, s.length - 1);
      const kind = random.next();
      if (kind < 0.5) s[at] = random.pick(vocab);
      else if (kind < 0.8) s.splice(at, 0, random.pick(vocab));
      else if (s.length > 3) s.splice(at, 1);
    }
    if (random.chance(0.5)) copy.splice(random.int(0, copy.length - 1), 1);
    if (random.chance(0.5)) copy.splice(random.int(0, copy.length), 0, [sentence(random, vocab)]);
    if (random.chance(0.5)) {
      const [moved] = copy.splice(random.int(0, copy.length - 1), 1);
      copy.splice(random.int(0, copy.length), 0, moved!);
    }
    const split = random.int(0, copy.length - 1);
    if (copy[split]!.length > 1 && random.chance(0.5)) {
      copy.splice(split, 1, copy[split]!.slice(0, 1), copy[split]!.slice(1));
    }
    const merge = random.int(0, copy.length - 2);
    if (merge >= 0 && random.chance(0.5))
      copy.splice(merge, 2, [...copy[merge]!, ...copy[merge + 1]!]);
    const curly = random.chance(0.5);
    versions.push({
      id: `v${String(v).padStart(2, '0')}`,
      paragraphs: copy.map((p) => {
        const text = p.map((s) => s.join(' ')).join(' ');
        return curly ? text.replace(/'/g, '’') : text;
      }),
    });
  }
  return versions;
}

export interface CollateMeasure {
  readonly versions: number;
  readonly words: number;
  readonly rows: number;
  readonly median_ms: number;
  readonly max_ms: number;
  /** Median CPU time of this process per collation (user and system). */
  readonly cpu_ms: number;
}

/** Median time to collate `count` versions of a 1,000-word story. */
export function measureCollate(count: number, runs: number, seed = 20251219): CollateMeasure {
  const versions = storyVersions(seed, count);
  let rows = 0;
  // CPU time too: on a machine shared with other work, wall time counts the waits for a core.
  const cpu: number[] = [];
  const times = time(
    () => {
      const before = process.cpuUsage();
      rows = collate(versions).rows.length;
      const used = process.cpuUsage(before);
      cpu.push((used.user + used.system) / 1000);
    },
    runs,
    3,
  );
  const words = Math.round(
    versions.reduce((n, v) => n + v.paragraphs.join(' ').split(/\s+/).length, 0) / count,
  );
  return {
    versions: count,
    words,
    rows,
    median_ms: round(median(times)),
    max_ms: round(Math.max(...times)),
    cpu_ms: round(median(cpu.slice(3))),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(measureCollate(20, 9)));
  console.log(JSON.stringify(measureCollate(60, 5)));
}
