import { describe, expect, it } from 'vitest';
import { summarize, substitutions } from '../../source/compare/summary.js';
import type { Row, Span } from '../../source/compare/types.js';

const row = (kind: Row['kind'], spans: Span[]): Row => ({ kind, a: 0, b: 0, spans });
const eq = (text: string): Span => ({ op: 'equal', text });
const del = (text: string): Span => ({ op: 'delete', text });
const ins = (text: string): Span => ({ op: 'insert', text });

describe('substitutions', () => {
  it('counts short swaps, most frequent first, then alphabetically', () => {
    const rows = [
      row('changed', [
        eq('and '),
        del('Turkey '),
        ins('Türkiye '),
        eq('in '),
        del('militants, '),
        ins('resistance movement, '),
      ]),
      row('moved', [del('militant '), ins('resistance '), eq('group')]),
      row('changed', [del('"militants" '), ins('resistance movement '), eq('said')]),
      row('changed', [del('Turkey. '), ins('Türkiye.')]),
    ];
    expect(substitutions(rows)).toEqual([
      { from: 'militants', to: 'resistance movement', count: 2 },
      { from: 'Turkey', to: 'Türkiye', count: 2 },
      { from: 'militant', to: 'resistance', count: 1 },
    ]);
  });

  it('leaves out long rewrites, punctuation-only changes, lone insertions and unpaired passages', () => {
    const rows = [
      row('changed', [del('one two three four five '), ins('six ')]),
      row('changed', [del('member, '), ins('member ')]),
      row('changed', [eq('a '), ins('genocidal '), eq('war')]),
      row('changed', [ins('first '), del('second ')]),
      row('added', [ins('Turkey')]),
      row('removed', [del('Turkey')]),
    ];
    expect(substitutions(rows)).toEqual([]);
  });

  it('leaves out words only added or cut, even with a change of case', () => {
    const rows = [
      row('changed', [del('But the '), ins('The '), eq('Trump administration')]),
      row('changed', [
        del('Israel '),
        ins('the Israeli military reported that Israel '),
        eq('said'),
      ]),
      row('changed', [del('Monday. '), ins('Monday, three days later. '), eq('The')]),
      row('changed', [del('militants '), ins('resistance movement '), eq('committed')]),
    ];
    expect(substitutions(rows)).toEqual([
      { from: 'militants', to: 'resistance movement', count: 1 },
    ]);
  });

  it('takes up to four words on each side', () => {
    const rows = [row('changed', [del('the Palestinian militant group '), ins('Hamas ')])];
    expect(substitutions(rows)).toEqual([
      { from: 'the Palestinian militant group', to: 'Hamas', count: 1 },
    ]);
  });
});

describe('substitutions, scraping repairs', () => {
  it('marks words run together as repairs, and lists them after the editorial ones', () => {
    const rows = [
      row('changed', [del('themust '), ins('the Gaza ceasefire must '), eq('aim')]),
      row('changed', [eq('A '), del('topofficial '), ins('top Hamas official '), eq('said')]),
      row('changed', [del('militants '), ins('resistance movement '), eq('committed')]),
      row('changed', [eq('and '), del('the Gaza ceasefire must '), ins('themust '), eq('aim')]),
    ];
    expect(substitutions(rows)).toEqual([
      { from: 'militants', to: 'resistance movement', count: 1 },
      { from: 'the Gaza ceasefire must', to: 'themust', count: 1, repair: true },
      { from: 'themust', to: 'the Gaza ceasefire must', count: 1, repair: true },
      { from: 'topofficial', to: 'top Hamas official', count: 1, repair: true },
    ]);
  });

  it('is no repair when the joined word is not the first and last words', () => {
    const rows = [row('changed', [del('mustthe '), ins('the Gaza ceasefire must '), eq('aim')])];
    expect(substitutions(rows)).toEqual([
      { from: 'mustthe', to: 'the Gaza ceasefire must', count: 1 },
    ]);
  });
});

describe('summarize', () => {
  it('counts words inserted, deleted and kept, and moved passages', () => {
    const rows = [
      row('moved', [eq('two words '), del('three more words '), ins('one ')]),
      { kind: 'added', a: null, b: 1, spans: [ins('four new words here')] } as Row,
    ];
    expect(summarize(rows, 5, 7)).toEqual({
      inserted: 5,
      deleted: 3,
      moved: 1,
      similarity: (2 * 2) / 12,
    });
  });

  it('calls two empty versions the same', () => {
    expect(summarize([], 0, 0).similarity).toBe(1);
  });
});
