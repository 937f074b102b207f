import type { Version } from '../corpus/types.js';
import { passageKey } from '../text/fold.js';
import { NO_PASSAGE, passageHash, sameKey } from '../text/walk.js';
import { ChunkedInts, ChunkedList } from '../text/chunked.js';

// Passage keys are read in text/walk.ts, with a version's words, as a corpus loads.
export { hash53, NO_PASSAGE, passageHash, sameKey } from '../text/walk.js';

/** Passages' texts by number: a list that grows (see ChunkedList), or an array. */
export interface PassageTexts {
  readonly length: number;
  at(p: number): string | undefined;
  slice(from?: number, to?: number): string[];
}

/** Where a passage stands in one version. */
export interface Placement {
  readonly id: string;
  /** The paragraph's index in the version, from 0. */
  readonly paragraph: number;
}

/** How many versions `PassageCollector.addSteps` reads between two yields. */
const VERSIONS_PER_STEP = 25;

/**
 * The hash of each paragraph's passage key (see passageKey), or NO_PASSAGE where the key is
 * empty: what the collector looks passages up by. A loader thread may take them, off the
 * reader's thread.
 */
export function passageHashes(paragraphs: readonly string[]): Float64Array {
  const hashes = new Float64Array(paragraphs.length);
  for (let i = 0; i < paragraphs.length; i++) hashes[i] = passageHash(paragraphs[i]!);
  return hashes;
}

/** How many tables a PassageCollector looks key hashes up in. */
const HASH_TABLES = 64;

/**
 * The first passage with each key hash: an open-addressed table in two typed arrays, doubled when
 * half full. A Map of hashes would keep each key as an object of its own on the reader's heap, a
 * million of them for the collector of a large corpus, and look them up three times as slowly.
 */
class FirstByHash {
  #hashes = new Float64Array(256);
  /** The passage with the hash in the same slot; -1 where the slot is empty. */
  #passages = new Int32Array(256).fill(-1);
  #size = 0;

  /** The slot that holds `hash`, or the empty slot where it would go. */
  #slotOf(hash: number): number {
    const mask = this.#passages.length - 1;
    // The upper 32 bits of a 53-bit hash (see hash53); the lower ones chose this table.
    let slot = Math.floor(hash / 0x200000) & mask;
    while (this.#passages[slot] !== -1 && this.#hashes[slot] !== hash) slot = (slot + 1) & mask;
    return slot;
  }

  /** The passage with this hash, or -1. */
  get(hash: number): number {
    return this.#passages[this.#slotOf(hash)]!;
  }

  /** Remember passage p for a hash that has none. */
  set(hash: number, p: number): void {
    if (2 * (this.#size + 1) > this.#passages.length) this.#grow();
    const slot = this.#slotOf(hash);
    this.#hashes[slot] = hash;
    this.#passages[slot] = p;
    this.#size++;
  }

  #grow(): void {
    const hashes = this.#hashes;
    const passages = this.#passages;
    this.#hashes = new Float64Array(2 * hashes.length);
    this.#passages = new Int32Array(2 * passages.length).fill(-1);
    for (let slot = 0; slot < passages.length; slot++) {
      if (passages[slot] === -1) continue;
      const to = this.#slotOf(hashes[slot]!);
      this.#hashes[to] = hashes[slot]!;
      this.#passages[to] = passages[slot]!;
    }
  }
}

/**
 * The distinct passages of a corpus, in the order they first appear, gathered as its versions
 * come. Copies that differ only in case, spacing, quotes or dashes are one passage (see
 * passageKey).
 *
 * A large corpus has millions of paragraphs: the collector keeps no object per paragraph. It
 * looks passages up by the hash of their key, and checks a match by the text (or, for a copy
 * written differently, by the key itself), so that two passages never merge by chance. Where
 * each passage stands is kept in typed arrays, and made into Placements only when asked for.
 */
export class PassageCollector {
  readonly #texts = new ChunkedList<string>();
  /**
   * The first passage with each key hash, in tables chosen by the hash's low bits; later ones with
   * the same hash, by key. One table of a million passages, doubling, would move them all in one
   * step; each of these holds a sixty-fourth.
   */
  #byHash: (FirstByHash | undefined)[] = [];
  readonly #collided = new Map<string, number>();
  readonly #versions: Version[] = [];
  // Placements as linked lists: each passage's first and last, and each placement's next. In
  // chunks: a million placements of a large corpus, doubled in one step, held up a key.
  readonly #first = new ChunkedInts();
  readonly #last = new ChunkedInts();
  readonly #version = new ChunkedInts();
  readonly #paragraph = new ChunkedInts();
  readonly #next = new ChunkedInts();

  /** The passages' texts, as the first version carrying each has it: the same list, growing. */
  get texts(): PassageTexts {
    return this.#texts;
  }

  /** Versions carrying passage p, in corpus order, then paragraph order. */
  placementsOf(p: number): Placement[] {
    const placements: Placement[] = [];
    for (let at = this.#first.get(p); at >= 0; at = this.#next.get(at)) {
      placements.push({
        id: this.#versions[this.#version.get(at)]!.id,
        paragraph: this.#paragraph.get(at),
      });
    }
    return placements;
  }

  /**
   * Add the passages of more versions, which come after those added before; `hashes` gives each
   * version's passageHashes where a loader thread took them. A generator, so that a large corpus
   * can be read a slice at a time: it yields now and then.
   */
  *addSteps(
    versions: readonly Version[],
    hashes: (version: Version) => Float64Array | undefined = () => undefined,
  ): Generator<void> {
    for (let v = 0; v < versions.length; v++) {
      const version = versions[v]!;
      const number = this.#versions.length;
      this.#versions.push(version);
      const { paragraphs } = version;
      const keys = hashes(version) ?? passageHashes(paragraphs);
      for (let paragraph = 0; paragraph < paragraphs.length; paragraph++) {
        const hash = keys[paragraph]!;
        if (hash === NO_PASSAGE) continue;
        this.#place(this.#passageOf(paragraphs[paragraph]!, hash), number, paragraph);
      }
      if (v % VERSIONS_PER_STEP === VERSIONS_PER_STEP - 1) yield;
    }
  }

  /** The passage of a paragraph with this key hash: one seen before, or a new one. */
  #passageOf(text: string, hash: number): number {
    const byHash = (this.#byHash[hash % HASH_TABLES] ??= new FirstByHash());
    const seen = byHash.get(hash);
    if (seen === -1) {
      byHash.set(hash, this.#texts.length);
      return this.#add(text);
    }
    // Most copies are written alike; a copy written differently is checked by its key.
    const first = this.#texts.at(seen)!;
    if (text === first || sameKey(text, first)) return seen;
    const key = passageKey(text);
    // Two keys with one hash: rare, and told apart by the keys themselves.
    const collided = this.#collided.get(key);
    if (collided !== undefined) return collided;
    this.#collided.set(key, this.#texts.length);
    return this.#add(text);
  }

  #add(text: string): number {
    const p = this.#texts.length;
    this.#texts.push(text);
    this.#first.push(-1);
    this.#last.push(-1);
    return p;
  }

  #place(p: number, version: number, paragraph: number): void {
    const at = this.#next.length;
    this.#version.push(version);
    this.#paragraph.push(paragraph);
    this.#next.push(-1);
    if (this.#first.get(p) === -1) this.#first.set(p, at);
    else this.#next.set(this.#last.get(p), at);
    this.#last.set(p, at);
  }

  /** No more versions will come: let go of what only adding needed. */
  close(): void {
    this.#byHash = [];
    this.#collided.clear();
  }
}
