import type { Version } from '../corpus/types.js';
import { passageKey } from '../text/fold.js';

/** Where a passage stands in one version. */
export interface Placement {
  readonly id: string;
  /** The paragraph's index in the version, from 0. */
  readonly paragraph: number;
}

/** A paragraph, once, with every version that carries it. */
export interface Passage {
  /** The text as the first version carrying it has it. */
  readonly text: string;
  /** In corpus order, then paragraph order. */
  readonly placements: readonly Placement[];
}

interface OpenPassage {
  readonly text: string;
  readonly placements: Placement[];
}

/** How many versions `collectPassageSteps` reads between two yields. */
const VERSIONS_PER_STEP = 100;

/**
 * The distinct passages of a corpus, in the order they first appear. Copies that differ only in
 * case, spacing, quotes or dashes are one passage (see passageKey). A generator, so that a large
 * corpus can be read a slice at a time: it yields now and then, and returns the passages.
 */
export function* collectPassageSteps(versions: readonly Version[]): Generator<void, Passage[]> {
  // Most copies of a paragraph are identical, and hashing a string as it is costs less than
  // folding it: look paragraphs up as written first, and fold only those not seen before.
  const byText = new Map<string, OpenPassage>();
  const byKey = new Map<string, OpenPassage>();
  const passages: OpenPassage[] = [];
  for (let v = 0; v < versions.length; v++) {
    const { id, paragraphs } = versions[v]!;
    for (let paragraph = 0; paragraph < paragraphs.length; paragraph++) {
      const text = paragraphs[paragraph]!;
      let passage = byText.get(text);
      if (passage === undefined) {
        const key = passageKey(text);
        if (key === '') continue;
        passage = byKey.get(key);
        if (passage === undefined) {
          passage = { text, placements: [] };
          byKey.set(key, passage);
          passages.push(passage);
        }
        byText.set(text, passage);
      }
      passage.placements.push({ id, paragraph });
    }
    if (v % VERSIONS_PER_STEP === VERSIONS_PER_STEP - 1) yield;
  }
  return passages;
}
