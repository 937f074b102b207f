/**
 * The collate engine: every version of a story at once, aligned into rows of corresponding
 * passages. Pure: texts in, rows out.
 *
 * 1. The most central version (highest mean similarity to the others, ties by id) is the spine.
 * 2. Each other version is aligned to it with the pairwise compare engine (N−1 alignments), which
 *    pairs passages wherever they stand, through moves, splits and merges.
 * 3. The central version's paragraphs are cut wherever any alignment cuts them (a version that
 *    split a paragraph cuts it at a sentence), and each piece is a row; every version's paired
 *    passage is cut the same way, through its word diff.
 * 4. Passages the central version lacks are grouped across versions by likeness, and each group is
 *    a row where most of its carriers put it.
 * 5. Each row's reading is the text most versions carry, else the most central carrier's; each
 *    cell is diffed against it, words before punctuation.
 *
 * The result does not depend on the order the versions come in: every choice goes by similarity,
 * then by id, and the versions are walked in id or centrality order, never in input order.
 */

import { tokenize, type Word } from '../compare/tokenize.js';
import { finishSteps } from '../text/steps.js';
import { rankByCentrality } from './central.js';
import { groupExtras, type Extra, type ExtraRow } from './extras.js';
import { fingerprintOf } from './fingerprint.js';
import { markMoved } from './moved.js';
import {
  comparePlaces,
  pairWithCentral,
  projectCut,
  type PairedVersion,
  type Place,
} from './pairwise.js';
import { cellSpans, joinWords, sameWords } from './spans.js';
import type {
  Cell,
  Collatable,
  CollateOptions,
  CollateProgress,
  Collation,
  CollationRow,
} from './types.js';

export type * from './types.js';
export { phraseChanges, type PhraseChange } from './changes.js';
export { cellMark, variantsOf, type Variant } from './variants.js';

/** Collate the versions of one story. Ids must be distinct. */
export function collate(versions: readonly Collatable[], options: CollateOptions = {}): Collation {
  return finishSteps(collateInSteps(versions, options));
}

/**
 * The same, a step at a time: it yields its progress after each alignment to the central version,
 * so that a view can show progress and stay responsive between steps, then returns the collation.
 */
export function* collateInSteps(
  versions: readonly Collatable[],
  options: CollateOptions = {},
): Generator<CollateProgress, Collation, void> {
  const ids = versions.map((v) => v.id);
  if (new Set(ids).size !== ids.length) throw new Error('collate: version ids must be distinct');
  const n = versions.length;
  if (n === 0) {
    return { versions: [], central: '', centrality: new Map(), rows: [], fingerprints: [] };
  }
  const tokenizeOptions = { exact: options.exact ?? false };
  const words = versions.map((v) => v.paragraphs.map((p) => tokenize(p, tokenizeOptions)));
  const { mean, order } = rankByCentrality(ids, words);
  const rank = new Int32Array(n);
  order.forEach((version, r) => (rank[version] = r));
  const c = order[0]!;

  // 2. N−1 alignments, in centrality order.
  const paired: (PairedVersion | undefined)[] = new Array(n);
  const total = n - 1;
  yield { done: 0, total };
  for (let r = 1; r < n; r++) {
    const v = order[r]!;
    paired[v] = pairWithCentral(versions[c]!, versions[v]!, words[v]!, options);
    yield { done: r, total };
  }

  // 3. The central version's rows: its paragraphs cut wherever any alignment cuts them.
  const slots = cutCentral(words[c]!, paired);
  const slotOf = (paragraph: number, word: number): number => {
    const list = slots.byParagraph[paragraph]!;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (slots.places[list[mid]!]!.start <= word) lo = mid;
      else hi = mid - 1;
    }
    return list[lo]!;
  };
  /** The cell of each version in each of the central version's rows. */
  const slotCells: (Place | undefined)[][] = slots.places.map((place) => {
    const row = new Array<Place | undefined>(n);
    row[c] = place;
    return row;
  });
  const extras: Extra[] = [];
  for (let r = 1; r < n; r++) {
    const v = order[r]!;
    const pairing = paired[v]!;
    for (const piece of pairing.pieces) {
      const first = slotOf(piece.central.paragraph, piece.central.start);
      const last = slotOf(piece.central.paragraph, piece.central.start + piece.central.length - 1);
      const ownParagraph = words[v]![piece.own.paragraph]!;
      let from = 0;
      for (let s = first; s <= last; s++) {
        const to =
          s === last
            ? piece.own.length
            : Math.max(
                from,
                projectCut(piece, slots.places[s + 1]!.start - piece.central.start, ownParagraph),
              );
        if (to > from) {
          slotCells[s]![v] = {
            paragraph: piece.own.paragraph,
            start: piece.own.start + from,
            length: to - from,
          };
        }
        from = to;
      }
    }
    extras.push(...anchorExtras(v, pairing, slotOf));
  }

  // 4. Passages the central version lacks.
  const extraRows = groupExtras(
    extras,
    (extra) => wordsAt(words[extra.version]!, extra.place),
    (version) => rank[version]!,
  );
  const byAnchor = new Map<number, ExtraRow[]>();
  for (const row of extraRows) {
    const list = byAnchor.get(row.anchor) ?? [];
    list.push(row);
    byAnchor.set(row.anchor, list);
  }
  for (const list of byAnchor.values()) list.sort((x, y) => x.after - y.after || x.rank - y.rank);
  const places: (Place | undefined)[][] = [];
  const addExtras = (anchor: number): void => {
    for (const row of byAnchor.get(anchor) ?? []) {
      const cells = new Array<Place | undefined>(n);
      for (const member of row.members) cells[member.version] = member.place;
      places.push(cells);
    }
  };
  addExtras(-1);
  slotCells.forEach((cells, s) => {
    places.push(cells);
    addExtras(s);
  });

  // 5. Readings, cells and what moved.
  const moved = markMoved(places, n);
  const rows = places.map((cells, r) => buildRow(cells, moved[r]!, ids, words, rank));
  const fingerprints = ids.map((id, v) => fingerprintOf(v, id, rows));
  return {
    versions: ids,
    central: ids[c]!,
    centrality: new Map(ids.map((id, v) => [id, mean[v]!])),
    rows,
    fingerprints,
  };
}

function wordsAt(paragraphs: readonly (readonly Word[])[], place: Place): readonly Word[] {
  return paragraphs[place.paragraph]!.slice(place.start, place.start + place.length);
}

interface Slots {
  /** Every row of the central version, in its order. */
  readonly places: readonly Place[];
  /** For each paragraph, the indexes of its rows. */
  readonly byParagraph: readonly (readonly number[])[];
}

function cutCentral(
  paragraphs: readonly (readonly Word[])[],
  paired: readonly (PairedVersion | undefined)[],
): Slots {
  const cuts = paragraphs.map((words) => new Set([0, words.length]));
  for (const pairing of paired) {
    for (const place of pairing?.centralCuts ?? []) {
      cuts[place.paragraph]!.add(place.start).add(place.start + place.length);
    }
  }
  const places: Place[] = [];
  const byParagraph = cuts.map((set, paragraph) => {
    const sorted = [...set].sort((x, y) => x - y);
    const list: number[] = [];
    for (let k = 0; k + 1 < sorted.length; k++) {
      list.push(places.length);
      places.push({ paragraph, start: sorted[k]!, length: sorted[k + 1]! - sorted[k]! });
    }
    return list;
  });
  return { places, byParagraph };
}

/**
 * A version's extras with their anchors: the central row of the nearest passage before each, in
 * the version's own order, that kept its place (did not move).
 */
function anchorExtras(
  version: number,
  pairing: PairedVersion,
  slotOf: (paragraph: number, word: number) => number,
): Extra[] {
  type Item = { place: Place; anchor?: number; extra: boolean };
  const items: Item[] = [
    ...pairing.pieces
      .filter((piece) => !piece.moved)
      .map((piece) => ({
        place: piece.own,
        anchor: slotOf(piece.central.paragraph, piece.central.start + piece.central.length - 1),
        extra: false,
      })),
    ...pairing.extras.map((place) => ({ place, extra: true })),
  ].sort((x, y) => comparePlaces(x.place, y.place));
  const out: Extra[] = [];
  let anchor = -1;
  let after = 0;
  for (const item of items) {
    if (!item.extra) {
      anchor = item.anchor!;
      after = 0;
      continue;
    }
    out.push({ version, place: item.place, anchor, after: after++ });
  }
  return out;
}

function buildRow(
  places: readonly (Place | undefined)[],
  moved: readonly boolean[],
  ids: readonly string[],
  words: readonly (readonly (readonly Word[])[])[],
  rank: Int32Array,
): CollationRow {
  const n = ids.length;
  // Rows are sparse arrays: walk every index, not only those set.
  const cellWords = Array.from({ length: n }, (_, v) => {
    const place = places[v];
    return place ? wordsAt(words[v]!, place) : undefined;
  });
  const carriers = cellWords.flatMap((own, v) => (own ? [v] : []));
  const readingOf = chooseReading(carriers, cellWords, rank);
  const reading = cellWords[readingOf]!;
  let varies = false;
  const cells: Cell[] = cellWords.map((own, v) => {
    const place = places[v];
    if (!place || !own) {
      varies = true;
      return absentCell(ids[v]!);
    }
    const same = sameWords(reading, own);
    if (!same || moved[v]) varies = true;
    return {
      version: ids[v]!,
      state: same ? 'same' : 'changed',
      moved: moved[v]!,
      paragraph: place.paragraph,
      start: place.start,
      words: place.length,
      text: joinWords(own),
      spans: same ? [{ op: 'equal', text: joinWords(own) }] : cellSpans(reading, own),
    };
  });
  return {
    reading: joinWords(reading),
    readingWords: reading.length,
    readingVersion: ids[readingOf]!,
    cells,
    carriers: carriers.length,
    varies,
    minority: 2 * carriers.length < n,
  };
}

function absentCell(version: string): Cell {
  return {
    version,
    state: 'absent',
    moved: false,
    paragraph: null,
    start: 0,
    words: 0,
    text: '',
    spans: [],
  };
}

/**
 * The reading: the text (after typographic folding) that the most carriers share, when one text
 * leads and at least two carry it; otherwise the most central carrier's. Either way the words
 * shown are those of the most central version that carries that text.
 */
function chooseReading(
  carriers: readonly number[],
  cellWords: readonly (readonly Word[] | undefined)[],
  rank: Int32Array,
): number {
  const groups = new Map<string, number[]>();
  for (const v of carriers) {
    const key = cellWords[v]!.map((word) => word.key).join('\u0000');
    const list = groups.get(key) ?? [];
    list.push(v);
    groups.set(key, list);
  }
  const mostCentral = (list: readonly number[]): number =>
    list.reduce((x, y) => (rank[y]! < rank[x]! ? y : x));
  let top: number[] = [];
  let tied = false;
  for (const list of groups.values()) {
    if (list.length > top.length) {
      top = list;
      tied = false;
    } else if (list.length === top.length) tied = true;
  }
  if (top.length >= 2 && !tied) return mostCentral(top);
  return mostCentral(carriers);
}
