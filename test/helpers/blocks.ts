/** Blocks of passages as the search index hands them to a builder (see BlockTexts). */
import { packTexts, unpackTexts } from '../../source/corpus/packed.js';
import type { BlockTexts } from '../../source/search/index.js';

/** A block of these texts, as the index would send it to be built elsewhere. */
export function blockOf(texts: readonly string[]): BlockTexts {
  return { length: texts.length, pack: (from, to) => packTexts(texts.slice(from, to)) };
}

/** The texts of a block sent to a builder. */
export function textsOf(block: BlockTexts): string[] {
  return unpackTexts(block.pack(0, block.length));
}
