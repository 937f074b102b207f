/**
 * The small labels every output shares, so the commands and the reader say the same thing the
 * same way: paragraph numbers, percentages, word counts, substitutions and hit places.
 */
import type { Substitution } from '../compare/types.js';
import type { SearchHit } from '../search/types.js';
import { seg, type Segment } from './line.js';

/** "¶4" for the paragraph at index 3; nothing for no paragraph. */
export function paragraphLabel(index: number | null): string {
  return index === null ? '' : `¶${index + 1}`;
}

/** A share from 0 to 1 as a whole percentage: "83%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "1 word", "2 words": a count and its noun. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "491 words". */
export function wordCount(words: number): string {
  return plural(words, 'word');
}

/** Words in a text: runs of non-space characters. */
export function wordsIn(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(text[i]!));
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}

/** "Turkey → Türkiye ×2": the old words, the new, and how often, in their tones. */
export function substitutionLabel(substitution: Substitution): Segment[] {
  const { from, to, count } = substitution;
  return [
    seg(from, 'delete'),
    seg(' → '),
    seg(to, 'insert'),
    ...(count > 1 ? [seg(` ×${count}`, 'dim')] : []),
  ];
}

/** A hit's places name at most this many versions before saying how many more there are. */
const MAX_PLACES = 12;

/**
 * "000, 003 ¶4 · 004 ¶10": where a search hit stands, versions grouped by paragraph in the order
 * the hit lists them, each by its short label.
 */
export function hitPlaces(hit: SearchHit, short: ReadonlyMap<string, string>): Segment[] {
  const byParagraph = new Map<number, string[]>();
  for (const { id, paragraph } of hit.versions.slice(0, MAX_PLACES)) {
    const ids = byParagraph.get(paragraph) ?? [];
    ids.push(short.get(id) ?? id);
    byParagraph.set(paragraph, ids);
  }
  const out: Segment[] = [];
  [...byParagraph].forEach(([paragraph, ids], k) => {
    if (k > 0) out.push(seg(' · ', 'dim'));
    ids.forEach((id, i) => out.push(...(i > 0 ? [seg(', ')] : []), seg(id, 'accent')));
    out.push(seg(` ${paragraphLabel(paragraph)}`));
  });
  const more = hit.versions.length - MAX_PLACES;
  if (more > 0) out.push(seg(` · ${more} more versions`, 'dim'));
  return out;
}
