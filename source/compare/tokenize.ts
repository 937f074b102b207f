/** Cutting a version into words, the unit every comparison counts and never splits. */

import { foldTypography, stripPunctuation, unusualSpaces } from '../text/fold.js';

/** One word of a passage, with the whitespace that follows it. */
export interface Word {
  /** The word and the whitespace after it (and, for a passage's first word, any before it). */
  readonly text: string;
  /** What the word diff compares: the folded word, or with `exact` the word as written. */
  readonly key: string;
  /**
   * What pairing passages compares: folded, lower case, without surrounding punctuation, so that
   * `"Hamas,"` and `Hamas` count as the same word. Empty for a word of punctuation alone (`--`).
   */
  readonly sig: string;
  /** Whether a sentence ends with this word. */
  readonly endsSentence: boolean;
}

export interface TokenizeOptions {
  readonly exact?: boolean;
}

const WORD = /\S+\s*/g;
const SENTENCE_END = /[.!?…]['"’”»)\]]*$/u;
const SENTENCE_START = /^['"‘“«([]*[\p{Lu}\p{N}]/u;

/** The words of one paragraph. A paragraph without a word has none. */
export function tokenize(paragraph: string, options: TokenizeOptions = {}): Word[] {
  const pieces = paragraph.match(WORD);
  if (!pieces) return [];
  const lead = /^\s*/.exec(paragraph)![0];
  if (lead) pieces[0] = lead + pieces[0];
  const words: Word[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const text = pieces[i]!;
    const word = text.trim();
    const folded = foldTypography(word);
    const next = pieces[i + 1];
    words.push({
      text,
      key: options.exact
        ? word + unusualSpaces(text.slice(text.indexOf(word) + word.length))
        : folded,
      sig: stripPunctuation(folded).toLowerCase(),
      endsSentence: next === undefined || (SENTENCE_END.test(word) && SENTENCE_START.test(next)),
    });
  }
  return words;
}

/** The whitespace-separated words of a text, as `Version.words` counts them. */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
