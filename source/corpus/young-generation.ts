/**
 * The reader's young generation, kept small while a large corpus streams in.
 *
 * Every batch of versions a loader sends becomes objects on the reader's thread (their fields,
 * the paragraphs cut from the batch's text), and nearly all of them live on: V8's scavenger
 * copies each one, twice, while the thread waits. V8 grows the young generation to 16 MB a half
 * on Node 20 (64 MB on Node 24) when most of it survives, so each scavenge then copies some
 * 8 MB, into memory touched for the first time: 15 to 25 ms a scavenge here, up to 120 ms, and a
 * key that comes meanwhile waits that long.
 *
 * Node takes the young generation's largest size only on its command line, and the reader is a
 * command of its own; so the young generation is let grow to CAP_BYTES, then V8 is told to grow
 * it no more (`--semi-space-growth-factor`, which V8 reads each time it would grow it; Node 20, 22
 * and 24 have it). Starting a thread sets V8's flags anew, so threads the reader starts come
 * through startThread, which tells V8 again once the thread is up. The cap holds for the rest of
 * the run. (Code that Node 22's compile cache keeps for a module first loaded meanwhile is
 * marked with V8's flags, and compiled afresh the next time the reader runs without the cap.)
 */

import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Both halves of the young generation together, in bytes, past which it grows no more. */
export const CAP_BYTES = 4 * 1024 * 1024;

/** The young generation's size now, in bytes (both halves). */
export function youngGenerationBytes(): number {
  return (
    getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0
  );
}

/** The cap, once capYoungGeneration is called. */
let cap: number | null = null;
/** Whether V8 was told since the last thread started. */
let told = false;

/** Tell V8 to grow the young generation no more, if it has reached the cap. */
function hold(): void {
  if (told || cap === null || youngGenerationBytes() < cap) return;
  setFlagsFromString('--semi-space-growth-factor=1');
  told = true;
}

/**
 * Keep the young generation within `capBytes` (see above) for the rest of the run: it stops
 * growing at once if it is that large already, else after the collection that makes it so.
 */
export function capYoungGeneration(capBytes = CAP_BYTES): void {
  if (cap !== null) return;
  cap = capBytes;
  hold();
  // After each collection: the one that grows it to the cap, and the first after a thread starts.
  new PerformanceObserver(hold).observe({ entryTypes: ['gc'] });
}

/** Start a thread running `script`; the young generation stays capped once it is up. */
export function startThread(script: URL, options: WorkerOptions): Worker {
  const worker = new Worker(script, options);
  worker.once('online', () => {
    told = false;
    hold();
  });
  return worker;
}
