/** Rewrites as an editor reads them: a write-through, trims, and passages rewritten beyond recognition. */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { compare } from '../../source/compare/index.js';
import type { Row } from '../../source/compare/types.js';
import { loadCorpus } from '../../source/corpus/load.js';
import { bestPairingChanges } from './best-pairing.js';
import { aSide, bSide, changedWords, changes, rebuild, spanWords, words } from './helpers.js';

const fixture = fileURLToPath(new URL('../fixtures/write-through', import.meta.url));

describe('a write-through: the agency rewrote its own story', () => {
  const [first, later] = loadCorpus({ dir: fixture }).versions;

  it('is a fixture of over 1,000 words on each side', () => {
    expect(first!.words).toBeGreaterThanOrEqual(1000);
    expect(later!.words).toBeGreaterThanOrEqual(1000);
  });

  it.each([
    ['first → later', first!, later!],
    ['later → first', later!, first!],
  ])('%s: at most 1.05 times the changed words of the best pairing', (_name, a, b) => {
    const result = compare(a, b);
    expect(changedWords(result)).toBeLessThanOrEqual(1.05 * bestPairingChanges(a, b));
    expect(rebuild(result, 'a', a.paragraphs.length)).toEqual(a.paragraphs);
    expect(rebuild(result, 'b', b.paragraphs.length)).toEqual(b.paragraphs);
    const count = spanWords(result);
    expect(count.equal + count.delete).toBe(a.words);
    expect(count.equal + count.insert).toBe(b.words);
  });

  const result = compare(first!, later!);
  const rowWith = (text: string): Row => {
    const rows = result.rows.filter((row) => bSide(row).includes(text));
    expect(rows, `one row holds "${text}"`).toHaveLength(1);
    return rows[0]!;
  };

  it('shows a sentence that moved to another paragraph as a moved row, with its edits', () => {
    // "SZR said it expected disruption ..." left the rail paragraph for one of its own, later.
    const row = rowWith('SZR said it expected disruption');
    expect(row.kind).toBe('moved');
    expect(aSide(row)).toBe('It said it expected disruption to last at least until the weekend.');
    expect(changes(row)).toEqual([
      { deleted: 'It', inserted: 'SZR' },
      { deleted: '', inserted: 'on the line' },
    ]);
    // The rail paragraph's first sentence stays with the volunteers' paragraph it joined.
    const rail = rowWith('Rail operator SZR suspended');
    expect(rail.kind).toBe('moved');
    expect(rail.spans).toEqual([
      {
        op: 'equal',
        text: 'Rail operator SZR suspended services on the line between Ostrin and the capital after water covered the tracks in several places. ',
      },
    ]);
  });

  it('pairs the sentences of a paragraph split in two with their new paragraphs', () => {
    const quote = rowWith('This is a disaster on a scale');
    expect(changes(quote)).toEqual([{ deleted: 'capital.', inserted: 'capital on Tuesday.' }]);
    const army = rowWith('He said army units had been deployed');
    expect(army.spans.every((span) => span.op === 'equal')).toBe(true);
  });

  it('shows the new lead as added, the inserted paragraph as added and the cut one as removed', () => {
    expect(rowWith('The death toll from flooding').kind).toBe('added');
    expect(rowWith("the town's mayor, Petra Solnik").kind).toBe('added');
    const removed = result.rows.filter((row) => row.kind === 'removed').map(aSide);
    expect(removed).toEqual([expect.stringMatching(/^Insurers said it was too early/)]);
  });

  it('shows the old lead, rewritten around the phrases it kept, as one changed passage', () => {
    const lead = rowWith('More than 15,000 people');
    expect(lead.kind).toBe('changed');
    expect(lead.spans.filter((s) => s.op === 'equal').map((s) => s.text.trim())).toContain(
      'from their homes',
    );
  });
});

/** A sentence long enough to be cut to a third, with no word twice. */
const SENTENCE =
  'The envoy will meet officials from Qatar, Egypt and Turkey in Miami on Friday to discuss a plan for the second phase, which includes reconstruction, a stabilisation force and new governance.';

describe('trims', () => {
  const words = SENTENCE.split(' ');
  const cut = (share: number): string => words.slice(0, Math.round(words.length * share)).join(' ');

  it.each([
    ['a third', 1 / 3],
    ['a quarter', 1 / 4],
  ])('pairs a sentence cut to its first %s with it, the rest deleted', (_name, share) => {
    const b = cut(share);
    const result = compare({ paragraphs: [SENTENCE] }, { paragraphs: [b] });
    expect(result.rows).toHaveLength(1);
    const row = result.rows[0]!;
    expect(row.kind).toBe('changed');
    expect(aSide(row)).toBe(SENTENCE);
    expect(bSide(row)).toBe(b);
    expect(changes(row)).toEqual([{ deleted: SENTENCE.slice(b.length + 1), inserted: '' }]);
  });

  it('pairs a paragraph trimmed to its first sentence, inside a story, and says nothing moved', () => {
    const rest = 'Rubio said disarmament must come first. Naim said the talks should boost aid.';
    const a = [
      'Hamas said it was ready.',
      `${SENTENCE} ${rest}`,
      'The health ministry reported deaths.',
    ];
    const b = ['Hamas said it was ready.', cut(0.5), 'The health ministry reported deaths.'];
    const result = compare({ paragraphs: a }, { paragraphs: b });
    expect(result.rows.map((row) => row.kind)).toEqual(['same', 'changed', 'same']);
    expect(changes(result.rows[1]!)).toEqual([
      { deleted: `${SENTENCE.slice(cut(0.5).length + 1)} ${rest}`, inserted: '' },
    ]);
  });

  it('does not pair sentences that share only scattered common words', () => {
    const result = compare(
      { paragraphs: ['The talks in the city of Miami are to be held on the weekend.'] },
      {
        paragraphs: ['In the south of Gaza the ministry is to be rebuilt by the end of the year.'],
      },
    );
    expect(result.rows.map((row) => row.kind)).toEqual(['removed', 'added']);
  });
});

describe('a passage rewritten beyond recognition', () => {
  const x =
    'Officials said the talks would resume next week without preconditions, and that both delegations had agreed to meet again in Cairo.';
  const y =
    'Negotiators warned the fragile truce could collapse within days unless the two sides found a compromise on the release of prisoners.';

  it('is a rewritten row: all of A deleted, then all of B inserted', () => {
    // The paragraphs pair by the sentence they share, but keep only its 4 words of 25.
    const a = `Rubio spoke on Friday. ${x}`;
    const b = `Rubio spoke on Friday. ${y}`;
    const result = compare({ paragraphs: [a] }, { paragraphs: [b] });
    expect(result.rows).toEqual([
      {
        kind: 'rewritten',
        a: 0,
        b: 0,
        aStart: 0,
        bStart: 0,
        spans: [
          { op: 'delete', text: a },
          { op: 'insert', text: b },
        ],
      },
    ]);
    expect(result.stats).toMatchObject({ inserted: words(b), deleted: words(a), similarity: 0 });
    expect(result.substitutions).toEqual([]);
  });

  it('is not a trim: a passage that keeps most of the shorter side shows its cut words deleted', () => {
    const a = `Rubio spoke on Friday in Miami with the envoy. ${x}`;
    const result = compare(
      { paragraphs: [a] },
      { paragraphs: ['Rubio spoke on Friday in Miami with the envoy.'] },
    );
    expect(result.rows.map((row) => row.kind)).toEqual(['changed']);
    expect(changes(result.rows[0]!)).toEqual([{ deleted: x, inserted: '' }]);
  });
});
