/**
 * Texts as they cross between threads: their characters end to end in two byte buffers, moved
 * with the message rather than copied, and where each one starts. Versions' paragraphs cross so
 * from a loader thread to the reader's, and passages from the reader's to the indexing thread.
 *
 * Sent as they are, the million paragraphs of a large corpus arrive on the reader's thread as a
 * million new strings, which the garbage collector then copies twice (once within the young
 * generation, once into the old) while keys wait: at 100,000 versions, a third of a gigabyte,
 * and collections of 15 to 25 ms in the middle of frames. Packed, each batch arrives as two
 * buffers, which the reader's thread keeps as they are, and reads a paragraph out of when it is
 * asked for (taken.ts). The indexing thread reads each block's passages as they crossed, from the
 * bytes (search/trigrams.ts).
 *
 * Written straight into the buffers, the characters are copied once on each side. (Joined into a
 * string and sent as such, they were copied up to five times, each into fresh memory: the join, a
 * narrowing to one byte a character, the message's copy, and its reading.)
 *
 * Texts with a character beyond Latin-1 go in a buffer of their own, at two bytes a
 * character: one such character would make V8 store the whole string, every paragraph cut from it
 * too, at two bytes a character. The others go at one byte a character, whatever width V8 stored
 * them at (a slice of a text with one curly quote is two bytes a character in V8).
 */
import type { VersionFields } from './build.js';

/** Texts end to end in two byte buffers (see above), and where each one starts. */
export interface PackedTexts {
  /** The texts with no character beyond Latin-1, end to end, a byte a character. */
  readonly narrow: ArrayBuffer;
  /** The others, end to end, in UTF-16 (little-endian). */
  readonly wide: ArrayBuffer;
  /**
   * Where each text starts, in characters, in order: in `narrow` from 0 up, in `wide` as
   * -1 - start. Each ends where the next in its buffer starts.
   */
  readonly starts: Int32Array;
}

export interface PackedParagraphs extends PackedTexts {
  /** How many paragraphs each version has; `starts` holds them in the order of the versions. */
  readonly counts: Int32Array;
}

/**
 * Arrays of numbers end to end in one typed array, and where each starts: `starts[i]` to
 * `starts[i + 1]`. A batch of versions' samples or hashes crosses so, one buffer moved rather than
 * two hundred, and lives on the reader's thread so: a hundred thousand small buffers there each
 * cost a heap object or three, an allocation of their own, and a copy or two by the collector.
 */
export interface PackedRuns {
  readonly values: Uint32Array;
  readonly starts: Int32Array;
}

/** Pack arrays of numbers into one (see PackedRuns). */
export function packRuns(runs: readonly Uint32Array[]): PackedRuns {
  const starts = new Int32Array(runs.length + 1);
  runs.forEach((run, i) => (starts[i + 1] = starts[i]! + run.length));
  const values = new Uint32Array(starts[runs.length]!);
  runs.forEach((run, i) => values.set(run, starts[i]!));
  return { values, starts };
}

/** How many arrays `packed` holds. */
export function runCount(packed: PackedRuns): number {
  return packed.starts.length - 1;
}

/** The i-th array packRuns packed: a view of its values, not a copy. */
export function runAt(packed: PackedRuns, i: number): Uint32Array {
  return packed.values.subarray(packed.starts[i]!, packed.starts[i + 1]!);
}

/** The length of the i-th array packRuns packed, without a view of it. */
export function runLength(packed: PackedRuns, i: number): number {
  return packed.starts[i + 1]! - packed.starts[i]!;
}

/** The buffers packed runs move with their message. */
export function runBuffers(packed: PackedRuns): ArrayBuffer[] {
  return [packed.values.buffer as ArrayBuffer, packed.starts.buffer as ArrayBuffer];
}

/** Beyond Latin-1: a character that needs two bytes in a V8 string. */
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/** The buffers a packing moves with its message, rather than copy. */
export function movedBuffers(packed: PackedTexts | PackedParagraphs): ArrayBuffer[] {
  const moved = [packed.narrow, packed.wide, packed.starts.buffer as ArrayBuffer];
  if ('counts' in packed) moved.push(packed.counts.buffer as ArrayBuffer);
  return moved;
}

/** A text in another packing's buffer: characters `start` to `end` of it (see PackedTexts). */
export interface PackedPiece {
  readonly bytes: Uint8Array;
  /** Whether the buffer is UTF-16 (two bytes a character), not a byte a character. */
  readonly wide: boolean;
  readonly start: number;
  readonly end: number;
}

/**
 * Pack texts to cross to another thread. A text is a string, or a piece of another packing, whose
 * bytes are copied as they are.
 */
export function packTexts(texts: readonly (string | PackedPiece)[]): PackedTexts {
  const starts = new Int32Array(texts.length);
  // First where each text goes, then the characters: the buffers are made to size.
  let narrowLength = 0;
  let wideLength = 0;
  texts.forEach((text, i) => {
    const wide = typeof text === 'string' ? BEYOND_LATIN1.test(text) : text.wide;
    const length = typeof text === 'string' ? text.length : text.end - text.start;
    if (wide) {
      starts[i] = -1 - wideLength;
      wideLength += length;
    } else {
      starts[i] = narrowLength;
      narrowLength += length;
    }
  });
  const narrow = Buffer.from(new ArrayBuffer(narrowLength));
  const wide = Buffer.from(new ArrayBuffer(2 * wideLength));
  texts.forEach((text, i) => {
    const start = starts[i]!;
    if (typeof text !== 'string') {
      const to = start >= 0 ? narrow : wide;
      const at = start >= 0 ? start : 2 * (-1 - start);
      const width = text.wide ? 2 : 1;
      to.set(text.bytes.subarray(width * text.start, width * text.end), at);
    } else if (start >= 0) narrow.write(text, start, 'latin1');
    else wide.write(text, 2 * (-1 - start), 'utf16le');
  });
  return { narrow: narrow.buffer, wide: wide.buffer, starts };
}

/**
 * Where each text of a packing ends, in characters, in its buffer (as `starts` says where it
 * starts): where the next one in its buffer starts, or at the buffer's end.
 */
export function textEnds({ narrow, wide, starts }: PackedTexts): Int32Array {
  const ends = new Int32Array(starts.length);
  let nextNarrow = narrow.byteLength;
  let nextWide = wide.byteLength / 2;
  for (let k = starts.length - 1; k >= 0; k--) {
    const start = starts[k]!;
    if (start >= 0) {
      ends[k] = nextNarrow;
      nextNarrow = start;
    } else {
      ends[k] = nextWide;
      nextWide = -1 - start;
    }
  }
  return ends;
}

/**
 * Take the paragraphs out of versions and pack them; the reader's thread keeps them so (see
 * taken.ts).
 */
export function packParagraphs(versions: readonly VersionFields[]): {
  readonly versions: Omit<VersionFields, 'paragraphs'>[];
  readonly packed: PackedParagraphs;
} {
  const counts = Int32Array.from(versions, (version) => version.paragraphs.length);
  const packed = packTexts(versions.flatMap((version) => version.paragraphs));
  const bare = versions.map(({ paragraphs: _packed, ...version }) => version);
  return { versions: bare, packed: { ...packed, counts } };
}
