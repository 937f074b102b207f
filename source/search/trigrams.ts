/**
 * A character-trigram index over folded passages: the cheap first pass of a search.
 *
 * Fuzzy matching every passage of a large corpus on every keystroke is too slow (fuse.js scans
 * every record). So a query first picks candidates: the passages that share the most query
 * trigrams, each trigram weighted by how rare it is. A typo costs a passage only the few trigrams
 * it touches, so misspelled queries still find their passages; fuse.js then scores the
 * candidates alone.
 *
 * Text is read as words: runs of letters and digits, every other run of characters being one
 * separator. A word's first and last letters make trigrams with the separator around them
 * (" ra", "ah "), and the end of one word makes trigrams with the start of the next, which favors
 * passages where the query's words stand together.
 *
 * Scores are integers, so the accumulator can be updated in place as a query changes, adding the
 * postings of new trigrams and subtracting those of dropped ones, and still equal, exactly, what
 * scoring the new query from scratch would give.
 */
import { foldForSearch } from '../text/fold.js';
import { isWordUnit } from '../text/word-units.js';
import { packTexts, textEnds, type PackedTexts } from '../corpus/packed.js';

/** Characters are read in 6 bits: 0 separates words, 1–63 are letters and digits. */
const SEPARATOR = 0;
const BITS = 6;
export const TRIGRAM_SPACE = 1 << (3 * BITS);
const NO_CHARACTER = -1;

/**
 * Character classes by UTF-16 unit, 255 until computed. A unit's class is that of its folded form
 * (see foldForSearch), so text can be indexed as written: "Türkiye" reads as "turkiye".
 */
const classes = new Uint8Array(65536).fill(255);

function classOfFolded(code: number): number {
  if (code >= 97 && code <= 122) return code - 96; // a–z: 1–26
  if (code >= 48 && code <= 57) return code - 48 + 27; // 0–9: 27–36
  if (code < 128) return SEPARATOR;
  // Surrogates make up astral letters and emoji alike; count them as letters.
  const isWord = (code >= 0xd800 && code <= 0xdfff) || isWordUnit(code);
  return isWord ? 37 + (code % 27) : SEPARATOR; // other letters share 37–63
}

function classOf(code: number): number {
  let c = classes[code]!;
  if (c === 255) {
    c = classOfFolded(foldForSearch(String.fromCharCode(code)).charCodeAt(0));
    classes[code] = c;
  }
  return c;
}

/**
 * Call `emit` with each trigram of `text`, repeats included. With `closeLastWord` false the
 * trigram that ends the last word is left out: a query's last word may be half typed.
 */
export function forEachTrigram(
  text: string,
  closeLastWord: boolean,
  emit: (trigram: number) => void,
): void {
  let before = NO_CHARACTER;
  let previous = SEPARATOR;
  for (let i = 0; i < text.length; i++) {
    const c = classOf(text.charCodeAt(i));
    if (c === SEPARATOR && previous === SEPARATOR) continue;
    if (before !== NO_CHARACTER) emit((before << (2 * BITS)) | (previous << BITS) | c);
    before = previous;
    previous = c;
  }
  if (closeLastWord && previous !== SEPARATOR && before !== NO_CHARACTER) {
    emit((before << (2 * BITS)) | (previous << BITS) | SEPARATOR);
  }
}

/** The distinct trigrams of a normalized query, ascending. */
export function queryTrigrams(query: string): Int32Array {
  const seen = new Set<number>();
  forEachTrigram(query, false, (t) => seen.add(t));
  return Int32Array.from(seen).sort();
}

/**
 * The trigrams of a run of passages: postings[offsets[t] .. offsets[t + 1]) are the passages
 * holding trigram t, ascending, numbered from 0 within the block.
 */
export interface TrigramBlock {
  readonly passages: number;
  readonly offsets: Int32Array;
  readonly postings: Int32Array | Uint16Array;
}

/** How much more a trigram that joins two words weighs ("h c" in "rafah crossing"). */
const JOINED_WORDS_WEIGHT = 4;

const MASK = (1 << BITS) - 1;

/** Whether trigram t is the end of one word, a separator, and the start of the next. */
function joinsWords(t: number): boolean {
  return (
    t >> (2 * BITS) !== SEPARATOR && ((t >> BITS) & MASK) === SEPARATOR && (t & MASK) !== SEPARATOR
  );
}

/**
 * How many passages `packedIndexSteps` reads between two yields: two or three milliseconds of
 * news (2,000 took 15 to 45 ms, which a key then waited for).
 */
const PASSAGES_PER_STEP = 250;
const NO_LIST = new Int32Array(0);
/** The list of a block's trigrams, kept for the next block (see packedIndexSteps). */
let keptList: Int32Array = NO_LIST;
/** Passages placed into the postings between two yields, their trigrams read from a list. */
const PLACED_PER_STEP = 1000;

/** Where distinctTrigrams puts a passage's trigrams; it grows as needed. */
let found = new Int32Array(4096);
/** Trigrams kept in `found` once a block is built, at most. */
const FOUND_KEPT = 1 << 16;

/**
 * A block's passages, read in order from packed parts (corpus/packed.ts): each passage's UTF-16
 * units, a byte a unit or two, without making a string of it. The indexing thread reads the
 * parts as they crossed; trigramIndexSteps packs strings first.
 */
class PassageCursor {
  /** The current passage's units: `units` from `start` to `end`. */
  units: Uint8Array | Uint16Array = new Uint8Array(0);
  start = 0;
  end = 0;
  readonly length: number;
  #part = 0;
  #k = -1;
  #narrow: Uint8Array = new Uint8Array(0);
  #wide: Uint16Array = new Uint16Array(0);
  /** Where each text of the current part ends, in its buffer. */
  #ends: Int32Array = new Int32Array(0);

  constructor(private readonly parts: readonly PackedTexts[]) {
    let length = 0;
    for (const part of parts) length += part.starts.length;
    this.length = length;
  }

  /** Read from the first passage again. */
  rewind(): void {
    this.#part = 0;
    this.#k = -1;
    this.#open();
  }

  /** Move to the next passage (there must be one). */
  next(): void {
    while (++this.#k >= this.parts[this.#part]!.starts.length) {
      this.#part++;
      this.#k = -1;
      this.#open();
    }
    const start = this.parts[this.#part]!.starts[this.#k]!;
    if (start >= 0) {
      this.units = this.#narrow;
      this.start = start;
    } else {
      this.units = this.#wide;
      this.start = -1 - start;
    }
    this.end = this.#ends[this.#k]!;
  }

  #open(): void {
    const part = this.parts[this.#part];
    if (!part) return;
    this.#narrow = new Uint8Array(part.narrow);
    this.#wide = new Uint16Array(part.wide);
    this.#ends = textEnds(part);
  }
}

/**
 * Put the distinct trigrams of the cursor's passage (classes fold it as they read), in `found`,
 * and say how many there are. `stamp[t] === mark` once trigram t is seen, so a trigram met twice
 * in one passage is given once. (The walk of forEachTrigram, written out, with no call per
 * trigram: it runs over every character of the corpus, once or twice.)
 */
function distinctTrigrams(passage: PassageCursor, stamp: Int32Array, mark: number): number {
  const { units, start, end } = passage;
  // A passage has at most one trigram a character, and one more.
  if (found.length <= end - start) found = new Int32Array(2 * (end - start) + 2);
  const out = found;
  let count = 0;
  let before = NO_CHARACTER;
  let previous = SEPARATOR;
  for (let i = start; i < end; i++) {
    const code = units[i]!;
    let c = classes[code]!;
    if (c === 255) c = classOf(code);
    if (c === SEPARATOR && previous === SEPARATOR) continue;
    if (before !== NO_CHARACTER) {
      const t = (before << (2 * BITS)) | (previous << BITS) | c;
      if (stamp[t] !== mark) {
        stamp[t] = mark;
        out[count++] = t;
      }
    }
    before = previous;
    previous = c;
  }
  if (previous !== SEPARATOR && before !== NO_CHARACTER) {
    const t = (before << (2 * BITS)) | (previous << BITS) | SEPARATOR;
    if (stamp[t] !== mark) {
      stamp[t] = mark;
      out[count++] = t;
    }
  }
  return count;
}

/**
 * Index the distinct trigrams of each passage. A generator, so a large corpus can be indexed a
 * slice at a time: it yields now and then, and returns the index. The passages come packed, in
 * parts (corpus/packed.ts), as they cross to the indexing thread; trigramIndexSteps takes strings.
 *
 * Each passage's distinct trigrams are counted, then placed into the postings. They are found by
 * reading the passages twice, or (with `keepList`) once, into a list of them end to end, kept for
 * the next block: room for one trigram a character, tens of megabytes for a block of 65,536
 * passages. The indexing thread, which builds one block after another and ends once the index is
 * whole, keeps the list: memory first written costs more than reading the passages again where
 * page faults are dear (13 µs a page on the machine the bench ran on). A block of 52,000 passages
 * of news: read twice, 600 ms; once into a new list, 800 ms; once into a kept list, 370 ms. The
 * reader's thread reads twice: its memory is counted, and it lives on after the index.
 */
export function* packedIndexSteps(
  parts: readonly PackedTexts[],
  keepList = false,
): Generator<void, TrigramBlock> {
  const passage = new PassageCursor(parts);
  const passages = passage.length;
  const stamp = new Int32Array(TRIGRAM_SPACE);
  const offsets = new Int32Array(TRIGRAM_SPACE + 1);
  // Each passage's trigrams end to end, and where each passage's end.
  let list: { readonly trigrams: Int32Array; readonly ends: Int32Array } | null = null;
  if (keepList) {
    // At most one trigram a character, and one more, for each passage.
    let most = passages;
    for (const part of parts) most += part.narrow.byteLength + part.wide.byteLength / 2;
    // Taken while this block is built: another built meanwhile (another index) makes its own.
    const trigrams = keptList.length >= most ? keptList : new Int32Array(most);
    keptList = NO_LIST;
    list = { trigrams, ends: new Int32Array(passages) };
  }
  let length = 0;
  // Count: offsets[t + 1] is the number of passages holding trigram t...
  passage.rewind();
  for (let p = 0; p < passages; p++) {
    passage.next();
    const count = distinctTrigrams(passage, stamp, p + 1);
    for (let k = 0; k < count; k++) offsets[found[k]! + 1]!++;
    if (list) {
      list.trigrams.set(found.subarray(0, count), length);
      list.ends[p] = length + count;
    }
    length += count;
    if (p % PASSAGES_PER_STEP === PASSAGES_PER_STEP - 1) yield;
  }
  for (let t = 0; t < TRIGRAM_SPACE; t++) offsets[t + 1]! += offsets[t]!; // counts to offsets
  // ...then place: each passage, in order, after the passages before it (postings ascending).
  // Passage numbers in 16 bits while they fit: half the memory for a corpus of up to 65,536
  // passages (10,000 versions have about 58,000).
  const postings = passages <= 0x10000 ? new Uint16Array(length) : new Int32Array(length);
  const cursor = offsets.slice(0, TRIGRAM_SPACE);
  const perStep = list ? PLACED_PER_STEP : PASSAGES_PER_STEP;
  passage.rewind();
  for (let p = 0, k = 0; p < passages; p++) {
    if (list) {
      const { trigrams, ends } = list;
      for (const end = ends[p]!; k < end; k++) postings[cursor[trigrams[k]!]!++] = p;
    } else {
      // Marks continue from the first pass's, so that no trigram looks seen already.
      passage.next();
      const count = distinctTrigrams(passage, stamp, passages + p + 1);
      for (let j = 0; j < count; j++) postings[cursor[found[j]!]!++] = p;
    }
    if (p % perStep === perStep - 1) yield;
  }
  // One huge passage's list is let go with its block.
  if (found.length > FOUND_KEPT) found = new Int32Array(4096);
  if (list) keptList = list.trigrams;
  return { passages, offsets, postings };
}

/** packedIndexSteps of these texts (packed first). */
export function trigramIndexSteps(
  texts: readonly string[],
  keepList = false,
): Generator<void, TrigramBlock> {
  return packedIndexSteps([packTexts(texts)], keepList);
}

/**
 * The trigram index of a corpus's passages: blocks of passages, indexed one after another as the
 * corpus streams in (see packedIndexSteps), that together number the passages from 0. A
 * trigram's weight depends on how many passages hold it in all the blocks, so the scores over
 * several blocks equal those over one block of the same passages.
 */
export class TrigramIndex {
  readonly #blocks: TrigramBlock[] = [];
  /** The number of the first passage of each block. */
  readonly #firsts: number[] = [];
  #passages = 0;
  /** Each trigram's weight, -1 until asked for; computed again after each block. */
  readonly #weights = new Int32Array(TRIGRAM_SPACE).fill(-1);

  constructor(blocks: readonly TrigramBlock[] = []) {
    for (const block of blocks) this.add(block);
  }

  /** Passages indexed, in all the blocks. */
  get passages(): number {
    return this.#passages;
  }

  /** The next passages, numbered from where the blocks before end. */
  add(block: TrigramBlock): void {
    this.#blocks.push(block);
    this.#firsts.push(this.#passages);
    this.#passages += block.passages;
    this.#weights.fill(-1);
  }

  /** How many passages hold trigram t. */
  postingsLength(t: number): number {
    let length = 0;
    for (const { offsets } of this.#blocks) length += offsets[t + 1]! - offsets[t]!;
    return length;
  }

  /**
   * The score a passage gains for holding trigram t: rarer trigrams weigh more. Inverse document
   * frequency in sixteenths of a bit, at least 1, and more for a trigram that joins two words:
   * fuse.js ranks words found together above words found apart, so the candidates should favor
   * them too.
   */
  weight(t: number): number {
    let weight = this.#weights[t]!;
    if (weight < 0) {
      const df = this.postingsLength(t);
      const idf = df === 0 ? 0 : Math.max(1, Math.round(16 * Math.log2((this.#passages + 1) / df)));
      weight = joinsWords(t) ? JOINED_WORDS_WEIGHT * idf : idf;
      this.#weights[t] = weight;
    }
    return weight;
  }

  /** The blocks, in order. */
  get blocks(): readonly TrigramBlock[] {
    return this.#blocks;
  }

  /** The number of each block's first passage. */
  get firsts(): readonly number[] {
    return this.#firsts;
  }
}

/**
 * TrigramScorer.top reads every passage's score in order, rather than the touched list and a sort
 * of the ties, where more than one passage in DENSE_SHARE is touched, or more than one in
 * TIES_PER_SCAN ties at its cut: a score array read in order costs a fraction of one read in the
 * touched order (a word and one letter touched 400,000 of 578,000 passages: 8 ms a keystroke at
 * 100,000 versions, against 2), and of a sort of a hundred thousand ties (a two-letter query).
 */
const TIES_PER_SCAN = 16;
const DENSE_SHARE = 4;

/**
 * The passages that share the most trigrams with a query, kept up to date as the query changes.
 * Moving from one query to the next costs the postings of the trigrams that differ, not those of
 * the whole query: typing one more letter adds one or two trigrams.
 */
export class TrigramScorer {
  private readonly scores: Int32Array;
  private readonly touched: Int32Array;
  private readonly isTouched: Uint8Array;
  private touchedCount = 0;
  private trigrams: Int32Array = new Int32Array(0);

  constructor(private readonly index: TrigramIndex) {
    this.scores = new Int32Array(index.passages);
    this.touched = new Int32Array(index.passages);
    this.isTouched = new Uint8Array(index.passages);
  }

  /** Score every passage against a query's trigrams (as given by `queryTrigrams`). */
  update(next: Int32Array): void {
    const { removed, added } = difference(this.trigrams, next);
    const cost = (list: readonly number[] | Int32Array): number => {
      let sum = 0;
      for (const t of list) sum += this.index.postingsLength(t);
      return sum;
    };
    if (cost(removed) + cost(added) > this.touchedCount + cost(next)) {
      this.clear();
      for (const t of next) this.apply(t, 1);
    } else {
      for (const t of removed) this.apply(t, -1);
      for (const t of added) this.apply(t, 1);
    }
    this.trigrams = next;
  }

  /**
   * The `limit` best-scoring passages (those with a score above 0), ascending. Ties at the cut
   * go to the passages that come first, so the choice never depends on the order of updates.
   */
  top(limit: number): number[] {
    let best = 0;
    for (const t of this.trigrams) best += this.index.weight(t);
    const histogram = new Int32Array(best + 1);
    const { scores, touched } = this;
    const dense = this.touchedCount * DENSE_SHARE > scores.length;
    if (dense) {
      // Most passages are touched (a query's common trigrams): every score is read in passage
      // order, which the memory reads ahead, rather than by the touched list, in no order.
      for (let p = 0; p < scores.length; p++) histogram[scores[p]!]!++;
    } else {
      for (let i = 0; i < this.touchedCount; i++) histogram[scores[touched[i]!]!]!++;
    }
    let cut = best;
    let above = 0; // passages scoring more than `cut`
    while (cut > 0 && above + histogram[cut]! < limit) above += histogram[cut--]!;
    if (cut === 0) {
      // Fewer than `limit` passages score at all: take them all (those at 1 too).
      cut = 1;
      above -= histogram[1] ?? 0;
    }
    const tied = histogram[cut]!;
    if (dense || tied * TIES_PER_SCAN > scores.length) {
      // Most passages touched, or many tied at the cut (a query's common words): those above the
      // cut and the first at it are read off the scores in passage order, rather than by the
      // touched list and a sort of every tie (some hundred thousand, 20 to 30 ms a keystroke at
      // 100,000 versions). An untouched passage scores 0, under any cut.
      const chosen: number[] = [];
      let ties = Math.min(tied, limit - above);
      for (let p = 0; p < scores.length; p++) {
        const score = scores[p]!;
        if (score > cut) chosen.push(p);
        else if (score === cut && ties > 0) {
          chosen.push(p);
          ties--;
        }
      }
      return chosen;
    }
    // Few touched, few tied: those above the cut, then the first ties, in passage order.
    const chosen: number[] = [];
    const ties: number[] = [];
    for (let i = 0; i < this.touchedCount; i++) {
      const p = touched[i]!;
      if (scores[p]! > cut) chosen.push(p);
      else if (scores[p] === cut) ties.push(p);
    }
    ties.sort((a, b) => a - b);
    for (let k = 0; k < ties.length && chosen.length < limit; k++) chosen.push(ties[k]!);
    return chosen.sort((a, b) => a - b);
  }

  private apply(t: number, sign: 1 | -1): void {
    const { blocks, firsts } = this.index;
    const weight = sign * this.index.weight(t);
    for (let b = 0; b < blocks.length; b++) {
      const { offsets, postings } = blocks[b]!;
      const first = firsts[b]!;
      for (let i = offsets[t]!, end = offsets[t + 1]!; i < end; i++) {
        const p = first + postings[i]!;
        this.scores[p]! += weight;
        if (this.isTouched[p] === 0) {
          this.isTouched[p] = 1;
          this.touched[this.touchedCount++] = p;
        }
      }
    }
  }

  private clear(): void {
    for (let i = 0; i < this.touchedCount; i++) {
      const p = this.touched[i]!;
      this.scores[p] = 0;
      this.isTouched[p] = 0;
    }
    this.touchedCount = 0;
  }
}

/** What is in `before` and not `after`, and the other way round; both are ascending. */
function difference(before: Int32Array, after: Int32Array): { removed: number[]; added: number[] } {
  const removed: number[] = [];
  const added: number[] = [];
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const a = i < before.length ? before[i]! : Infinity;
    const b = j < after.length ? after[j]! : Infinity;
    if (a === b) {
      i++;
      j++;
    } else if (a < b) {
      removed.push(a);
      i++;
    } else {
      added.push(b);
      j++;
    }
  }
  return { removed, added };
}
