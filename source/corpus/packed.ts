/**
 * Versions' paragraphs as they cross from a loader thread to the reader's: two strings, the
 * paragraphs end to end, and where each one is in them.
 *
 * Sent as they are, the million paragraphs of a large corpus arrive on the reader's thread as a
 * million new strings, which the garbage collector then copies twice (once within the young
 * generation, once into the old) while keys wait: at 100,000 versions, a third of a gigabyte,
 * and collections of 15 to 25 ms in the middle of frames. Packed, each batch arrives as two
 * large strings, which V8 keeps where they are, and each paragraph is cut from them without
 * copying (a sliced string, a few words), so only the small pieces pass through the young
 * generation.
 *
 * Paragraphs with a character beyond Latin-1 go in a string of their own: one such character
 * would make V8 store the whole string, every paragraph cut from it too, at two bytes a character.
 */
import type { VersionFields } from './build.js';

export interface PackedParagraphs {
  /** The paragraphs with no character beyond Latin-1, end to end. */
  readonly narrow: string;
  /** The others, end to end. */
  readonly wide: string;
  /** How many paragraphs each version has. */
  readonly counts: Int32Array;
  /**
   * Where each paragraph starts, in the order of the versions and of their paragraphs: in
   * `narrow` from 0 up, in `wide` as -1 - start. Each ends where the next in its string starts.
   */
  readonly starts: Int32Array;
}

/** Beyond Latin-1: a character that needs two bytes in a V8 string. */
const BEYOND_LATIN1 = /[\u0100-\uffff]/;

/**
 * The same text stored at one byte a character: V8 stores a string cut from a text with a curly
 * quote in it at two bytes a character, whatever characters it holds, and so does a join of such
 * strings, and the copy the message makes of it. `text` holds no character beyond Latin-1.
 */
function oneByte(text: string): string {
  return Buffer.from(text, 'latin1').toString('latin1');
}

/**
 * Take the paragraphs out of versions (which keep an empty list) and pack them;
 * unpackParagraphs puts them back.
 */
export function packParagraphs(versions: readonly VersionFields[]): {
  readonly versions: VersionFields[];
  readonly packed: PackedParagraphs;
} {
  const narrow: string[] = [];
  const wide: string[] = [];
  let narrowLength = 0;
  let wideLength = 0;
  const counts = new Int32Array(versions.length);
  let total = 0;
  for (const version of versions) total += version.paragraphs.length;
  const starts = new Int32Array(total);
  let at = 0;
  const bare = versions.map((version, v) => {
    counts[v] = version.paragraphs.length;
    for (const paragraph of version.paragraphs) {
      if (BEYOND_LATIN1.test(paragraph)) {
        starts[at++] = -1 - wideLength;
        wide.push(paragraph);
        wideLength += paragraph.length;
      } else {
        starts[at++] = narrowLength;
        narrow.push(paragraph);
        narrowLength += paragraph.length;
      }
    }
    return { ...version, paragraphs: [] };
  });
  return {
    versions: bare,
    packed: { narrow: oneByte(narrow.join('')), wide: wide.join(''), counts, starts },
  };
}

/**
 * Give versions that crossed without their paragraphs (see packParagraphs) their paragraphs again,
 * cut from the packed strings. The versions are the receiver's own copies: they are filled in.
 */
export function unpackParagraphs(
  versions: readonly VersionFields[],
  { narrow, wide, counts, starts }: PackedParagraphs,
): void {
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
