/**
 * Versions' paragraphs as they cross from a loader thread to the reader's: their characters end to
 * end in two byte buffers, moved with the message rather than copied, and where each one starts.
 *
 * Sent as they are, the million paragraphs of a large corpus arrive on the reader's thread as a
 * million new strings, which the garbage collector then copies twice (once within the young
 * generation, once into the old) while keys wait: at 100,000 versions, a third of a gigabyte,
 * and collections of 15 to 25 ms in the middle of frames. Packed, each batch arrives as two
 * buffers, each read once into one large string, which V8 keeps where it is, and each paragraph
 * is cut from it without copying (a sliced string, a few words), so only the small pieces pass
 * through the young generation.
 *
 * Written straight into the buffers, the characters are copied once on each side. (Joined into
 * strings and sent as such, they were copied five times, each into fresh memory: the join, the
 * narrowing below, the message's copy, and its reading.)
 *
 * Paragraphs with a character beyond Latin-1 go in a buffer of their own, at two bytes a
 * character: one such character would make V8 store the whole string, every paragraph cut from it
 * too, at two bytes a character. The others go one byte a character, whatever width V8 stored
 * them at (a slice of a text with one curly quote is two bytes a character in V8).
 */
import type { VersionFields } from './build.js';

export interface PackedParagraphs {
  /** The paragraphs with no character beyond Latin-1, end to end, a byte a character. */
  readonly narrow: ArrayBuffer;
  /** The others, end to end, in UTF-16 (little-endian). */
  readonly wide: ArrayBuffer;
  /** How many paragraphs each version has. */
  readonly counts: Int32Array;
  /**
   * Where each paragraph starts, in characters, in the order of the versions and of their
   * paragraphs: in `narrow` from 0 up, in `wide` as -1 - start. Each ends where the next in its
   * buffer starts.
   */
  readonly starts: Int32Array;
}

/** Beyond Latin-1: a character that needs two bytes in a V8 string. */
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/** The buffers a packing moves with its message, rather than copy. */
export function movedBuffers(packed: PackedParagraphs): ArrayBuffer[] {
  return [
    packed.narrow,
    packed.wide,
    packed.counts.buffer as ArrayBuffer,
    packed.starts.buffer as ArrayBuffer,
  ];
}

export function packParagraphs(versions: readonly VersionFields[]): {
  readonly versions: VersionFields[];
  readonly packed: PackedParagraphs;
} {
  const counts = new Int32Array(versions.length);
  let total = 0;
  for (const version of versions) total += version.paragraphs.length;
  const starts = new Int32Array(total);
  // First where each paragraph goes, then the characters: the buffers are made to size.
  let narrowLength = 0;
  let wideLength = 0;
  let at = 0;
  versions.forEach((version, v) => {
    counts[v] = version.paragraphs.length;
    for (const paragraph of version.paragraphs) {
      if (BEYOND_LATIN1.test(paragraph)) {
        starts[at++] = -1 - wideLength;
        wideLength += paragraph.length;
      } else {
        starts[at++] = narrowLength;
        narrowLength += paragraph.length;
      }
    }
  });
  const narrow = Buffer.from(new ArrayBuffer(narrowLength));
  const wide = Buffer.from(new ArrayBuffer(2 * wideLength));
  at = 0;
  const bare = versions.map((version) => {
    for (const paragraph of version.paragraphs) {
      const start = starts[at++]!;
      if (start >= 0) narrow.write(paragraph, start, 'latin1');
      else wide.write(paragraph, 2 * (-1 - start), 'utf16le');
    }
    return { ...version, paragraphs: [] };
  });
  return { versions: bare, packed: { narrow: narrow.buffer, wide: wide.buffer, counts, starts } };
}

/**
 * Give versions that crossed without their paragraphs (see packParagraphs) their paragraphs again,
 * cut from one string of each buffer. The versions are the receiver's own copies: they are filled in.
 */
export function unpackParagraphs(
  versions: readonly VersionFields[],
  packed: PackedParagraphs,
): void {
  const { counts, starts } = packed;
  // One string of each buffer, read once; every paragraph is a slice of one of them.
  const narrow = Buffer.from(packed.narrow).toString('latin1');
  const wide = Buffer.from(packed.wide).toString('utf16le');
  // Where each paragraph ends: where the next one in its string starts, or the string's end.
  const ends = new Int32Array(starts.length);
  let nextNarrow = narrow.length;
  let nextWide = wide.length;
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
  let at = 0;
  versions.forEach((version, v) => {
    const paragraphs: string[] = [];
    for (let i = 0; i < counts[v]!; i++, at++) {
      const start = starts[at]!;
      paragraphs.push(
        start >= 0 ? narrow.slice(start, ends[at]) : wide.slice(-1 - start, ends[at]),
      );
    }
    (version as { paragraphs: readonly string[] }).paragraphs = paragraphs;
  });
}
