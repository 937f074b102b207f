import { withFields } from '../corpus/build.js';
import { cutAtWord, firstSentence } from '../corpus/metadata.js';
import type { Version } from '../corpus/types.js';

/** As corpus/metadata.ts cuts a headline for the screen. */
const HEADLINE_MAX_CHARS = 100;

/**
 * A version's whole title: the headline or first sentence its title was cut from (the corpus cuts
 * titles with "…" to fit a screen row), or its title when that was not cut. JSON and pipes get
 * this one; a terminal cuts it to fit.
 */
export function wholeTitle(version: Version): string {
  const { title, headline, paragraphs } = version;
  if (!title.endsWith('…')) return title;
  if (headline !== null) {
    if (cutAtWord(headline, HEADLINE_MAX_CHARS) === title) return headline;
  }
  const first = paragraphs[0];
  if (first !== undefined) {
    const sentence = firstSentence(first.replace(/^#{1,6}\s+/, ''));
    if (cutAtWord(sentence) === title) return sentence;
  }
  return title;
}

/** The version with its whole title, for output that is not cut to a screen. */
export function withWholeTitle(version: Version): Version {
  const title = wholeTitle(version);
  return title === version.title ? version : withFields(version, { title });
}
