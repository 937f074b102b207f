/** The quality bar of issue 3, on the bundled seeds. */
import { describe, expect, it } from 'vitest';
import { compare } from '../../source/compare/index.js';
import type { Comparison, Row } from '../../source/compare/types.js';
import { loadCorpus } from '../../source/corpus/load.js';
import { findVersion } from '../../source/corpus/resolve.js';
import type { Version } from '../../source/corpus/types.js';
import { bestPairingChanges } from './best-pairing.js';
import { aSide, bSide, changedWords, changes, rebuild, spanWords } from './helpers.js';

const corpus = loadCorpus();
const seed = (name: string): Version => findVersion(corpus, name);

/** The index of the one paragraph of a version that contains `text`. */
function paragraphWith(version: Version, text: string): number {
  const found = version.paragraphs.flatMap((p, i) => (p.includes(text) ? [i] : []));
  expect(found, `one paragraph of ${version.id} contains "${text}"`).toHaveLength(1);
  return found[0]!;
}

/** The one row that holds paragraph `index` of A. */
function rowOfA(comparison: Comparison, index: number): Row {
  const rows = comparison.rows.filter((row) => row.a === index);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

describe('000 compared with 003', () => {
  const a = seed('000');
  const b = seed('003');
  const result = compare(a, b);

  it('shows the al-Hayya paragraph as one moved row with only its three edits', () => {
    const row = rowOfA(result, paragraphWith(a, 'Khalil al-Hayya'));
    expect(row.kind).toBe('moved');
    expect(row.b).toBe(paragraphWith(b, 'Khalil al-Hayya'));
    expect(changes(row)).toEqual([
      { deleted: 'that', inserted: '' },
      { deleted: 'militant', inserted: 'resistance' },
      { deleted: '', inserted: 'that' },
    ]);
    // Each edit stands where the issue says: "that" dropped before "the", added before "Hamas".
    const marked = row.spans
      .map((s) =>
        s.op === 'equal' ? s.text : s.op === 'delete' ? `[-${s.text}-]` : `{+${s.text}+}`,
      )
      .join('');
    expect(marked).toContain('said Sunday [-that -]the [-militant -]{+resistance +}group');
    expect(marked).toContain('insisted {+that +}Hamas will be disarmed.');
  });

  it('shows "Palestinian militants" becoming "the Palestinian resistance movement" in place', () => {
    const row = rowOfA(result, paragraphWith(a, 'Palestinian militants committed'));
    expect(row.kind).toBe('changed');
    expect(row.b).toBe(paragraphWith(b, 'the Palestinian resistance movement committed'));
    expect(aSide(row)).toContain('deal, Palestinian militants committed');
    expect(bSide(row)).toContain('deal, the Palestinian resistance movement committed');
    expect(changes(row)).toEqual([
      { deleted: '', inserted: 'the' },
      { deleted: 'militants', inserted: 'resistance movement' },
    ]);
  });

  it('shows "genocidal" as the one insertion in the third-phase paragraph', () => {
    const row = rowOfA(result, paragraphWith(a, 'third phase'));
    expect(row.kind).toBe('changed');
    expect(changes(row)).toEqual([{ deleted: '', inserted: 'genocidal' }]);
  });

  it('counts Turkey → Türkiye and militants → resistance movement as substitutions', () => {
    expect(result.substitutions).toContainEqual({ from: 'Turkey', to: 'Türkiye', count: 1 });
    expect(result.substitutions).toContainEqual({
      from: 'militants',
      to: 'resistance movement',
      count: 1,
    });
  });

  it('lists the editorial substitutions first and the scraping repairs last, marked', () => {
    const listed = result.substitutions.map((s) => [s.from, s.to, s.repair ?? false]);
    expect(listed).toEqual([
      ['militant', 'resistance', false],
      ['militants', 'resistance movement', false],
      ['Turkey', 'Türkiye', false],
      ['themust', 'the Gaza ceasefire must', true],
      ['topofficial', 'top Hamas official', true],
    ]);
  });

  it('adds the Rubio passages and moves no unchanged passage into the noise', () => {
    const added = result.rows.filter((row) => row.kind === 'added').map(bSide);
    expect(added.some((text) => text.startsWith('Briefing journalists in Washington, Rubio'))).toBe(
      true,
    );
    expect(result.rows.filter((row) => row.kind === 'removed')).toEqual([]);
    expect(result.stats.moved).toBe(result.rows.filter((row) => row.kind === 'moved').length);
  });
});

describe('000 compared with 001', () => {
  const a = seed('000');
  const b = seed('001');
  const pressure = 'exert real and effective pressure';

  it('leaves the quote-only paragraph unchanged: straight and curly quotes are the same text', () => {
    const row = rowOfA(compare(a, b), paragraphWith(a, pressure));
    expect(row.kind).toBe('same');
    expect(row.spans).toHaveLength(1);
    expect(row.spans[0]!.text).toBe(b.paragraphs[paragraphWith(b, pressure)]);
    expect(row.spans[0]!.aText).toBe(a.paragraphs[paragraphWith(a, pressure)]);
  });

  it('with exact, shows the changed quotes', () => {
    const row = rowOfA(compare(a, b, { exact: true }), paragraphWith(a, pressure));
    expect(row.kind).toBe('changed');
    expect(changes(row)).toEqual([
      { deleted: '"exert', inserted: '“exert' },
      { deleted: 'agreement,"', inserted: 'agreement,”' },
    ]);
  });
});

describe('001 compared with 002', () => {
  const a = seed('001');
  const b = seed('002');
  const result = compare(a, b);

  it('shows the added Rafah crossing quote', () => {
    const rafah = paragraphWith(b, 'Rafah crossing');
    const rows = result.rows.filter((row) => row.b === rafah);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.kind).toBe('added');
    expect(rows[0]!.spans).toEqual([{ op: 'insert', text: b.paragraphs[rafah] }]);
  });

  it('pairs the "first phase" paragraph with the two paragraphs 002 split it into', () => {
    const first = paragraphWith(a, 'In the first phase');
    const rows = result.rows.filter((row) => row.a === first);
    expect(rows.map((row) => row.b)).toEqual([
      paragraphWith(b, 'In the first phase'),
      paragraphWith(b, 'To date, they have released'),
    ]);
    expect(rows.map((row) => row.kind)).toEqual(['changed', 'same']);
    expect(changes(rows[0]!)).toEqual([
      { deleted: '', inserted: 'Gaza' },
      { deleted: 'Palestinian militants', inserted: 'Hamas' },
    ]);
  });
});

describe('all ten seed pairs', () => {
  const versions = corpus.versions;
  const pairs = versions.flatMap((a, i) => versions.slice(i + 1).map((b) => [a, b] as const));

  it('are ten', () => {
    expect(pairs).toHaveLength(10);
  });

  it.each(pairs.map(([a, b]) => [a.id.slice(0, 3), b.id.slice(0, 3), a, b] as const))(
    '%s vs %s: at most 1.05 times the changed words of a best pairing of passages, both ways',
    (_x, _y, a, b) => {
      // One-sided: showing fewer changed words than the reference is fine.
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        const reference = bestPairingChanges(x, y);
        expect(reference).toBeGreaterThan(0);
        expect(changedWords(compare(x, y))).toBeLessThanOrEqual(1.05 * reference);
      }
    },
  );

  it.each(pairs.map(([a, b]) => [a.id.slice(0, 3), b.id.slice(0, 3), a, b] as const))(
    '%s vs %s: the spans rebuild both versions and account for every word once',
    (_x, _y, a, b) => {
      for (const [x, y] of [
        [a, b],
        [b, a],
      ] as const) {
        const result = compare(x, y);
        expect(rebuild(result, 'a', x.paragraphs.length)).toEqual(x.paragraphs);
        expect(rebuild(result, 'b', y.paragraphs.length)).toEqual(y.paragraphs);
        const count = spanWords(result);
        expect(count.equal + count.delete).toBe(x.words);
        expect(count.equal + count.insert).toBe(y.words);
        expect(result.stats.inserted).toBe(count.insert);
        expect(result.stats.deleted).toBe(count.delete);
        expect(result.stats.similarity).toBeCloseTo((2 * count.equal) / (x.words + y.words), 10);
      }
    },
  );
});
