/**
 * Lists that grow a chunk at a time, for the reader's thread: an array that doubles copies all it
 * holds into memory touched for the first time, in one step. At a million entries that is 11 ms
 * for an Int32Array and 30 ms for an array of strings, on a quiet machine, twice as long while a
 * corpus loads, and a key waits for it; a chunk of CHUNK entries costs a fraction of a
 * millisecond. Entries are read by number, as from an array.
 */

/** Entries in a chunk: 256 KB of 32-bit integers. */
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const LOW = CHUNK - 1;

/** 32-bit integers, numbered from 0, added at the end. */
export class ChunkedInts {
  readonly #chunks: Int32Array[] = [];
  #length = 0;

  get length(): number {
    return this.#length;
  }

  get(i: number): number {
    return this.#chunks[i >>> CHUNK_BITS]![i & LOW]!;
  }

  /** Set entry `i`, of those pushed. */
  set(i: number, value: number): void {
    this.#chunks[i >>> CHUNK_BITS]![i & LOW] = value;
  }

  push(value: number): void {
    if ((this.#length & LOW) === 0) this.#chunks.push(new Int32Array(CHUNK));
    this.set(this.#length++, value);
  }
}

/**
 * A list of anything, numbered from 0, added at the end. Unlike an array's, `at` and `slice` do not
 * count from the end: a number below 0 is before the first entry.
 */
export class ChunkedList<T> {
  readonly #chunks: T[][] = [];
  #length = 0;

  get length(): number {
    return this.#length;
  }

  at(i: number): T | undefined {
    return i >= 0 && i < this.#length ? this.#chunks[i >>> CHUNK_BITS]![i & LOW] : undefined;
  }

  push(item: T): void {
    if ((this.#length & LOW) === 0) this.#chunks.push([]);
    this.#chunks[this.#chunks.length - 1]!.push(item);
    this.#length++;
  }

  /** Entries `from` to before `to`, as an array. */
  slice(from = 0, to = this.#length): T[] {
    const end = Math.min(to, this.#length);
    const items: T[] = [];
    for (let i = Math.max(0, from); i < end; i++)
      items.push(this.#chunks[i >>> CHUNK_BITS]![i & LOW]!);
    return items;
  }
}
