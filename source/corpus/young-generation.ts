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
 * it no more: `--semi-space-growth-factor=1`, which V8 reads each time it would grow a young
 * generation (V8 11 to 13: Node 20, 22 and 24; with another V8 the reader does without, rather
 * than have V8 print an unknown flag over the screen). V8 holds 2 the least factor it allows,
 * and makes it so again as each new thread starts (an isolate's start enforces its flags'
 * implications); so threads the reader starts come through startThread, which sets it again
 * once the thread is up, and so does each collection of the reader's heap, whatever thread
 * started. A doubling or two may slip in meanwhile.
 *
 * The flag is the process's: the threads' young generations stop growing too, at the size they
 * start with; so startThread gives them a size of their own (THREAD_SEMI_SPACE_MB) from their
 * start. (Code that Node 22's compile cache keeps for a module first loaded meanwhile is marked
 * with V8's flags, and compiled afresh the next time the reader runs without the cap.)
 *
 * While the cap holds, each scavenge is done by the thread whose heap it is, alone
 * (`--no-parallel-scavenge`, the process's too: the loaders' scavenges as well, where the cores
 * are busy anyway): V8 gives a scavenge helpers from its own threads, which run at a
 * loader's priority (give-way.ts), among the loaders, the indexer and the grouper, on what may be
 * two cores; the reader's thread then waits for a helper the system has set aside for a slice.
 * Eight loads of 100,000 versions each way, moving up and down the list: keys over 50 ms in
 * three loads against five, the 95th percentile 20 to 32 ms against 20 to 43; loading as fast.
 *
 * The cap is lifted once the corpus is in, grouped and indexed (liftYoungGenerationCap): what
 * the reader allocates then, for a key, mostly dies young, and in 2 MB halves it did not have
 * the time to. A search key at 100,000 versions allocates 3 to 5 MB (its matches, its frame) and
 * holds most of it until its frame is drawn: capped, each key waited for three to six
 * scavenges, 2 to 8 ms each, that copied and promoted 1.2 to 2.8 MB of what died soon after
 * (10 to 19 ms of a key's 25 to 50). Lifted, V8 grows the young generation again as it would
 * have, and a scavenge comes every few keys.
 */

import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Both halves of the young generation together, in bytes, past which it grows no more. */
export const CAP_BYTES = 4 * 1024 * 1024;

/** Whether this V8 is known to have `--semi-space-growth-factor` (checked on Node 20, 22, 24). */
const V8_MAJOR = Number(process.versions.v8.split('.')[0]);
const KNOWN_V8 = V8_MAJOR >= 11 && V8_MAJOR <= 13;

/** The young generation's size now, in bytes (both halves). */
export function youngGenerationBytes(): number {
  return (
    getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0
  );
}

/** The cap, once capYoungGeneration is called (and V8 is known to take it), until lifted. */
let cap: number | null = null;
/** What sets the cap again after each collection, while there is one. */
let holding: PerformanceObserver | null = null;

/** Tell V8 to grow young generations no more, if the reader's has reached the cap. */
function hold(): void {
  if (cap !== null && youngGenerationBytes() >= cap) {
    setFlagsFromString('--semi-space-growth-factor=1');
  }
}

/**
 * Keep the young generation within `capBytes` (see above) until the cap is lifted: it stops
 * growing at once if it is that large already, else after the collection that makes it so.
 */
export function capYoungGeneration(capBytes = CAP_BYTES): void {
  if (cap !== null || !KNOWN_V8) return;
  cap = capBytes;
  setFlagsFromString('--no-parallel-scavenge');
  hold();
  // After each collection: the one that grows it to the cap, and those after a thread started.
  holding = new PerformanceObserver(hold);
  holding.observe({ entryTypes: ['gc'] });
}

/**
 * The corpus is in (see above): V8 grows the young generation again as it sees fit (up to the
 * size Node gives it), by V8's own factor, 2, and scavenges with helpers again. Nothing if it
 * was never capped.
 */
export function liftYoungGenerationCap(): void {
  if (cap === null) return;
  cap = null;
  holding?.disconnect();
  holding = null;
  setFlagsFromString('--semi-space-growth-factor=2');
  setFlagsFromString('--parallel-scavenge');
}

/**
 * Each half of a thread's young generation, in megabytes, from its start. The threads hold a
 * batch of versions, or a block of passages, while they work on it: in the 1 MB halves a thread
 * starts with (and keeps, once the reader's young generation is capped), a loader's scavenges
 * copied most of each batch, then its old generation collected it; 38 µs a version of its 110
 * to 140. With 8 MB, 13 µs. The reader's own young generation is set at its start, and stays
 * as it was.
 */
export const THREAD_SEMI_SPACE_MB = 8;

/** Start a thread running `script`; the young generation stays capped once it is up. */
export function startThread(script: URL, options: WorkerOptions): Worker {
  // V8 reads it as each thread's heap is made: it holds for every thread started from now on.
  if (KNOWN_V8) {
    setFlagsFromString(`--min-semi-space-size=${THREAD_SEMI_SPACE_MB}`);
  }
  const worker = new Worker(script, options);
  worker.once('online', hold);
  return worker;
}
