import { describe, expect, it } from 'vitest';
import { tokenize } from '../../source/compare/tokenize.js';
import { cleanupSemantic, diffWords, type Stretch } from '../../source/compare/worddiff.js';

/** The diff as mark-up: [-deleted-] {+inserted+}, kept words as they are. */
function markup(a: string, b: string, exact = false): string {
  const aw = tokenize(a, { exact });
  const bw = tokenize(b, { exact });
  const text = (words: typeof aw, from: number, to: number) =>
    words
      .slice(from, to)
      .map((w) => w.text.trim())
      .join(' ');
  return diffWords(aw, bw)
    .map((s) => {
      if (s.kept) return text(bw, s.bFrom, s.bTo);
      const deleted = s.aTo > s.aFrom ? `[-${text(aw, s.aFrom, s.aTo)}-]` : '';
      const inserted = s.bTo > s.bFrom ? `{+${text(bw, s.bFrom, s.bTo)}+}` : '';
      return deleted + inserted;
    })
    .join(' ');
}

describe('diffWords', () => {
  it('marks whole words, never parts of them', () => {
    expect(markup('Egypt and Turkey in Florida', 'Egypt and Türkiye in Florida')).toBe(
      'Egypt and [-Turkey-]{+Türkiye+} in Florida',
    );
  });

  it('does not let a coincidental "the" cut a rewrite in two', () => {
    expect(
      markup(
        'Rubio said peace would come only with the disarmament of every armed faction',
        'Naim warned that talks could collapse within the coming days unless pressure grew',
      ),
    ).toBe(
      '[-Rubio said peace would come only with the disarmament of every armed faction-]' +
        '{+Naim warned that talks could collapse within the coming days unless pressure grew+}',
    );
  });

  it('keeps a short shared word between two one-word edits', () => {
    expect(
      markup('said Sunday that the militant group had', 'said Sunday the resistance group had'),
    ).toBe('said Sunday [-that-] the [-militant-]{+resistance+} group had');
  });

  it('counts typographic variants as the same word, and as a change with exact', () => {
    expect(markup('the “deal” – now', 'the "deal" -- now')).toBe('the "deal" -- now');
    expect(markup('the “deal” – now', 'the "deal" -- now', true)).toBe(
      'the [-“deal” –-]{+"deal" --+} now',
    );
  });

  it('covers both word lists, kept and changed stretches alternating', () => {
    const a = tokenize('one two three four five six');
    const b = tokenize('zero two three six seven');
    const stretches = diffWords(a, b);
    expect(stretches[0]!.aFrom).toBe(0);
    expect(stretches.at(-1)!.aTo).toBe(a.length);
    expect(stretches.at(-1)!.bTo).toBe(b.length);
    stretches.forEach((s, k) => {
      if (k > 0) {
        expect(s.aFrom).toBe(stretches[k - 1]!.aTo);
        expect(s.bFrom).toBe(stretches[k - 1]!.bTo);
        expect(s.kept).not.toBe(stretches[k - 1]!.kept);
      }
      if (s.kept) expect(s.aTo - s.aFrom).toBe(s.bTo - s.bFrom);
    });
  });
});

describe('cleanupSemantic', () => {
  const change = (aFrom: number, aTo: number, bFrom: number, bTo: number): Stretch => ({
    kept: false,
    aFrom,
    aTo,
    bFrom,
    bTo,
  });
  const kept = (aFrom: number, bFrom: number, length: number): Stretch => ({
    kept: true,
    aFrom,
    aTo: aFrom + length,
    bFrom,
    bTo: bFrom + length,
  });

  it('joins a kept stretch shorter than the changes on both sides into one change', () => {
    // 3 words changed, 2 kept, 3 changed: the 2 kept words are a coincidence.
    expect(cleanupSemantic([change(0, 3, 0, 3), kept(3, 3, 2), change(5, 8, 5, 8)])).toEqual([
      change(0, 8, 0, 8),
    ]);
  });

  it('keeps a kept stretch as long as the change on one side', () => {
    const stretches = [change(0, 2, 0, 1), kept(2, 1, 2), change(4, 9, 3, 9)];
    expect(cleanupSemantic(stretches)).toEqual(stretches);
  });

  it('never joins a kept stretch at either end', () => {
    const stretches = [kept(0, 0, 1), change(1, 5, 1, 5), kept(5, 5, 1)];
    expect(cleanupSemantic(stretches)).toEqual(stretches);
  });

  it('joins again when a join makes a change big enough to swallow the next coincidence', () => {
    // 2 changed, 1 kept, 2 changed: joined into 5; then 2 kept < 5 and < 3: joined too.
    const stretches = [
      change(0, 2, 0, 2),
      kept(2, 2, 1),
      change(3, 5, 3, 5),
      kept(5, 5, 2),
      change(7, 10, 7, 10),
      kept(10, 10, 6),
    ];
    expect(cleanupSemantic(stretches)).toEqual([change(0, 10, 0, 10), kept(10, 10, 6)]);
  });

  it('keeps a phrase of three words or more, however big the changes around it', () => {
    const stretches = [change(0, 8, 0, 9), kept(8, 9, 3), change(11, 20, 12, 18)];
    expect(cleanupSemantic(stretches)).toEqual(stretches);
  });
});

describe('diffWords on passages with little in common', () => {
  it('keeps the shared start and end, and shows a middle past MAX_EDITS as one change', async () => {
    const { MAX_EDITS } = await import('../../source/compare/worddiff.js');
    const many = (prefix: string): string =>
      Array.from({ length: MAX_EDITS }, (_, i) => `${prefix}${i}`).join(' ');
    const a = tokenize(`Gaza talks ${many('a')} ended today.`);
    const b = tokenize(`Gaza talks ${many('b')} ended today.`);
    const stretches = diffWords(a, b);
    expect(stretches).toEqual([
      { kept: true, aFrom: 0, aTo: 2, bFrom: 0, bTo: 2 },
      { kept: false, aFrom: 2, aTo: 2 + MAX_EDITS, bFrom: 2, bTo: 2 + MAX_EDITS },
      { kept: true, aFrom: 2 + MAX_EDITS, aTo: a.length, bFrom: 2 + MAX_EDITS, bTo: b.length },
    ]);
  });
});
