/** The parts of the search engine: folding, trigram candidates, match ranges. */
import fc from 'fast-check';
import { buildTrigramIndex } from '../helpers/blocks.js';
import { describe, expect, it } from 'vitest';
import { versionFromText } from '../../source/corpus/load.js';
import { packTexts } from '../../source/corpus/packed.js';
import { finishSteps } from '../../source/text/steps.js';
import { foldForSearch, normalizeQuery, passageKey } from '../../source/text/fold.js';
import { buildSearchIndex } from '../../source/search/index.js';
import { dropFragments, mergeRanges, toRanges } from '../../source/search/ranges.js';
import { pairsOf, runsOf } from '../helpers/runs.js';
import {
  forEachTrigram,
  packedIndexSteps,
  queryTrigrams,
  TrigramIndex,
  trigramIndexSteps,
  TrigramScorer,
  type TrigramBlock,
} from '../../source/search/trigrams.js';

describe('foldForSearch', () => {
  it('lowers case, drops diacritics and plains typography', () => {
    expect(foldForSearch('Türkiye')).toBe('turkiye');
    expect(foldForSearch('ŁÓDŹ Naïve CAFÉ')).toBe('lodz naive cafe');
    expect(foldForSearch('“Hamas’s” — a–b\u00a0c')).toBe('"hamas\'s" - a-b c');
  });

  it('keeps the length of any text, unit for unit, so offsets carry over', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(foldForSearch(text).length).toBe(text.length);
      }),
    );
    // Characters whose folded form would be longer are kept as they are.
    expect(foldForSearch('Straße İ')).toBe('straße i');
  });
});

describe('passageKey', () => {
  it('folds case, spacing, quotes, dashes and ellipses, and nothing else', () => {
    const variants = [
      '"Real pressure" -- needed... now',
      '“Real  pressure” — needed… now',
      ' \u201Creal\u00a0pressure\u201D \u2013 NEEDED... now ',
    ];
    expect(new Set(variants.map(passageKey)).size).toBe(1);
    expect(passageKey('Türkiye')).not.toBe(passageKey('Turkiye'));
    expect(passageKey('levelled')).not.toBe(passageKey('leveled'));
  });
});

describe('normalizeQuery', () => {
  it('folds the query and collapses its spaces', () => {
    expect(normalizeQuery('  Rafah\u00a0 CROSSING ')).toBe('rafah crossing');
  });
});

describe('queryTrigrams', () => {
  it('leaves the end of the last word open: it may be half typed', () => {
    // "rafa" must keep every trigram of "rafah"'s start, and none that says the word ends there.
    const typed = new Set(queryTrigrams('rafa'));
    const whole = new Set(queryTrigrams('rafah x'));
    for (const t of typed) expect(whole.has(t)).toBe(true);
    expect(queryTrigrams('r')).toHaveLength(0);
    expect(queryTrigrams('ra')).toHaveLength(1);
  });
});

/** For each trigram of the texts, the passages holding it, in order, by forEachTrigram. */
function expectedPostings(texts: readonly string[]): Map<number, number[]> {
  const expected = new Map<number, number[]>();
  texts.forEach((text, p) =>
    forEachTrigram(text, true, (t) => {
      const list = expected.get(t) ?? [];
      if (list.at(-1) !== p) list.push(p);
      expected.set(t, list);
    }),
  );
  return expected;
}

/** For each trigram a block lists, the passages it lists. */
function postingsOf({ offsets, postings }: TrigramBlock): Map<number, number[]> {
  const listed = new Map<number, number[]>();
  for (let t = 0; t + 1 < offsets.length; t++) {
    if (offsets[t + 1]! > offsets[t]!) {
      listed.set(t, [...postings.subarray(offsets[t]!, offsets[t + 1]!)]);
    }
  }
  return listed;
}

describe('the trigram index', () => {
  it('lists, for each trigram, every passage holding it, once, in order', () => {
    const texts = [
      'Gaza gaza GAZA: talks in Miami',
      'the talks in Türkiye',
      '',
      'ceasefire, ceasefire; talks',
      'Ceasefire talks in Miami',
      // Thousands of distinct trigrams in one passage: the list of a passage's trigrams grows.
      Array.from({ length: 6000 }, (_, i) =>
        String.fromCharCode(97 + (i % 26), 97 + (Math.floor(i / 26) % 26), 97 + (i % 7)),
      ).join(' '),
      'talks in Miami',
    ];
    const index = buildTrigramIndex(texts);
    expect(postingsOf(index)).toEqual(expectedPostings(texts));
    expect(index.postings.length).toBe([...expectedPostings(texts).values()].flat().length);
  });

  it('reads passages packed in parts, a byte a character or two, as it reads strings', () => {
    const unit = fc.constantFrom(
      ...'ab z.,',
      'Ü',
      'ü',
      'é',
      '’',
      '—',
      'غ',
      'ж',
      '😀',
      '\ud800',
      '\u0301',
    );
    const text = fc.array(unit, { maxLength: 12 }).map((units) => units.join(''));
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { maxLength: 6 }), { maxLength: 5 }),
        fc.boolean(),
        (parts, keep) => {
          const texts = parts.flat();
          const block = finishSteps(
            packedIndexSteps(
              parts.map((part) => packTexts(part)),
              keep,
            ),
          );
          expect(block.passages).toBe(texts.length);
          expect(postingsOf(block)).toEqual(expectedPostings(texts));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('numbers passages past 65,536, where 16 bits no longer hold them', () => {
    const texts = Array.from({ length: 70_000 }, (_, p) => (p % 10_000 === 9_999 ? 'zzq' : 'ab'));
    const index = buildTrigramIndex(texts);
    const [zzq] = queryTrigrams('zzq ');
    const holding = index.postings.subarray(index.offsets[zzq!]!, index.offsets[zzq! + 1]!);
    expect([...holding]).toEqual([9_999, 19_999, 29_999, 39_999, 49_999, 59_999, 69_999]);
  });

  it('builds each block alike with the list of trigrams kept from the block before', () => {
    // The first list this file keeps: a small block's, then one with far more trigrams than that
    // list can hold.
    const many = Array.from({ length: 3000 }, (_, i) =>
      String.fromCharCode(97 + (i % 26), 97 + (Math.floor(i / 26) % 26), 97 + (i % 7)),
    ).join(' ');
    for (const texts of [['gaza'], [many, many.slice(7)]]) {
      expect(postingsOf(buildTrigramIndex(texts, undefined, true))).toEqual(
        expectedPostings(texts),
      );
    }
    const words = ['gaza', 'talks', 'miami', 'türkiye', 'ceasefire', 'rafah', 'hamas', 'aid'];
    const passage = fc
      .array(fc.constantFrom(...words), { maxLength: 30 })
      .map((list) => list.join(' '));
    fc.assert(
      fc.property(fc.array(fc.array(passage, { maxLength: 40 }), { maxLength: 5 }), (blocks) => {
        // One after another, each handing its list to the next: smaller and larger ones.
        for (const texts of blocks) {
          expect(postingsOf(buildTrigramIndex(texts, undefined, true))).toEqual(
            expectedPostings(texts),
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it('builds two blocks at once on one thread, each with a list of its own', () => {
    const first = Array.from({ length: 600 }, (_, i) => `talks in miami ${i} rafah`);
    const second = Array.from({ length: 700 }, (_, i) => `ceasefire in gaza ${i * 7} aid`);
    // A kept list, as a block before would leave it.
    buildTrigramIndex([...first, ...second], undefined, true);
    const a = trigramIndexSteps(first, true);
    const b = trigramIndexSteps(second, true);
    let doneA: IteratorResult<void, TrigramBlock> = { done: false, value: undefined };
    let doneB: IteratorResult<void, TrigramBlock> = { done: false, value: undefined };
    while (doneA.done !== true || doneB.done !== true) {
      if (doneA.done !== true) doneA = a.next();
      if (doneB.done !== true) doneB = b.next();
    }
    expect(postingsOf(doneA.value)).toEqual(expectedPostings(first));
    expect(postingsOf(doneB.value)).toEqual(expectedPostings(second));
  });
});

describe('TrigramScorer', () => {
  const texts = [
    ...Array.from({ length: 6 }, (_, i) => `gaza report number ${i}`),
    ...Array.from({ length: 4 }, (_, i) => `gaza and zzz item ${i}`),
  ];
  const index = new TrigramIndex([buildTrigramIndex(texts)]);

  it('ranks passages by shared trigrams, ties going to the first passages', () => {
    const scorer = new TrigramScorer(index);
    scorer.update(queryTrigrams('zzz gaza'));
    expect(scorer.top(4)).toEqual([6, 7, 8, 9]);
    scorer.update(queryTrigrams('gaza'));
    expect(scorer.top(3)).toEqual([0, 1, 2]);
  });

  it('gives the same candidates whatever queries came before', () => {
    const fresh = new TrigramScorer(index);
    fresh.update(queryTrigrams('gaza'));
    const worn = new TrigramScorer(index);
    for (const query of ['zzz', 'zzz it', 'zzz gaza', 'gaza']) worn.update(queryTrigrams(query));
    for (const limit of [1, 3, 5, 8, 20]) expect(worn.top(limit)).toEqual(fresh.top(limit));
  });

  it('takes the best-scoring passages, and of those tied at the cut the first, many ties or few', () => {
    // Texts of a few letters: many passages share trigrams, and tie (a few or very many).
    const word = fc.oneof(fc.stringMatching(/^[ab]{1,4}$/), fc.stringMatching(/^[a-f]{2,5}$/));
    const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 300 }),
        fc.array(word, { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 10 }),
        (passages, query, limit) => {
          const index = new TrigramIndex([buildTrigramIndex(passages)]);
          const trigrams = queryTrigrams(query.join(' '));
          const scorer = new TrigramScorer(index);
          scorer.update(trigrams);
          // Each passage's score, from its own trigrams: the query's it holds, by weight.
          const scored = passages.map((passage, p) => {
            const held = new Set<number>();
            forEachTrigram(passage, true, (t) => held.add(t));
            let score = 0;
            for (const t of trigrams) if (held.has(t)) score += index.weight(t);
            return { p, score };
          });
          const best = scored
            .filter(({ score }) => score > 0)
            .sort((x, y) => y.score - x.score || x.p - y.p)
            .slice(0, limit)
            .map(({ p }) => p)
            .sort((x, y) => x - y);
          expect(scorer.top(limit)).toEqual(best);
        },
      ),
    );
    // Two ties among many passages that do not score: the first of the two.
    const few = Array.from({ length: 40 }, (_, p) => (p === 30 || p === 10 ? 'gaza' : 'zzz'));
    const scorer = new TrigramScorer(new TrigramIndex([buildTrigramIndex(few)]));
    scorer.update(queryTrigrams('gaza'));
    expect(scorer.top(1)).toEqual([10]);
    // Two ties touched out of passage order (30 by the query's first trigrams, 10 by later ones).
    const apart = Array.from({ length: 40 }, (_, p) =>
      p === 30 ? 'aaax' : p === 10 ? 'bbb' : 'zzz',
    );
    const other = new TrigramScorer(new TrigramIndex([buildTrigramIndex(apart)]));
    other.update(queryTrigrams('aaa bbb'));
    expect(other.top(1)).toEqual([10]);
    // Fewer passages than the limit score at all, some at the least score, 1 (a trigram nearly
    // every passage holds), most passages touched: every passage that scores is taken.
    const common = Array.from({ length: 100 }, (_, p) => (p < 80 ? 'the story i' : 'other'));
    const everyOne = new TrigramScorer(new TrigramIndex([buildTrigramIndex(common)]));
    everyOne.update(queryTrigrams('the'));
    expect(everyOne.top(110)).toEqual(common.map((_, p) => p));
  });

  it('scores passages indexed in several blocks as it scores them in one', () => {
    const blocks = new TrigramIndex([
      buildTrigramIndex(texts.slice(0, 3)),
      buildTrigramIndex(texts.slice(3, 7)),
      buildTrigramIndex(texts.slice(7)),
    ]);
    expect(blocks.passages).toBe(texts.length);
    for (const query of ['zzz gaza', 'gaza', 'report number', 'item 3']) {
      const whole = new TrigramScorer(index);
      const split = new TrigramScorer(blocks);
      whole.update(queryTrigrams(query));
      split.update(queryTrigrams(query));
      for (const limit of [1, 4, 20]) expect(split.top(limit)).toEqual(whole.top(limit));
    }
  });
});

describe('match ranges', () => {
  it('merges ranges that overlap or touch, and sorts them', () => {
    expect(
      mergeRanges([
        [5, 8],
        [0, 2],
        [2, 3],
        [7, 10],
      ]),
    ).toEqual([
      [0, 3],
      [5, 10],
    ]);
  });

  it('drops the stray letters fuzzy matching marks near a word it found', () => {
    // Fuzzy "turkiye" in "Egypt and Turkey in Florida" marks "Turkey" and the "i" of "in".
    const drop = (pairs: [number, number][], length: number) =>
      pairsOf(dropFragments(runsOf(pairs), length));
    expect(
      drop(
        [
          [10, 15],
          [17, 17],
        ],
        7,
      ),
    ).toEqual([[10, 15]]);
    // A word as short as the range is no fragment ("US" in "US envoy").
    expect(drop([[0, 1]], 2)).toEqual([[0, 1]]);
    // With nothing longer, short ranges stay.
    expect(
      drop(
        [
          [0, 0],
          [4, 4],
        ],
        5,
      ),
    ).toEqual([
      [0, 0],
      [4, 4],
    ]);
    // Several long ones among short: the long ones, in order.
    expect(
      drop(
        [
          [0, 0],
          [2, 6],
          [8, 8],
          [10, 14],
        ],
        5,
      ),
    ).toEqual([
      [2, 6],
      [10, 14],
    ]);
  });

  it('turns inclusive fuse.js indices into half-open ranges, sorted and merged', () => {
    expect(
      toRanges('US envoy said', [
        runsOf([
          [3, 7],
          [0, 1],
        ]),
        runsOf([[8, 8]]),
      ]),
    ).toEqual([
      [0, 2],
      [3, 9],
    ]);
  });

  it('never cuts a surrogate pair in two', () => {
    const text = 'flag 😀 here';
    const emoji = text.indexOf('😀');
    expect(toRanges(text, [runsOf([[emoji, emoji]])])).toEqual([[emoji, emoji + 2]]);
    expect(toRanges(text, [runsOf([[emoji + 1, emoji + 1]])])).toEqual([[emoji, emoji + 2]]);
  });

  it('finds words anywhere in a very long passage, and every place they stand together', () => {
    const filler = 'the talks went on and on, ';
    const long = filler.repeat(2000) + 'Witkoff met ceasefire talks envoys. ' + filler.repeat(100);
    const version = versionFromText('long.txt', '/long.txt', long);
    const index = buildSearchIndex([version]);
    const [exact] = index.search('Witkoff');
    expect(exact!.passage.length).toBeGreaterThan(50_000);
    expect(exact!.matches).toEqual([[long.indexOf('Witkoff'), long.indexOf('Witkoff') + 7]]);
    const [phrase] = index.search('ceasefire talks');
    const together = phrase!.matches.filter(([s, e]) => e - s > 'talks'.length);
    expect(together.map(([s, e]) => long.slice(s, e))).toEqual(['ceasefire talks']);
    expect(phrase!.matches).toHaveLength(2101);
  });

  it('highlights a whole emoji when a search finds half of it', () => {
    const version = versionFromText('a.txt', '/a.txt', 'The 😀 face near Rafah.');
    const [hit] = buildSearchIndex([version]).search('\uD83D');
    expect(hit).toBeDefined();
    expect(hit!.matches.map(([s, e]) => hit!.passage.slice(s, e))).toEqual(['😀']);
  });
});
