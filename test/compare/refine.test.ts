/** Changes inside words: the characters a renderer marks, while the rows keep whole words. */
import { describe, expect, it } from 'vitest';
import { compare, isWordEdit, refineSpans, wordEdits } from '../../source/compare/index.js';
import type { Span } from '../../source/compare/types.js';
import { loadCorpus } from '../../source/corpus/load.js';
import { findVersion } from '../../source/corpus/resolve.js';

/** Spans as `diff --no-color` marks them: `[-deleted-]`, `{+inserted+}`. */
const markup = (spans: readonly Span[]): string =>
  spans
    .map((s) => (s.op === 'equal' ? s.text : s.op === 'delete' ? `[-${s.text}-]` : `{+${s.text}+}`))
    .join('');
const del = (text: string): Span => ({ op: 'delete', text });
const ins = (text: string): Span => ({ op: 'insert', text });
const eq = (text: string): Span => ({ op: 'equal', text });

describe('isWordEdit', () => {
  it.each([
    ['member,', 'member', 'punctuation only'],
    ['"violations"', 'violations', 'quotes only'],
    ['the', 'The', 'case only'],
    ['Turkiye', 'Türkiye', 'one edit in seven letters'],
    ['Naim,', 'Naim', 'punctuation only, in a short word'],
    ['levelled', 'leveled', 'one edit in eight letters'],
    ['stabilisation', 'stabilization', 'one edit'],
  ])('%s → %s is one word edited (%s)', (from, to) => {
    expect(isWordEdit(from, to)).toBe(true);
  });

  it.each([
    ['militant', 'resistance', 'another word'],
    ['a', 'an', 'one edit, but half the word'],
    ['Turkey', 'Türkiye', 'three edits'],
    ['cat', 'cut', 'one edit in three letters is a third of the word'],
    ['member', 'member', 'no change'],
  ])('%s → %s is not (%s)', (from, to) => {
    expect(isWordEdit(from, to)).toBe(false);
  });
});

describe('wordEdits', () => {
  it('marks the characters that changed', () => {
    expect(wordEdits('member,', 'member')).toEqual([eq('member'), del(',')]);
    expect(markup(wordEdits('Turkiye', 'Türkiye')!)).toBe('T[-u-]{+ü+}rkiye');
    expect(wordEdits('Turkey', 'Türkiye')).toBeUndefined();
  });

  it('never splits a character made of several code points', () => {
    // "é" written as e + U+0301 against a plain "e": the whole cluster changes.
    expect(wordEdits('cafe\u0301s', 'cafes')).toEqual([
      eq('caf'),
      del('e\u0301'),
      ins('e'),
      eq('s'),
    ]);
  });
});

describe('refineSpans', () => {
  it('shows the comma change in 000/003 ¶3 as member[-,-]', () => {
    const corpus = loadCorpus();
    const a = findVersion(corpus, '000');
    const b = findVersion(corpus, '003');
    const row = compare(a, b).rows.find((r) => r.a === 2 && r.b === 2)!;
    // The row itself keeps whole words, so JSON counts do not change...
    expect(row.spans).toContainEqual(del('member, '));
    expect(row.spans).toContainEqual(ins('member '));
    // ...and the refinement marks the comma alone.
    const refined = refineSpans(row.spans);
    expect(markup(refined)).toContain(
      'Hamas political bureau member[-,-] Bassem Naim[-,-] told AFP.',
    );
    // Still A's text on one side and B's on the other.
    const side = (hidden: Span['op']) =>
      refined
        .filter((s) => s.op !== hidden)
        .map((s) => (hidden === 'insert' && s.op === 'equal' ? (s.aText ?? s.text) : s.text))
        .join('');
    expect(side('insert')).toBe(a.paragraphs[2]);
    expect(side('delete')).toBe(b.paragraphs[2]);
  });

  it('keeps whole words where they are not one word edited, or the counts differ', () => {
    const spans = [eq('the '), del('militant '), ins('resistance '), eq('group')];
    expect(refineSpans(spans)).toEqual(spans);
    const run = [del('themust '), ins('the Gaza ceasefire must '), eq('aim')];
    expect(refineSpans(run)).toEqual(run);
  });

  it('refines the pairs of a run that are edits and keeps the others whole', () => {
    const spans = [eq('in '), del('Turkiye, militants '), ins('Türkiye resistance '), eq('said')];
    expect(markup(refineSpans(spans))).toBe(
      'in T[-u-]{+ü+}rkiye[-,-] [-militants -]{+resistance +}said',
    );
  });
});
