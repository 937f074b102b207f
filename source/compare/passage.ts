/** Passages: runs of words inside one paragraph, the units that alignment pairs. */

import type { Word } from './tokenize.js';
import type { Signature, WordNumbers } from './similarity.js';

/** Words `start` (inclusive) to `end` (exclusive) of one paragraph. */
export interface Passage {
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
}

/** A version cut into words, paragraph by paragraph, with each word's number for pairing. */
export interface Text {
  readonly paragraphs: readonly (readonly Word[])[];
  readonly numbers: readonly (readonly number[])[];
}

export function makeText(paragraphs: readonly (readonly Word[])[], numbers: WordNumbers): Text {
  return {
    paragraphs,
    numbers: paragraphs.map((words) => words.map((word) => numbers.numberOf(word.sig))),
  };
}

export function wholeParagraph(text: Text, paragraph: number): Passage {
  return { paragraph, start: 0, end: text.paragraphs[paragraph]!.length };
}

export function wordsOf(text: Text, passage: Passage): readonly Word[] {
  return text.paragraphs[passage.paragraph]!.slice(passage.start, passage.end);
}

export function passageLength(passage: Passage): number {
  return passage.end - passage.start;
}

/** The passage's pairing signature: its word numbers, punctuation left out. */
export function signatureOf(text: Text, passages: readonly Passage[]): Signature {
  const out: number[] = [];
  for (const passage of passages) {
    const numbers = text.numbers[passage.paragraph]!;
    for (let i = passage.start; i < passage.end; i++) {
      const n = numbers[i]!;
      if (n >= 0) out.push(n);
    }
  }
  return out;
}

/** The sentences of a passage, as passages. */
export function sentencesOf(text: Text, passage: Passage): Passage[] {
  const words = text.paragraphs[passage.paragraph]!;
  const sentences: Passage[] = [];
  let start = passage.start;
  for (let i = passage.start; i < passage.end; i++) {
    if (words[i]!.endsSentence || i === passage.end - 1) {
      sentences.push({ paragraph: passage.paragraph, start, end: i + 1 });
      start = i + 1;
    }
  }
  return sentences;
}

/** Reading order: by paragraph, then by word. */
export function comparePositions(x: Passage, y: Passage): number {
  return x.paragraph - y.paragraph || x.start - y.start;
}
