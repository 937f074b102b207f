/** A cell against its reading: words align before punctuation. */
import { describe, expect, it } from 'vitest';
import { cellSpans } from '../../source/collate/spans.js';
import { tokenize } from '../../source/compare/tokenize.js';

const spans = (reading: string, cell: string) => cellSpans(tokenize(reading), tokenize(cell));

describe('cell spans', () => {
  it('keeps the words, not the punctuation, when it cannot keep both', () => {
    // Three dashes outnumber two words: a plain diff would keep the dashes and lose the words.
    expect(spans('— — — Hamas said', 'Hamas said — — —')).toEqual([
      { op: 'delete', text: '— — — ' },
      { op: 'equal', text: 'Hamas said ' },
      { op: 'insert', text: '— — —' },
    ]);
  });

  it('still keeps punctuation between the words it kept', () => {
    expect(spans('Talks — in Miami', 'Talks — not in Miami')).toEqual([
      { op: 'equal', text: 'Talks — ' },
      { op: 'insert', text: 'not ' },
      { op: 'equal', text: 'in Miami' },
    ]);
  });

  it('shows a word whose case or punctuation changed as changed', () => {
    expect(spans('the militants, said', 'the Militants said')).toEqual([
      { op: 'equal', text: 'the ' },
      { op: 'delete', text: 'militants, ' },
      { op: 'insert', text: 'Militants ' },
      { op: 'equal', text: 'said' },
    ]);
  });

  it('treats typographic variants as the same text', () => {
    expect(spans('Hamas\'s "right"', 'Hamas’s “right”')).toEqual([
      { op: 'equal', text: 'Hamas’s “right”' },
    ]);
  });
});
