/**
 * One walk over a version's text, unit by unit, for what search and story grouping take of it as
 * a corpus loads: the passage key of each paragraph (search/passages.ts looks passages up by its
 * hash) and the version's words, three by three (corpus/stories.ts samples their shingles).
 *
 * A loader thread reads every character of a large corpus here, so both are read in the same
 * walk: two walks of the same news took 50 µs a version, one takes 35 (a third of a loader's
 * time was these walks at 100,000 versions).
 */
import { foldCode, passageKey } from './fold.js';
import { DASHES, DOUBLE_QUOTES, SINGLE_QUOTES } from './typography.js';
import { isWordUnit } from './word-units.js';

// ---------------------------------------------------------------------------------------------
// Passage keys

/**
 * A passage key's hash is 64 bits, two 32-bit lanes of FNV-1a's kind read side by side, in two
 * words: search/passages.ts tells passages apart by it alone, so that the reader's thread never
 * needs a paragraph's text to know its passage (with a million passages, two keys share a hash
 * once in some 30 million corpora). The lanes start from seeds drawn at random for each run of
 * the reader, so that a corpus written to make two passages share the hash of fixed seeds does
 * not (FNV seeded so is no keyed hash: this raises the bar for such a corpus, it is no proof
 * against one); the threads that load a corpus are given the reader's seeds (useHashSeeds).
 */
export const HASH_WORDS = 2;
const seeds = crypto.getRandomValues(new Uint32Array(2));
const A_START = 0x811c9dc5;
const B_START = 0x01000193 ^ 0x5bd1e995;

/** The seeds passage hashes start from here: a loader thread is given the reader's. */
export function hashSeeds(): readonly [number, number] {
  return [seeds[0]!, seeds[1]!];
}

/** Hash passage keys from these seeds (the reader's, on a loader thread). */
export function useHashSeeds([a, b]: readonly [number, number]): void {
  seeds[0] = a;
  seeds[1] = b;
}

/** Put a hash in `out` at `at`; never the one that says there is no passage (0, 0). */
function putHash(a: number, b: number, out: Uint32Array, at: number): void {
  out[HASH_WORDS * at] = a;
  out[HASH_WORDS * at + 1] = a === 0 && b === 0 ? 1 : b;
}

/**
 * The hash of a passage key, as walk reads it, into `out` at `at`.
 * @internal Exported for tests: passageHashes must give what this gives of passageKey.
 */
export function keyHashInto(key: string, out: Uint32Array, at: number): void {
  if (key === '') {
    out[HASH_WORDS * at] = 0;
    out[HASH_WORDS * at + 1] = 0;
    return;
  }
  let a = A_START ^ seeds[0]!;
  let b = B_START ^ seeds[1]!;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193) ^ (b >>> 15);
  }
  putHash(a >>> 0, b >>> 0, out, at);
}

// What walk makes of each UTF-16 unit: the unit its key holds there (0 and up), or one of
// these. Filled in as units are met.
const UNKNOWN = -1;
const WHITESPACE = -2;
const HYPHEN = -3;
const ELLIPSIS = -4;
/**
 * A unit whose lower case is not one unit of its own, whatever stands around it: İ (two units),
 * Σ (ς at the end of a word) and surrogates (astral letters lower as pairs). passageKey decides.
 */
const SLOW = -5;
const keyUnits = new Int32Array(65536).fill(UNKNOWN);

function keyUnitOf(code: number): number {
  const unit = String.fromCharCode(code);
  let key: number;
  if (/\s/.test(unit)) key = WHITESPACE;
  else if (code === 0x2d) key = HYPHEN;
  else if (code === 0x2026) key = ELLIPSIS;
  else if (SINGLE_QUOTES.includes(unit)) key = 0x27;
  else if (DOUBLE_QUOTES.includes(unit)) key = 0x22;
  else if (DASHES.includes(unit)) key = 0x2d;
  else if (code === 0x3a3 || (code >= 0xd800 && code <= 0xdfff)) key = SLOW;
  else {
    const lower = unit.toLowerCase();
    key = lower.length === 1 ? lower.charCodeAt(0) : SLOW;
  }
  keyUnits[code] = key;
  return key;
}

// ---------------------------------------------------------------------------------------------
// Words and shingles

/** Words per shingle. */
const SHINGLE = 3;
/** A shingle is sampled when its hash & SAMPLE_MASK is 0: one in four. */
const SAMPLE_MASK = 3;
/** Where a word's hash starts: FNV-1a over its folded units. */
const WORD_START = 0x811c9dc5;

/** For ASCII: the lower-case code of a letter or digit, 0 for anything else. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, code) => {
  if (code >= 65 && code <= 90) return code + 32;
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) ? code : 0;
});
/** Beyond ASCII: the folded code of a letter, digit or mark, 0 for anything else; lazily. */
const wordCodes = new Uint16Array(65536);
const wordCodeKnown = new Uint8Array(65536);

function wordCodeBeyondAscii(code: number): number {
  if (wordCodeKnown[code] === 0) {
    const surrogate = code >= 0xd800 && code <= 0xdfff;
    const folded = foldCode(code);
    const isWord = surrogate || isWordUnit(folded);
    wordCodes[code] = isWord ? folded : 0;
    wordCodeKnown[code] = 1;
  }
  return wordCodes[code]!;
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

/** MurmurHash3's finalizer: every input bit reaches every output bit. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function shingleHash(a: number, b: number, c: number): number {
  return fmix(
    Math.imul(a, 0x9e3779b1) ^
      Math.imul(rotl(b, 11), 0x85ebca77) ^
      Math.imul(rotl(c, 22), 0xc2b2ae3d),
  );
}

/** Where a version's samples gather before they are sorted; it grows as needed. */
let scratch = new Uint32Array(4096);
/** Samples kept in `scratch` between versions, at most: one huge version's are let go. */
const SCRATCH_KEPT = 1 << 16;

/** The first `count` samples in `scratch`, ascending and distinct. */
function takeSample(count: number): Uint32Array {
  const sorted = scratch.subarray(0, count).sort();
  let distinct = 0;
  for (let i = 0; i < count; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[distinct++] = sorted[i]!;
  }
  const sample = sorted.slice(0, distinct);
  if (scratch.length > SCRATCH_KEPT) scratch = new Uint32Array(4096);
  return sample;
}

// ---------------------------------------------------------------------------------------------
// The walk

/** Samples walk gathered in `scratch` in its last walk that read words. */
let sampled = 0;

/**
 * Read texts one after another, unit by unit, for their passage keys' hashes or their words or
 * both.
 *
 * The passage key of each text, passageKey(text), is hashed without being made: its UTF-16
 * units are hashed as keyHashInto hashes them, quotes, dashes, hyphen runs and ellipses folded,
 * whitespace runs one space and none at either end, lower case by table. Each text's hash goes
 * to `hashes` (HASH_WORDS words a text) where given. Where a unit's lower case takes more (İ, Σ,
 * astral letters), which only passageKey can tell, the key is made. (Every paragraph of a large
 * corpus is hashed so as it loads: the key's regular expression, trim and lower case were a
 * tenth of a loader's time.)
 *
 * The words, with `words`: each word hashed as its folded units are read, each run of three
 * words hashed, and a quarter of those hashes, chosen by their bits, kept in `scratch`
 * (`sampled` of them). The texts are read as if joined by blank lines: a word ends with its text.
 */
function walk(texts: readonly string[], words: boolean, hashes: Uint32Array | null): void {
  const keys = hashes !== null;
  // Words: the last two, how many so far, the one being read and whether one is; samples kept.
  let w1 = 0;
  let w2 = 0;
  let wordCount = 0;
  let word = WORD_START;
  let inWord = false;
  let samples = 0;
  const aStart = A_START ^ seeds[0]!;
  const bStart = B_START ^ seeds[1]!;
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t]!;
    let a = aStart;
    let b = bStart;
    let space = false;
    // Units of the key so far.
    let count = 0;
    // Whether this text's key is read, and can still be (no unit for passageKey alone so far).
    let keyed = keys;
    // Past the end of each text, a space: a word ends with its text.
    const end = words ? text.length + 1 : text.length;
    for (let i = 0; i < end; i++) {
      const code = i < text.length ? text.charCodeAt(i) : 0x20;
      if (words) {
        const folded = code < 128 ? ASCII_WORD[code]! : wordCodeBeyondAscii(code);
        if (folded !== 0) {
          word = Math.imul(word ^ folded, 0x01000193);
          inWord = true;
        } else if (inWord) {
          const hash = word >>> 0;
          if (++wordCount >= SHINGLE) {
            const shingle = shingleHash(w1, w2, hash);
            if ((shingle & SAMPLE_MASK) === 0) {
              if (samples === scratch.length) {
                const grown = new Uint32Array(scratch.length * 2);
                grown.set(scratch);
                scratch = grown;
              }
              scratch[samples++] = shingle;
            }
          }
          w1 = w2;
          w2 = hash;
          word = WORD_START;
          inWord = false;
        }
      }
      if (!keyed || i === text.length) continue;
      let key = keyUnits[code]!;
      if (key < 0) {
        if (key === UNKNOWN) key = keyUnitOf(code);
        if (key === WHITESPACE) {
          space = true;
          continue;
        }
        if (key === SLOW) {
          keyed = false;
          if (!words) break;
          continue;
        }
        if (key === HYPHEN) {
          // A run of hyphens is one: the last of it is read.
          if (text.charCodeAt(i + 1) === 0x2d) continue;
          key = 0x2d;
        }
      }
      // The space before this unit, then its one unit, or the three dots of an ellipsis.
      let times = 1;
      if (space && count > 0) {
        count++;
        a = Math.imul(a ^ 0x20, 0x01000193);
        b = Math.imul(b ^ 0x20, 0x01000193) ^ (b >>> 15);
      }
      space = false;
      if (key === ELLIPSIS) [key, times] = [0x2e, 3];
      for (; times > 0; times--) {
        count++;
        a = Math.imul(a ^ key, 0x01000193);
        b = Math.imul(b ^ key, 0x01000193) ^ (b >>> 15);
      }
    }
    if (!hashes) continue;
    if (!keyed) keyHashInto(passageKey(text), hashes, t);
    else if (count === 0) keyHashInto('', hashes, t);
    else putHash(a >>> 0, b >>> 0, hashes, t);
  }
  sampled = samples;
}

/**
 * Each paragraph's passage key hash (keyHashInto of passageKey), HASH_WORDS words a paragraph,
 * without making the keys: 0 and 0 where the key is empty (the paragraph is no passage).
 */
export function passageHashes(paragraphs: readonly string[]): Uint32Array {
  const hashes = new Uint32Array(HASH_WORDS * paragraphs.length);
  walk(paragraphs, false, hashes);
  return hashes;
}

/** Whether the hash at `at` in `hashes` says there is no passage (a blank paragraph). */
export function isNoPassage(hashes: Uint32Array, at: number): boolean {
  return hashes[HASH_WORDS * at] === 0 && hashes[HASH_WORDS * at + 1] === 0;
}

/**
 * The sampled shingle hashes of a version's paragraphs, ascending and distinct: the same as of
 * its body (the paragraphs joined by blank lines), without joining them.
 */
export function shingleSampleOf(paragraphs: readonly string[]): Uint32Array {
  walk(paragraphs, true, null);
  return takeSample(sampled);
}

/** What a version's text gives search and story grouping, read in one walk. */
export interface Digest {
  /** Its shingle sample (see shingleSampleOf). */
  readonly sample: Uint32Array;
  /** Its paragraphs' passageHashes. */
  readonly hashes: Uint32Array;
}

/** A version's shingle sample and its paragraphs' passage hashes, in one walk of its text. */
export function digestOf(paragraphs: readonly string[]): Digest {
  const hashes = new Uint32Array(HASH_WORDS * paragraphs.length);
  walk(paragraphs, true, hashes);
  return { sample: takeSample(sampled), hashes };
}
