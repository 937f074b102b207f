import type { StoryMap } from '../../corpus/stories.js';
import type { Corpus, Version } from '../../corpus/types.js';
import type { SearchHit } from '../../search/types.js';
import type { Theme } from '../theme.js';
import { StoryLayouts } from '../layout/story.js';
import { CompareViews, type CompareState, type CompareView } from './compare.js';
import { layoutReader, type Ranges, type ReaderLayout } from '../layout/reader.js';
import { layoutStories, type StoryRows } from '../layout/stories.js';
import { highlightsFor } from './reader.js';
import { pickerChoices, type PickerChoice } from './picker.js';
import { memoLast } from './memo.js';

/**
 * The selectors' cache: what each view lays out, computed once for what it depends on. Every
 * view's state module reads its layout through here, so a key costs a lookup, not a layout.
 */

export type { CompareView } from './compare.js';

/** How many pairs may wait for their figure (see Layouts.knownSimilarity): two screens' worth. */
const MAX_FIGURES_WANTED = 128;

export class Layouts {
  #byId: ReadonlyMap<string, Version> | null = null;
  readonly labels: ReadonlyMap<string, string>;
  /** Similarity figures already computed, by "a\nb". */
  private readonly similarities = new Map<string, number>();

  constructor(
    readonly corpus: Corpus,
    labels: ReadonlyMap<string, string>,
    readonly theme: Theme,
    readonly exact: boolean,
  ) {
    this.labels = labels;
    this.compareViews = new CompareViews((id) => this.byId.get(id), labels, theme, exact);
    this.story = new StoryLayouts(exact, labels, theme.markers);
  }

  /**
   * The corpus's versions by id, made when first asked for: a corpus that grows as it loads gets
   * new layouts each time it is named, and a map of 100,000 ids costs a frame 30 ms or more.
   */
  get byId(): ReadonlyMap<string, Version> {
    return (this.#byId ??= new Map(this.corpus.versions.map((v) => [v.id, v])));
  }

  /** The story view's layouts and the collations they show. */
  readonly story: StoryLayouts;

  /** Comparisons laid out, with their headers and substitution lists (state/compare.ts). */
  readonly compareViews: CompareViews;

  readonly storyRows = memoLast((stories: StoryMap | null, width: number): StoryRows =>
    layoutStories(this.corpus, stories, this.labels, width),
  );

  private readonly highlights = memoLast((version: Version, hits: readonly SearchHit[] | null) =>
    highlightsFor(version, hits),
  );

  private readonly readerLayout = memoLast(
    (version: Version, width: number, highlights: ReadonlyMap<number, Ranges>): ReaderLayout =>
      layoutReader(version, width, highlights),
  );

  reader(version: Version, width: number, hits: readonly SearchHit[] | null): ReaderLayout {
    return this.readerLayout(version, width, this.highlights(version, hits));
  }

  readerHighlights(
    version: Version,
    hits: readonly SearchHit[] | null,
  ): ReadonlyMap<number, Ranges> {
    return this.highlights(version, hits);
  }

  /**
   * The one similarity figure of a pair, wherever it shows (Stories, the picker, the compare
   * header): compare's `stats.similarity`. A full comparison, so it is computed only for rows
   * on screen, and once per pair.
   */
  similarity = (a: Version, b: Version): number => {
    const key = `${a.id}\n${b.id}`;
    let figure = this.similarities.get(key);
    if (figure === undefined) {
      // Through the compare views' cache: opening the pair next reuses this comparison.
      figure = this.compareViews.comparison(a, b).stats.similarity;
      this.similarities.set(key, figure);
      this.figuresComputed++;
    }
    return figure;
  };

  /** How many similarity figures have been computed: a frame drawn before the last lacks it. */
  figuresComputed = 0;

  /** Pairs whose figure a list row asked for and could not have at once, newest last. */
  private readonly figuresWanted = new Map<string, readonly [Version, Version]>();

  /**
   * The similarity figure of a pair if it is known; else null, and the pair waits for
   * `figureSteps` (the Stories list shows the figure once it is computed, and a key that brings
   * new rows on screen never waits for their comparisons).
   */
  knownSimilarity = (a: Version, b: Version): number | null => {
    const key = `${a.id}\n${b.id}`;
    const figure = this.similarities.get(key);
    if (figure !== undefined) return figure;
    this.figuresWanted.delete(key);
    this.figuresWanted.set(key, [a, b]);
    // Rows scrolled past long ago are not worth comparing.
    if (this.figuresWanted.size > MAX_FIGURES_WANTED) {
      this.figuresWanted.delete(this.figuresWanted.keys().next().value!);
    }
    return null;
  };

  /** Whether a list row waits for a figure. */
  get wantsFigures(): boolean {
    return this.figuresWanted.size > 0;
  }

  /**
   * Compute the figures rows wait for, newest first, until `deadline` (at least one); true once
   * none is left.
   */
  figureSteps(deadline: number): boolean {
    do {
      const last = [...this.figuresWanted.keys()].at(-1);
      if (last === undefined) return true;
      const [a, b] = this.figuresWanted.get(last)!;
      this.figuresWanted.delete(last);
      this.similarity(a, b);
    } while (performance.now() < deadline);
    return this.figuresWanted.size === 0;
  }

  /** The versions the compare picker offers for a base version (see state/picker.ts). */
  readonly pickerChoices = memoLast(
    (stories: StoryMap | null, base: Version, listHeight: number): PickerChoice[] =>
      pickerChoices(this.corpus, stories, base, listHeight, this.similarity),
  );

  /** The comparison of a pair, laid out, with its summary header. */
  compare(pair: CompareState, width: number, sideBySide: boolean): CompareView | null {
    return this.compareViews.view(pair, width, sideBySide);
  }
}
