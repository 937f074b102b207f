/** Reading a comparison back the way a caller would: what each side says, and what changed. */
import type { Comparison, Row } from '../../source/compare/types.js';

export function words(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

/** A row's passage as A has it: equal text (A's own, when it differs) and deletions. */
export function aSide(row: Row): string {
  return row.spans
    .filter((s) => s.op !== 'insert')
    .map((s) => (s.op === 'equal' ? (s.aText ?? s.text) : s.text))
    .join('');
}

/** A row's passage as B has it: equal text and insertions. */
export function bSide(row: Row): string {
  return row.spans
    .filter((s) => s.op !== 'delete')
    .map((s) => s.text)
    .join('');
}

/**
 * Each version's paragraphs put back together from the rows: the rows holding a paragraph, in the
 * order of their first word, one after the other.
 */
export function rebuild(comparison: Comparison, side: 'a' | 'b', paragraphs: number): string[] {
  const out = Array.from({ length: paragraphs }, () => [] as Array<{ at: number; text: string }>);
  for (const row of comparison.rows) {
    const index = side === 'a' ? row.a : row.b;
    if (index === null) continue;
    const at = (side === 'a' ? row.aStart : row.bStart) ?? 0;
    out[index]!.push({ at, text: side === 'a' ? aSide(row) : bSide(row) });
  }
  return out.map((pieces) =>
    pieces
      .sort((x, y) => x.at - y.at)
      .map((p) => p.text)
      .join(''),
  );
}

/** The changes of a row, as runs: consecutive delete and insert spans between equal ones. */
export function changes(row: Row): Array<{ deleted: string; inserted: string }> {
  const runs: Array<{ deleted: string; inserted: string }> = [];
  let current: { deleted: string; inserted: string } | undefined;
  for (const span of row.spans) {
    if (span.op === 'equal') {
      current = undefined;
      continue;
    }
    if (!current) {
      current = { deleted: '', inserted: '' };
      runs.push(current);
    }
    if (span.op === 'delete') current.deleted += span.text;
    else current.inserted += span.text;
  }
  return runs.map((r) => ({ deleted: r.deleted.trim(), inserted: r.inserted.trim() }));
}

/** Words shown as changed: inserted plus deleted. */
export function changedWords(comparison: Comparison): number {
  return comparison.stats.inserted + comparison.stats.deleted;
}

/** Words each kind of span holds, over all rows. */
export function spanWords(comparison: Comparison): Record<'equal' | 'insert' | 'delete', number> {
  const count = { equal: 0, insert: 0, delete: 0 };
  for (const row of comparison.rows)
    for (const span of row.spans) count[span.op] += words(span.text);
  return count;
}
