/**
 * What a program wrote to its terminal, chunk by chunk, with the time each chunk arrived: enough
 * to count the bytes a keystroke costs and to tell when the output has gone quiet. Pure: the
 * caller passes the times, so tests can use made-up ones.
 */
import { StringDecoder } from 'node:string_decoder';

/** A position in the log: everything written before it. */
export interface Mark {
  readonly bytes: number;
  /** Length of the decoded text before the mark, in UTF-16 units. */
  readonly text: number;
  /** When the mark was taken, in the caller's clock. */
  readonly at: number;
}

export class OutputLog {
  private readonly decoder = new StringDecoder('utf8');
  private decoded = '';
  private byteCount = 0;
  private lastChunkAt = -Infinity;
  /** When each chunk arrived, and the byte count before it. */
  private readonly arrivals: { at: number; bytes: number }[] = [];

  /** Record a chunk that arrived at time `at` (milliseconds, any clock the caller keeps to). */
  add(chunk: Buffer, at: number): void {
    this.arrivals.push({ at, bytes: this.byteCount });
    this.decoded += this.decoder.write(chunk);
    this.byteCount += chunk.length;
    this.lastChunkAt = at;
  }

  /** Every byte written so far. */
  get bytes(): number {
    return this.byteCount;
  }

  /** Everything written so far, as text (a character split across chunks shows once whole). */
  get text(): string {
    return this.decoded;
  }

  /** When the last chunk arrived; -Infinity before the first. */
  get lastAt(): number {
    return this.lastChunkAt;
  }

  mark(at: number): Mark {
    return { bytes: this.byteCount, text: this.decoded.length, at };
  }

  bytesSince(mark: Mark): number {
    return this.byteCount - mark.bytes;
  }

  textSince(mark: Mark): string {
    return this.decoded.slice(mark.text);
  }

  /**
   * How many frames arrived since the mark: runs of chunks with no gap of `gapMs` or more inside.
   * A terminal reads one frame in one or a few chunks; a second frame, drawn later (a throttled
   * or deferred render), comes after a gap.
   */
  framesSince(mark: Mark, gapMs: number): number {
    let frames = 0;
    let last = -Infinity;
    for (const { at, bytes } of this.arrivals) {
      if (bytes < mark.bytes) continue;
      if (at - last >= gapMs) frames++;
      last = at;
    }
    return frames;
  }

  /**
   * Whether nothing has been written for `quietMs`, counting from the mark at the latest: a key
   * sent at the mark has had that long to produce its first byte.
   */
  isQuiet(mark: Mark, now: number, quietMs: number): boolean {
    return now - Math.max(mark.at, this.lastChunkAt) >= quietMs;
  }
}
