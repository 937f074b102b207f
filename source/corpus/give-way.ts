/**
 * The threads the reader starts (loaders, the indexing and grouping threads) give way to the
 * reader's thread while it answers a key. On two cores, two loaders and an indexing thread
 * otherwise keep the reader's thread waiting for a core (20 to 50 ms at a time, measured while
 * 100,000 versions load), and a key then waits past 50 ms. The reader's thread raises a flag in
 * shared memory as a key comes and lowers it once the key's frame is drawn; the other threads look
 * at it between small pieces of work and wait while it is raised.
 */

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
