import { sortSteps } from '../text/sorted.js';
import { ShardedMap } from '../text/sharded-map.js';
import { finishSteps } from '../text/steps.js';
import { cutAtWord } from './metadata.js';
import type { Version } from './types.js';

/** What naming a version needs of it. */
export type Named = Pick<Version, 'id' | 'outlet' | 'date'>;

/** Outlet names longer than this are cut at a word in labels: a label must fit a list row. */
const OUTLET_MAX_CHARS = 32;

/**
 * Short ids: the shortest prefix of each id, at least `min` characters, that no other id shares,
 * run on to the end of its token ("000" for "000_a709085c31b1a02c").
 */
export function shortIds(versions: readonly Named[], min = 3): ReadonlyMap<string, string> {
  return finishSteps(shortIdSteps(versions, min));
}

/** Versions named between two yields of the steps below: about a millisecond of work. */
const PER_STEP = 500;

/** shortIds, a step at a time: it yields now and then, and returns the ids. */
function* shortIdSteps(
  versions: readonly Named[],
  min: number,
): Generator<void, ReadonlyMap<string, string>> {
  // Sorted in steps: a hundred thousand ids take a sort of about 50 ms at once.
  const ids = yield* sortSteps(
    versions.map((v) => v.id),
    (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  const labels = new ShardedMap<string>();
  for (let i = 0; i < ids.length; i++) {
    if (i % PER_STEP === PER_STEP - 1) yield;
    const id = ids[i]!;
    let shared = 0;
    for (const other of [ids[i - 1], ids[i + 1]]) {
      if (other === undefined) continue;
      let n = 0;
      while (n < id.length && n < other.length && id[n] === other[n]) n++;
      shared = Math.max(shared, n);
    }
    let length = Math.min(id.length, Math.max(min, shared + 1));
    // Never cut a name mid-token ("reuters-2025-12-1"): run on to the next separator.
    while (
      length < id.length &&
      /[\p{L}\p{N}]/u.test(id[length - 1]!) &&
      /[\p{L}\p{N}]/u.test(id[length]!)
    ) {
      length++;
    }
    labels.set(id, id.slice(0, length));
  }
  return labels;
}

/** How an outlet is told from another: its name, without regard to case or spacing. */
export function outletKey(outlet: string): string {
  return outlet.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The name of each version wherever one is shown, by id: its outlet ("Daily Ledger"), or its
 * short id (see shortIds) when it has none. Versions from one outlet are told apart by their
 * dates when each has its own ("Daily Ledger · 2025-12-19"), else by their place in date order
 * ("Daily Ledger · 2"). Every name is unique; findVersion accepts them all.
 */
export function shortLabels(versions: readonly Named[], min = 3): ReadonlyMap<string, string> {
  return finishSteps(shortLabelSteps(versions, min));
}

/**
 * shortLabels, a step at a time, so that a reader can name the versions of a large corpus between
 * keys: it yields now and then, and returns the labels.
 */
export function* shortLabelSteps(
  versions: readonly Named[],
  min = 3,
): Generator<void, ReadonlyMap<string, string>> {
  const ids = yield* shortIdSteps(versions, min);
  const byOutlet = new Map<string, Named[]>();
  for (let i = 0; i < versions.length; i++) {
    const version = versions[i]!;
    if (i % PER_STEP === PER_STEP - 1) yield;
    if (!version.outlet) continue;
    const key = outletKey(version.outlet);
    const group = byOutlet.get(key);
    if (group) group.push(version);
    else byOutlet.set(key, [version]);
  }
  // No outlet named: every version is named by its short id, and no two alike. (Most of a large
  // corpus's naming was copying these names into two more maps of 100,000 entries, all of which
  // lived on: the reader's collector copied them while keys waited.)
  if (byOutlet.size === 0) return ids;
  const labels = new ShardedMap<string>();
  for (let i = 0; i < versions.length; i++) {
    const version = versions[i]!;
    if (!version.outlet) labels.set(version.id, ids.get(version.id)!);
    if (i % PER_STEP === PER_STEP - 1) yield;
  }
  for (const group of byOutlet.values()) {
    yield;
    const name = cutAtWord(group[0]!.outlet!, OUTLET_MAX_CHARS);
    if (group.length === 1) {
      labels.set(group[0]!.id, name);
      continue;
    }
    const dates = new Set(group.map((v) => v.date));
    const byDate = dates.size === group.length && !dates.has(null);
    // Undated versions after the dated ones; a stable sort keeps corpus order among equals.
    const ordered = [...group].sort((a, b) => compareDates(a.date, b.date));
    ordered.forEach((version, i) => {
      labels.set(version.id, `${name} · ${byDate ? version.date! : String(i + 1)}`);
    });
  }
  // An outlet may be named like another version's id: tell them apart by the id.
  const uses = new ShardedMap<number>();
  let counted = 0;
  for (const label of labels.values()) {
    uses.set(label, (uses.get(label) ?? 0) + 1);
    if (++counted % PER_STEP === 0) yield;
  }
  for (let i = 0; i < versions.length; i++) {
    const version = versions[i]!;
    if (i % PER_STEP === PER_STEP - 1) yield;
    const label = labels.get(version.id)!;
    if (uses.get(label)! > 1 && version.outlet) {
      labels.set(version.id, `${label} (${ids.get(version.id)!})`);
    }
  }
  return labels;
}

/** Dates in order, YYYY-MM-DD, those without one last. */
export function compareDates(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
