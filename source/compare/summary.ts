/** The editorial fingerprint of a pair: how much changed, what moved, which words were swapped. */

import { countWords } from './tokenize.js';
import type { CompareStats, Row, Substitution } from './types.js';

/** A substitution is a short swap: at most this many words on each side. */
export const SUBSTITUTION_MAX_WORDS = 4;

/**
 * The counts of a comparison. `aWords` and `bWords` are the story's words, site chrome left out:
 * chrome rows count in the words inserted and deleted, but not in the similarity.
 */
export function summarize(rows: readonly Row[], aWords: number, bWords: number): CompareStats {
  let inserted = 0;
  let deleted = 0;
  let kept = 0;
  let moved = 0;
  for (const row of rows) {
    if (row.kind === 'moved') moved++;
    for (const span of row.spans) {
      const words = countWords(span.text);
      if (span.op === 'insert') inserted += words;
      else if (span.op === 'delete') deleted += words;
      else if (!row.chrome) kept += words;
    }
  }
  const total = aWords + bWords;
  return { inserted, deleted, moved, similarity: total === 0 ? 1 : (2 * kept) / total };
}

/**
 * Word substitutions inside paired passages: a deletion followed at once by an insertion, both
 * short, told apart from punctuation-only changes. The editorial ones first, then the scraping
 * repairs; most frequent first, then alphabetically.
 */
export function substitutions(rows: readonly Row[]): Substitution[] {
  const counts = new Map<string, { from: string; to: string; count: number; repair?: true }>();
  for (const row of rows) {
    if ((row.kind !== 'changed' && row.kind !== 'moved') || row.chrome) continue;
    for (let k = 0; k + 1 < row.spans.length; k++) {
      const deleted = row.spans[k]!;
      const inserted = row.spans[k + 1]!;
      if (deleted.op !== 'delete' || inserted.op !== 'insert') continue;
      if (countWords(deleted.text) > SUBSTITUTION_MAX_WORDS) continue;
      if (countWords(inserted.text) > SUBSTITUTION_MAX_WORDS) continue;
      const from = normalize(deleted.text);
      const to = normalize(inserted.text);
      if (from === '' || to === '' || from === to || isInsertionOnly(from, to)) continue;
      const key = `${from}\u0000${to}`;
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { from, to, count: 1, ...(isRepair(from, to) ? { repair: true } : {}) });
    }
  }
  return [...counts.values()].sort(
    (x, y) =>
      Number(x.repair ?? false) - Number(y.repair ?? false) ||
      y.count - x.count ||
      compareText(x.from, y.from) ||
      compareText(x.to, y.to),
  );
}

/**
 * Whether a substitution repairs words that a scraper ran together: one side is a single word
 * that is the other side's first and last words joined ("themust" → "the Gaza ceasefire must",
 * or the other way round when B has the run-together words).
 */
export function isRepair(from: string, to: string): boolean {
  const [joined, apart] = /\s/.test(from) ? [to, from] : [from, to];
  const words = apart.split(' ');
  if (/\s/.test(joined) || words.length < 2) return false;
  const bare = (text: string): string => text.replace(AROUND, '').toLowerCase();
  return bare(joined) === bare(words[0]!) + bare(words[words.length - 1]!);
}

/**
 * Whether one side is the other with words only added or cut ("But the" → "The"): that is an
 * insertion or a deletion, perhaps with a change of case, not a word swapped for another.
 */
function isInsertionOnly(from: string, to: string): boolean {
  const words = (text: string): string[] =>
    text
      .toLowerCase()
      .split(' ')
      .map((word) => word.replace(AROUND, ''));
  const a = words(from);
  const b = words(to);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === long.length) return false;
  for (let start = 0; start + short.length <= long.length; start++) {
    if (short.every((word, i) => word === long[start + i])) return true;
  }
  return false;
}

const AROUND = /^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu;

/** A run of words as a substitution shows it: one space between words, no punctuation around. */
function normalize(text: string): string {
  return text.replace(AROUND, '').replace(/\s+/g, ' ');
}

/**
 * Made at the first comparison, not when the module loads: ICU's collation data costs a few ms
 * on the way to the reader's first frame, which compares nothing.
 */
let collator: Intl.Collator | undefined;

function compareText(x: string, y: string): number {
  collator ??= new Intl.Collator('en', { sensitivity: 'base' });
  return collator.compare(x, y) || (x < y ? -1 : x > y ? 1 : 0);
}
