/**
 * Synthetic corpora for benchmarks and tests: many wire stories, each republished as 3 to 6
 * edited versions, the way outlets republish a wire story. Everything comes from a seeded PRNG, so
 * the same options always give the same corpus, byte for byte.
 *
 * Each version has a headline, sometimes a `date` marker, and about ten paragraphs (~500 words).
 * The versions of one story differ the way republished copies do: some paragraphs are left alone,
 * others get a word swapped, a sentence cut or added; a paragraph moves; quotes and dashes are
 * restyled; now and then a version is heavily rewritten and keeps only part of the wire copy.
 *
 * Words come from a Zipf-like vocabulary of a few thousand words: common English and news words
 * first, then pronounceable made-up words, so trigram and shingle indexes meet realistic
 * collisions.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { versionFromText } from '../source/corpus/load.js';
import { normalizeText } from '../source/corpus/normalize.js';
import type { Version } from '../source/corpus/types.js';

export interface GenerateOptions {
  /** How many versions in all (the last story may have fewer than 3). */
  readonly versions: number;
  /** PRNG seed; the same seed gives the same corpus. Default 1. */
  readonly seed?: number;
  /** Words per version, roughly. Default 500. */
  readonly words?: number;
}

/** One generated file. */
export interface GeneratedDocument {
  readonly file: string;
  readonly text: string;
  /** Which story the version belongs to: the ground truth for story grouping. */
  readonly story: number;
}

export interface GeneratedCorpus {
  /** In file-name order, the order loadCorpus gives; the stories' versions are interleaved. */
  readonly documents: readonly GeneratedDocument[];
  /** How many stories. */
  readonly stories: number;
}

// ---------------------------------------------------------------------------------------------
// Randomness

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: small, fast, and good enough for test data. */
export function makeRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** Common English and news words, most frequent first. */
const COMMON = `the of to and a in that said is for on was with he it as by at from his be have
has an are but not this they had were which their after who would been its will or more one
than also about there two people all we into over new up other when out last so first some time
government could if year officials can only years against no just her what week state police
minister told before between them most such since three while where during president military
country many security because talks then any those under forces official war group agreement
ceasefire deal phase second plan political international foreign national public news report
reported city area killed attack aid humanitarian support members leaders leader meeting
border region talks peace local rights health ministry statement press conference secretary
envoy administration representatives authority process progress fragile violations truce
mediators pressure implementation elements community stability reconstruction track state
sovereign militants captives hostages weapons provision sticking point chief movement
resistance troops stabilisation force nations willing efforts salvage stage withdraw positions
interim govern deployed backed brokered allies slow alleging fearing stalling palestinians fire
territory effect accused violating soldiers entered key mediator pushing swift essential
realising steps taken halt exert effective daily basis boost entry address implement ensure
sustainable launches comprehensive paves enabling themselves culminating fully independent
committed releasing remaining living dead held date released except body administration keen
proceed difficult particular legitimate right hold insisted disarmed includes plans vast areas
levelled retaliatory campaign briefing journalists possible unless threaten confident send
planned acceptable sides negotiations negotiators crossing directions delivery necessary
repairs infrastructure opening focus future discuss aimed halting separately scheduled later
include prime same time broadcaster quoting restricted consultation examine warned could
launch new disarm invited course banned agency discussions expect result end ongoing
lawlessness compel occupation abide bureau member told friday thursday sunday monday tuesday
wednesday saturday morning evening night month months weeks days hours residents families
children women hospital hospitals doctors workers camp camps displaced shelter shelters food
water fuel electricity convoy convoys trucks supplies rubble buildings homes streets north
south east west central coastal enclave strip`;

/** Names that the benchmark queries look for, and a few more. */
const NAMES = `Gaza Hamas Israel Israeli Washington Miami Florida Qatar Egypt Turkey Türkiye Witkoff Rubio
Trump Netanyahu Rafah Cairo Doha Naim Abdelatty Hayya Khan Younis Jabalia Deir Balah Ankara
Jerusalem Beirut Lebanon Jordan Amman Axios Reuters`;

const CONSONANTS = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z'];
const ONSETS = [...CONSONANTS, 'br', 'ch', 'cl', 'dr', 'gr', 'pl', 'pr', 'sh', 'st', 'th', 'tr'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
const CODAS = ['', '', '', 'n', 'r', 's', 't', 'l', 'nd', 'st', 'rt', 'ng'];

function madeUpWord(random: Random): string {
  let word = '';
  const syllables = random.int(1, 3);
  for (let i = 0; i < syllables; i++) word += random.pick(ONSETS) + random.pick(VOWELS);
  return word + random.pick(CODAS);
}

interface Vocabulary {
  readonly words: readonly string[];
  /** Cumulative Zipf weights, for sampling by binary search. */
  readonly cumulative: Float64Array;
  readonly names: readonly string[];
}

function makeVocabulary(random: Random, size = 3000): Vocabulary {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const word of COMMON.split(/\s+/)) {
    if (word && !seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  while (words.length < size) {
    const word = madeUpWord(random);
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  // Zipf–Mandelbrot: the r-th word is drawn with weight 1 / (r + 2.7).
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let r = 0; r < words.length; r++) {
    total += 1 / (r + 2.7);
    cumulative[r] = total;
  }
  for (let r = 0; r < words.length; r++) cumulative[r] = cumulative[r]! / total;
  return { words, cumulative, names: NAMES.split(/\s+/).filter(Boolean) };
}

function drawWord(vocabulary: Vocabulary, random: Random): string {
  const x = random.next();
  let lo = 0;
  let hi = vocabulary.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (vocabulary.cumulative[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return vocabulary.words[lo]!;
}

// ---------------------------------------------------------------------------------------------
// Stories and their versions

/** A sentence as words; the first word is capitalized when the sentence is written out. */
type Sentence = readonly string[];
type Paragraph = readonly Sentence[];

interface StoryDraft {
  readonly headline: readonly string[];
  readonly paragraphs: readonly Paragraph[];
  readonly day: number;
}

function makeSentence(vocabulary: Vocabulary, random: Random): Sentence {
  const length = random.int(8, 26);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    words.push(random.chance(0.07) ? random.pick(vocabulary.names) : drawWord(vocabulary, random));
  }
  return words;
}

function makeParagraph(vocabulary: Vocabulary, random: Random, words: number): Paragraph {
  const sentences: Sentence[] = [];
  let count = 0;
  while (count < words) {
    const sentence = makeSentence(vocabulary, random);
    sentences.push(sentence);
    count += sentence.length;
  }
  return sentences;
}

function makeStory(vocabulary: Vocabulary, random: Random, words: number): StoryDraft {
  const paragraphs: Paragraph[] = [];
  const perParagraph = 50;
  const count = Math.max(1, Math.round(words / perParagraph) + random.int(-2, 2));
  for (let i = 0; i < count; i++) {
    paragraphs.push(makeParagraph(vocabulary, random, random.int(20, 2 * perParagraph - 35)));
  }
  const headline = makeSentence(vocabulary, random).slice(0, random.int(5, 9));
  return { headline, paragraphs, day: random.int(1, 28) };
}

/** How one outlet styles its copy. */
interface HouseStyle {
  readonly curly: boolean;
  readonly dash: string;
}

function swapWords(sentence: Sentence, vocabulary: Vocabulary, random: Random): Sentence {
  return sentence.map((word) => (random.chance(0.04) ? drawWord(vocabulary, random) : word));
}

function editParagraph(paragraph: Paragraph, vocabulary: Vocabulary, random: Random): Paragraph {
  const edited: Sentence[] = [];
  for (const sentence of paragraph) {
    if (paragraph.length > 1 && random.chance(0.15)) continue; // a sentence cut
    edited.push(swapWords(sentence, vocabulary, random));
    if (random.chance(0.12)) edited.push(makeSentence(vocabulary, random)); // a sentence added
  }
  return edited.length > 0 ? edited : [paragraph[0]!];
}

/** One outlet's copy of a story. */
function makeVersion(story: StoryDraft, vocabulary: Vocabulary, random: Random): StoryDraft {
  // Now and then an outlet rewrites a third of the copy and keeps the rest, like seed 004.
  const rewritten = new Set<number>();
  if (random.chance(0.12)) {
    const count = story.paragraphs.length;
    while (rewritten.size < Math.floor(count / 3)) rewritten.add(random.int(0, count - 1));
  }
  let paragraphs: Paragraph[] = story.paragraphs.map((paragraph, i) => {
    if (rewritten.has(i)) return makeParagraph(vocabulary, random, random.int(25, 75));
    return random.chance(0.35) ? editParagraph(paragraph, vocabulary, random) : paragraph;
  });
  if (random.chance(0.15) && paragraphs.length > 3) {
    paragraphs = paragraphs.slice(0, paragraphs.length - random.int(1, 2)); // trimmed at the end
  }
  if (random.chance(0.3) && paragraphs.length > 2) {
    const from = random.int(1, paragraphs.length - 1);
    const [moved] = paragraphs.splice(from, 1);
    paragraphs.splice(random.int(1, paragraphs.length), 0, moved!);
  }
  if (random.chance(0.2)) {
    paragraphs.splice(
      random.int(1, paragraphs.length),
      0,
      makeParagraph(vocabulary, random, random.int(20, 60)),
    );
  }
  const headline = random.chance(0.5)
    ? swapWords(story.headline, vocabulary, random)
    : story.headline;
  return { headline, paragraphs, day: story.day };
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function writeSentence(sentence: Sentence, style: HouseStyle, quoteIt: boolean): string {
  const words = [...sentence];
  words[0] = capitalize(words[0]!);
  const text = words.join(' ');
  if (!quoteIt) return text + '.';
  const [open, close] = style.curly ? ['“', '”'] : ['"', '"'];
  return `${open}${text},${close} an official said.`;
}

function writeParagraph(paragraph: Paragraph, style: HouseStyle): string {
  return paragraph
    .map((sentence, i) => {
      // Quotes and asides are decided by the words themselves, so every copy agrees on them.
      const quoteIt = sentence.length % 7 === 0;
      const text = writeSentence(sentence, style, quoteIt);
      return i > 0 && sentence.length % 11 === 0 ? `${style.dash} ${text}` : text;
    })
    .join(' ');
}

function writeVersion(version: StoryDraft, style: HouseStyle, dated: boolean): string {
  const headline = capitalize(version.headline.join(' '));
  const date = dated ? `date 2025-12-${String(version.day).padStart(2, '0')} ` : '';
  const body = version.paragraphs.map((p) => writeParagraph(p, style)).join('\n\n');
  return `${date}${headline}\n\n${body}\n`;
}

function hex(random: Random, digits: number): string {
  let out = '';
  for (let i = 0; i < digits; i++) out += '0123456789abcdef'[random.int(0, 15)];
  return out;
}

/** A synthetic corpus, in memory. */
export function generateCorpus(options: GenerateOptions): GeneratedCorpus {
  const random = makeRandom(options.seed ?? 1);
  const words = options.words ?? 500;
  const vocabulary = makeVocabulary(random);
  const drafts: { text: string; story: number }[] = [];
  let story = 0;
  while (drafts.length < options.versions) {
    const draft = makeStory(vocabulary, random, words);
    const copies = Math.min(random.int(3, 6), options.versions - drafts.length);
    for (let i = 0; i < copies; i++) {
      const style: HouseStyle = { curly: random.chance(0.5), dash: random.pick(['–', '—', '-']) };
      const version = makeVersion(draft, vocabulary, random);
      drafts.push({ text: writeVersion(version, style, random.chance(0.6)), story });
    }
    story++;
  }
  // Outlets publish in no particular order: interleave the stories' versions.
  shuffle(drafts, random);
  const width = String(drafts.length).length;
  const documents = drafts.map(({ text, story }, i) => ({
    file: `${String(i).padStart(Math.max(3, width), '0')}_${hex(random, 16)}.txt`,
    text,
    story,
  }));
  return { documents, stories: story };
}

/** A generated corpus's documents as versions, parsed as loadCorpus parses files. */
export function toVersions(corpus: GeneratedCorpus, dir = '/generated'): Version[] {
  return corpus.documents.map((doc) =>
    versionFromText(doc.file, resolve(dir, doc.file), normalizeText(doc.text)),
  );
}

/** A synthetic corpus as versions (see toVersions). */
export function generateVersions(options: GenerateOptions, dir = '/generated'): Version[] {
  return toVersions(generateCorpus(options), dir);
}

/** Write a synthetic corpus to `dir` as .txt files; returns the documents written. */
export function writeCorpus(dir: string, options: GenerateOptions): GeneratedCorpus {
  const corpus = generateCorpus(options);
  mkdirSync(dir, { recursive: true });
  for (const doc of corpus.documents) writeFileSync(join(dir, doc.file), doc.text);
  return corpus;
}
