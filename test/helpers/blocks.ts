/** Blocks of passages as the search index hands them to a builder (see BlockTexts). */
import { packTexts, textEnds, type PackedTexts } from '../../source/corpus/packed.js';
import type { BlockTexts } from '../../source/search/index.js';
import { trigramIndexSteps, type TrigramBlock } from '../../source/search/trigrams.js';
import { finishSteps } from '../../source/text/steps.js';

/** A block of these texts, as the index would send it to be built elsewhere. */
export function blockOf(texts: readonly string[]): BlockTexts {
  return { length: texts.length, pack: (from, to) => packTexts(texts.slice(from, to)) };
}

/** The texts packTexts packed, read back. */
export function unpackTexts(packed: PackedTexts): string[] {
  const narrow = Buffer.from(packed.narrow);
  const wide = Buffer.from(packed.wide);
  const ends = textEnds(packed);
  return Array.from(packed.starts, (start, k) =>
    start >= 0
      ? narrow.toString('latin1', start, ends[k])
      : wide.toString('utf16le', 2 * (-1 - start), 2 * ends[k]!),
  );
}

/** The texts of a block sent to a builder. */
export function textsOf(block: BlockTexts): string[] {
  return unpackTexts(block.pack(0, block.length));
}

/** A block of these texts indexed all at once (see trigramIndexSteps). */
export function buildTrigramIndex(
  texts: readonly string[],
  between?: () => void,
  keepList = false,
): TrigramBlock {
  return finishSteps(trigramIndexSteps(texts, keepList), between);
}
