/**
 * The small labels every output shares, so the commands and the reader say the same thing the
 * same way: paragraph numbers, percentages, word counts, substitutions and hit places.
 */
import type { Row, Substitution } from '../compare/types.js';
import type { Version } from '../corpus/types.js';
import type { SearchHit } from '../search/types.js';
import { glyphs } from './glyphs.js';
import { seg, type Line, type Segment } from './line.js';
import { isEdited } from './paint.js';

/** "¶4" for the paragraph at index 3; nothing for no paragraph. */
export function paragraphLabel(index: number | null): string {
  return index === null ? '' : `${glyphs().paragraph}${index + 1}`;
}

/** A share from 0 to 1 as a whole percentage: "83%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** "1 word", "2 words": a count and its noun. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * "12,345": a count as people read it, with thousands marked. Not toLocaleString: its first call
 * loads ICU's number formats, tens of milliseconds on the way to the reader's first frame.
 */
export function thousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
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
    seg(` ${glyphs().arrow} `),
    seg(to, 'insert'),
    ...(count > 1 ? [seg(` ${glyphs().times}${count}`, 'dim')] : []),
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
    if (k > 0) out.push(seg(` ${glyphs().dot} `, 'dim'));
    ids.forEach((id, i) => out.push(...(i > 0 ? [seg(', ')] : []), seg(id, 'accent')));
    out.push(seg(` ${paragraphLabel(paragraph)}`));
  });
  const more = hit.versions.length - MAX_PLACES;
  if (more > 0) out.push(seg(` ${glyphs().dot} ${more} more versions`, 'dim'));
  return out;
}

/** Word counts of versions' paragraphs, each counted once however many rows ask. */
export class ParagraphWords {
  private readonly counts = new Map<Version, Map<number, number>>();

  of(version: Version, index: number): number {
    let counts = this.counts.get(version);
    if (!counts) this.counts.set(version, (counts = new Map()));
    let words = counts.get(index);
    if (words === undefined) counts.set(index, (words = wordsIn(version.paragraphs[index] ?? '')));
    return words;
  }
}

/** The two versions a row compares, to tell a part of a paragraph from a whole one. */
export interface RowVersions {
  readonly a: Version;
  readonly b: Version;
  readonly words: ParagraphWords;
}

/** Whether the row holds only part of its paragraph on one side (a split, merge or rewrite). */
function partial(row: Row, side: 'a' | 'b', versions: RowVersions | undefined): boolean {
  const index = side === 'a' ? row.a : row.b;
  if (index === null || versions === undefined) return false;
  const hidden = side === 'a' ? 'insert' : 'delete';
  let shown = 0;
  for (const span of row.spans) if (span.op !== hidden) shown += wordsIn(span.text);
  return shown < versions.words.of(versions[side], index);
}

/**
 * The line above a passage: where it stands in B, and what happened to it ("¶9 · ↕ moved from
 * ¶17 · changed", "¶7 · + added", "− removed ¶6"). Where A has it in another paragraph, or in part
 * of one, it names both ("¶18 → ¶22 · changed"). With the versions, it also says when a row holds
 * only part of a paragraph.
 */
export function rowLabel(row: Row, versions?: RowVersions): Line {
  const here = paragraphLabel(row.b) + (partial(row, 'b', versions) ? ' (part)' : '');
  const aPart = partial(row, 'a', versions);
  const { dot, moved, minus, arrow } = glyphs();
  const there = (aPart ? 'part of ' : '') + paragraphLabel(row.a);
  const both = row.a !== null && row.b !== null && (row.a !== row.b || aPart);
  const place = both ? `${there} ${arrow} ${here}` : here;
  const joined = (parts: Segment[]): Line =>
    parts
      .filter((part) => part.text !== '')
      .flatMap((part, k) => (k > 0 ? [seg(` ${dot} `), part] : [part]));
  switch (row.kind) {
    case 'same':
      return [seg(place, 'dim')];
    case 'changed':
    case 'rewritten':
      return joined([seg(place, 'heading'), seg(row.kind, 'warning')]);
    case 'moved':
      return joined([
        seg(here, 'heading'),
        seg(`${moved} moved from ${there}`, 'moved'),
        seg(isEdited(row) ? 'changed' : '', 'warning'),
      ]);
    case 'added':
      return joined([seg(here, 'heading'), seg('+ added', 'insert')]);
    case 'removed':
      return [seg(`${minus} removed ${there}`, 'delete')];
  }
}
