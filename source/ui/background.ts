/**
 * The reader's background work (reading passages for search, grouping stories, naming versions),
 * done between keys. However many jobs there are, together they take at most BUDGET_MS in each
 * turn of the event loop, so that a key never waits for more than one slice of work. When no key
 * comes, the turns follow one another at once and the work goes on at full speed.
 */

import { lowerKeyFlag, raiseKeyFlag } from '../corpus/give-way.js';

/** Milliseconds of background work in one turn of the event loop, for all jobs together. */
export const BUDGET_MS = 8;

/**
 * A job: work until `deadline` (performance.now() milliseconds), then return; true once it is
 * done, or has nothing to do until it is added again.
 */
export type Job = (deadline: number) => boolean;

const jobs: Job[] = [];
let timer: NodeJS.Immediate | null = null;
/** Where the next turn starts in `jobs`, so that each job gets its turn. */
let next = 0;

/** Whether a key came since the last turn (see giveWayToKey). */
let keyCame = false;

/**
 * A key came: the next turn does no work and waits for the one after, so that the frame the key
 * causes, scheduled by now, is drawn first. A key then never waits for a slice of work that was
 * about to start.
 */
export function giveWayToKey(): void {
  keyCame = true;
  raiseKeyFlag();
  // The turn after the key's frame lowers the flag, work or none.
  timer ??= setImmediate(turn);
}

function turn(): void {
  timer = null;
  if (keyCame) {
    keyCame = false;
    timer = setImmediate(turn);
    return;
  }
  lowerKeyFlag();
  const deadline = performance.now() + BUDGET_MS;
  for (let ran = 0; ran < jobs.length && performance.now() < deadline; ran++) {
    if (next >= jobs.length) next = 0;
    const job = jobs[next]!;
    if (job(deadline)) jobs.splice(next, 1);
    else next++;
  }
  if (jobs.length > 0) timer = setImmediate(turn);
}

/** Run `job` in the background until it is done; returns a function that stops it. */
export function inBackground(job: Job): () => void {
  if (!jobs.includes(job)) jobs.push(job);
  timer ??= setImmediate(turn);
  return () => {
    const at = jobs.indexOf(job);
    if (at >= 0) jobs.splice(at, 1);
    if (jobs.length === 0 && timer) {
      clearImmediate(timer);
      timer = null;
    }
  };
}

/** Milliseconds left until `deadline`, at least a fraction of one so that work moves on. */
export function timeLeft(deadline: number): number {
  return Math.max(0.1, deadline - performance.now());
}
