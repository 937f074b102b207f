import type { StoryMap } from '../../corpus/stories.js';
import type { Corpus, Version } from '../../corpus/types.js';
import { follow, moveCursor, type Move } from '../layout/scroll.js';

/**
 * The compare picker's model: the versions offered for comparison with a base version, the
 * closest first, and a cursor in a window of them. Pure: the pane draws it, keys change it.
 */

/** How many versions the picker offers. */
export const PICKER_SIZE = 40;

/** Digits 1–9 pick the version at that place in the list. */
export const PLACE_KEYS = 9;

export interface PickerChoice {
  readonly version: Version;
  readonly similarity: number | null;
}

export interface PickerState {
  readonly kind: 'picker';
  /** The version to compare from. */
  readonly base: string;
  readonly cursor: number;
  /** The first choice in view. */
  readonly top: number;
}

export function openPickerState(base: Version): PickerState {
  return { kind: 'picker', base: base.id, cursor: 0, top: 0 };
}

/**
 * Versions to offer for comparison with `base`, the closest first once stories are known. They
 * are ranked by grouping's cheap estimate; the figure shown is compare's similarity, the one
 * the compare header shows. When every choice fits on screen, they are all compared and ranked
 * by that figure; otherwise only the choices on screen get it (see visibleChoices).
 */
export function pickerChoices(
  corpus: Corpus,
  stories: StoryMap | null,
  base: Version,
  listHeight: number,
  similarity: (a: Version, b: Version) => number,
): PickerChoice[] {
  const others = corpus.versions.filter((v) => v.id !== base.id);
  if (others.length <= listHeight) {
    const scored = others.map((version) => ({ version, similarity: similarity(base, version) }));
    return scored.sort((x, y) => y.similarity - x.similarity);
  }
  const ranked = others.map((version) => ({
    version,
    rank: stories ? stories.similarity(base, version) : 0,
  }));
  if (stories) ranked.sort((x, y) => y.rank - x.rank);
  return ranked.slice(0, PICKER_SIZE).map(({ version }) => ({ version, similarity: null }));
}

/** The choices from `top`, `height` of them, each with its similarity to the base. */
export function visibleChoices(
  choices: readonly PickerChoice[],
  base: Version,
  top: number,
  height: number,
  similarity: (a: Version, b: Version) => number,
): PickerChoice[] {
  return choices
    .slice(top, top + height)
    .map((c) => (c.similarity === null ? { ...c, similarity: similarity(base, c.version) } : c));
}

/** Rows for choices: the pane less its heading. */
export function pickerListHeight(paneHeight: number): number {
  return Math.max(1, paneHeight - 1);
}

/** Move the cursor, scrolling the window only when the cursor would leave it. */
export function movePicker(
  picker: PickerState,
  step: Move,
  height: number,
  count: number,
): PickerState {
  const cursor = moveCursor(picker.cursor, step, height, count);
  return { ...picker, cursor, top: follow(picker.top, cursor, cursor + 1, height, count) };
}

/** The choice a digit key picks (1 is the first in the list), if there is one. */
export function choiceAtPlace(
  choices: readonly PickerChoice[],
  key: string,
): PickerChoice | undefined {
  const place = Number(key);
  if (!Number.isInteger(place) || place < 1 || place > PLACE_KEYS) return undefined;
  return choices[place - 1];
}
