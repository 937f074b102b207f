/**
 * The threads the reader starts (loaders, the indexing and grouping threads) give way to the
 * reader's thread while it answers a key. On two cores, two loaders and an indexing thread
 * otherwise keep the reader's thread waiting for a core (20 to 50 ms at a time, measured while
 * 100,000 versions load), and a key then waits past 50 ms. The reader's thread raises a flag in
 * shared memory as a key comes and lowers it once the key's frame is drawn; the other threads look
 * at it between small pieces of work and wait while it is raised.
 */

import { readdirSync, readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { isMainThread } from 'node:worker_threads';

/** The flag: its one cell is 1 while the reader's thread answers a key. */
export type KeyFlag = Int32Array;

/** A flag to share with threads (in their workerData: the buffer is shared, not copied). */
export function makeKeyFlag(): KeyFlag {
  return new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
}

/** The reader's own flag, which every thread it starts is given. */
export const readerKeyFlag: KeyFlag = makeKeyFlag();

/** A key came: threads wait until the flag is lowered. */
export function raiseKeyFlag(flag: KeyFlag = readerKeyFlag): void {
  Atomics.store(flag, 0, 1);
}

/** The key is answered: waiting threads go on. */
export function lowerKeyFlag(flag: KeyFlag = readerKeyFlag): void {
  if (Atomics.exchange(flag, 0, 0) !== 0) Atomics.notify(flag, 0);
}

/** Whether a key came that the reader's thread has not answered yet. */
function keyFlagRaised(flag: KeyFlag = readerKeyFlag): boolean {
  return Atomics.load(flag, 0) !== 0;
}

/**
 * On the reader's thread: turns of queued work (setImmediate) that let a key being answered go
 * first. While the key flag is raised a turn waits, but never two in a row, so that a frame that
 * never lowers the flag holds the work up one turn at most.
 */
export class KeyTurns {
  /** Whether the last turn waited: the next one works, key or none. */
  #waited = false;

  /** Whether this turn should wait for the next. */
  waits(flag: KeyFlag = readerKeyFlag): boolean {
    this.#waited = !this.#waited && keyFlagRaised(flag);
    return this.#waited;
  }
}

/**
 * The longest a thread waits for one key. A key's frame takes 5 to 15 ms; should the reader's
 * thread be held up, the work goes on regardless.
 */
export const LONGEST_WAIT_MS = 50;

/**
 * On another thread: wait while the reader's thread answers a key, at most `longestMs` (no flag:
 * never wait).
 */
export function giveWay(flag: KeyFlag | undefined, longestMs = LONGEST_WAIT_MS): void {
  if (flag !== undefined && Atomics.load(flag, 0) !== 0) Atomics.wait(flag, 0, 1, longestMs);
}

/**
 * How much lower than the reader's thread a loader runs, as a nice value: where the cores are
 * busy, the thread that answers keys gets about three times a loader's share of the processor.
 * Not lower: against other programs on a busy server, a loader at nice 10 gets a tenth of their
 * share, and a corpus took four times as long to load. (On Linux the nice value belongs to the
 * thread that sets it.)
 */
export const LOADER_NICENESS = 5;

/**
 * Lower the priority of every thread of this process but the reader's own by `niceness`, for
 * the rest of the process (a thread may lower its priority, not raise it again): V8's threads,
 * which compile and collect for every thread's heap, ran at the reader's priority while the
 * threads the reader starts run lower. Linux only (a thread's nice value is its own there);
 * elsewhere, or where it is not allowed, nothing changes. Once per process, from the reader's
 * (main) thread, before it starts threads of its own.
 */
export function lowerOtherThreads(niceness: number): void {
  if (lowered || !isMainThread || process.platform !== 'linux') return;
  lowered = true;
  let tasks: string[];
  let self: string;
  try {
    tasks = readdirSync('/proc/self/task');
    // "pid/task/tid": this thread's own id, whatever the process's id looks like from here.
    self = readlinkSync('/proc/thread-self').split('/').at(-1)!;
  } catch {
    return;
  }
  for (const task of tasks) {
    if (task === self) continue;
    const tid = Number(task);
    try {
      setPriority(tid, Math.min(19, getPriority(tid) + niceness));
    } catch {
      // Gone, or not allowed: it keeps its priority.
    }
  }
}
let lowered = false;
