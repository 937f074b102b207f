import type { Version } from '../corpus/types.js';
import { packedParagraph, paragraphOf } from '../corpus/taken.js';
import { packTexts, type PackedPiece, type PackedTexts } from '../corpus/packed.js';
import { HASH_WORDS, isNoPassage, passageHashes } from '../text/walk.js';
import { ChunkedInts } from '../text/chunked.js';

/** Passages' texts by number: those of a PassageCollector, or an array. */
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

/** How many tables a PassageCollector looks key hashes up in. */
const HASH_TABLES = 64;

/**
 * The passage with each key hash: an open-addressed table in two typed arrays, doubled when half
 * full. A Map of hashes would keep each key as an object of its own on the reader's heap, a
 * million of them for the collector of a large corpus, and look them up three times as slowly.
 */
class PassageByHash {
  /** Each slot's hash, in HASH_WORDS words. */
  #hashes = new Uint32Array(HASH_WORDS * 256);
  /** The passage with the hash in the same slot; -1 where the slot is empty. */
  #passages = new Int32Array(256).fill(-1);
  #size = 0;

  /** The slot that holds hash (a, b), or the empty slot where it would go. */
  #slotOf(a: number, b: number): number {
    const mask = this.#passages.length - 1;
    // The first word chooses the slot; the second chose this table.
    let slot = a & mask;
    while (
      this.#passages[slot] !== -1 &&
      (this.#hashes[2 * slot] !== a || this.#hashes[2 * slot + 1] !== b)
    ) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /** The passage with hash (a, b), or -1. */
  get(a: number, b: number): number {
    return this.#passages[this.#slotOf(a, b)]!;
  }

  /** Remember passage p for a hash that has none. */
  set(a: number, b: number, p: number): void {
    if (2 * (this.#size + 1) > this.#passages.length) this.#grow();
    const slot = this.#slotOf(a, b);
    this.#hashes[2 * slot] = a;
    this.#hashes[2 * slot + 1] = b;
    this.#passages[slot] = p;
    this.#size++;
  }

  #grow(): void {
    const hashes = this.#hashes;
    const passages = this.#passages;
    this.#hashes = new Uint32Array(2 * hashes.length);
    this.#passages = new Int32Array(2 * passages.length).fill(-1);
    for (let slot = 0; slot < passages.length; slot++) {
      if (passages[slot] === -1) continue;
      const to = this.#slotOf(hashes[2 * slot]!, hashes[2 * slot + 1]!);
      this.#hashes[2 * to] = hashes[2 * slot]!;
      this.#hashes[2 * to + 1] = hashes[2 * slot + 1]!;
      this.#passages[to] = passages[slot]!;
    }
  }
}

/**
 * The distinct passages of a corpus, in the order they first appear, gathered as its versions
 * come. Copies that differ only in case, spacing, quotes or dashes are one passage (see
 * passageKey).
 *
 * A large corpus has millions of paragraphs: the collector keeps no object and no text per
 * paragraph. It knows passages by the 64-bit hash of their key alone (text/walk.ts), which a
 * loader thread takes, so that it never reads a paragraph's text; a passage's text is that of its
 * first placement, read when asked for (for a version still packed, that paragraph alone: see
 * corpus/taken.ts). Where each passage stands is kept in typed arrays, and made into Placements
 * only when asked for.
 */
export class PassageCollector {
  /**
   * The passage with each key hash, in tables chosen by the hash's second word. One table of a
   * million passages, doubling, would move them all in one step; each of these holds a
   * sixty-fourth.
   */
  #byHash: (PassageByHash | undefined)[] = [];
  readonly #versions: Version[] = [];
  // Placements as linked lists: each passage's first and last, and each placement's next. In
  // chunks: a million placements of a large corpus, doubled in one step, held up a key.
  readonly #first = new ChunkedInts();
  readonly #last = new ChunkedInts();
  readonly #version = new ChunkedInts();
  readonly #paragraph = new ChunkedInts();
  readonly #next = new ChunkedInts();

  /** The passages' texts, as the first version carrying each has it, read when asked for. */
  readonly texts: PassageTexts;

  constructor() {
    const first = this.#first;
    this.texts = {
      get length(): number {
        return first.length;
      },
      at: (p) => this.#textOf(p),
      slice: (from = 0, to = first.length) => {
        const texts: string[] = [];
        for (let p = Math.max(0, from); p < Math.min(to, first.length); p++) {
          texts.push(this.#textOf(p)!);
        }
        return texts;
      },
    };
  }

  #textOf(p: number): string | undefined {
    if (p < 0 || p >= this.#first.length) return undefined;
    const at = this.#first.get(p);
    return paragraphOf(this.#versions[this.#version.get(at)]!, this.#paragraph.get(at));
  }

  /**
   * Passages `from` to before `to`, packed to cross to another thread (see packed.ts): the text of
   * a version still packed is copied as bytes, never read into a string here.
   */
  pack(from: number, to: number): PackedTexts {
    const pieces: (string | PackedPiece)[] = [];
    for (let p = from; p < to; p++) {
      const at = this.#first.get(p);
      const version = this.#versions[this.#version.get(at)]!;
      const paragraph = this.#paragraph.get(at);
      pieces.push(packedParagraph(version, paragraph) ?? paragraphOf(version, paragraph)!);
    }
    return packTexts(pieces);
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
    hashes: (version: Version) => Uint32Array | undefined = () => undefined,
  ): Generator<void> {
    for (let v = 0; v < versions.length; v++) {
      const version = versions[v]!;
      const number = this.#versions.length;
      this.#versions.push(version);
      const keys = hashes(version) ?? passageHashes(version.paragraphs);
      const paragraphs = keys.length / HASH_WORDS;
      for (let paragraph = 0; paragraph < paragraphs; paragraph++) {
        if (isNoPassage(keys, paragraph)) continue;
        const a = keys[HASH_WORDS * paragraph]!;
        const b = keys[HASH_WORDS * paragraph + 1]!;
        this.#place(this.#passageOf(a, b), number, paragraph);
      }
      if (v % VERSIONS_PER_STEP === VERSIONS_PER_STEP - 1) yield;
    }
  }

  /** The passage of a paragraph with key hash (a, b): one seen before, or a new one. */
  #passageOf(a: number, b: number): number {
    const byHash = (this.#byHash[b % HASH_TABLES] ??= new PassageByHash());
    const seen = byHash.get(a, b);
    if (seen !== -1) return seen;
    const p = this.#first.length;
    byHash.set(a, b, p);
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
  }
}
