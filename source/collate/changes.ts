/**
 * "Who changed this?": the versions that inserted or removed a word or phrase against their
 * story's readings. A version inserted it when its passage has it more often than the reading,
 * and removed it when less often, or when it drops a passage whose reading has it and that most
 * versions carry. A passage only a minority carry has no reading in the story: its carriers
 * inserted whatever it holds.
 */

import { foldForSearch } from '../text/fold.js';
import type { Collation } from './types.js';

export interface PhraseChange {
  readonly version: string;
  readonly change: 'inserted' | 'removed';
  /** Index of the collation row. */
  readonly row: number;
  /** The version's paragraph, from 0; null when it dropped the passage. */
  readonly paragraph: number | null;
  /** The passage as the version has it; null when it dropped the passage. */
  readonly passage: string | null;
  /** The story's reading of the passage; null when only a minority carry it. */
  readonly reading: string | null;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A matcher for a phrase as a reader means it: whole words, any case, accents and typographic
 * variants aside, any whitespace between words. Null for a phrase with no word in it.
 */
export function phraseMatcher(phrase: string): ((text: string) => number) | null {
  const words = foldForSearch(phrase).trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}\\p{M}])${words.map(escape).join('\\s+')}(?![\\p{L}\\p{N}\\p{M}])`,
    'gu',
  );
  return (text) => foldForSearch(text).match(pattern)?.length ?? 0;
}

/** Every version of the collation that inserted or removed `phrase`, row by row. */
export function phraseChanges(collation: Collation, phrase: string): PhraseChange[] {
  const count = phraseMatcher(phrase);
  if (!count) return [];
  const out: PhraseChange[] = [];
  collation.rows.forEach((row, r) => {
    const inReading = row.minority ? 0 : count(row.reading);
    const majority = 2 * row.carriers > row.cells.length;
    for (const cell of row.cells) {
      if (cell.state === 'absent') {
        if (majority && inReading > 0) {
          out.push({
            version: cell.version,
            change: 'removed',
            row: r,
            paragraph: null,
            passage: null,
            reading: row.reading,
          });
        }
        continue;
      }
      const inCell = count(cell.text);
      if (inCell === inReading) continue;
      out.push({
        version: cell.version,
        change: inCell > inReading ? 'inserted' : 'removed',
        row: r,
        paragraph: cell.paragraph,
        passage: cell.text,
        reading: row.minority ? null : row.reading,
      });
    }
  });
  return out;
}
