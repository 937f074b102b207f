/** The search engine on the bundled seeds: what a reader typing into the search box gets. */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/load.js';
import { buildSearchIndex } from '../../source/search/index.js';
import type { SearchHit } from '../../source/search/types.js';

const seeds = loadCorpus();
const index = buildSearchIndex(seeds.versions);

/** The highlighted text of a hit, range by range. */
const highlighted = (hit: SearchHit): string[] =>
  hit.matches.map(([start, end]) => hit.passage.slice(start, end));

/** "000 ¶3" for each version carrying a hit (paragraphs counted from 0, as in the API). */
const places = (hit: SearchHit): string[] =>
  hit.versions.map(({ id, paragraph }) => `${id.slice(0, 3)} ¶${paragraph}`);

describe('search on the seeds', () => {
  it('finds Witkoff from a typo, in every passage that names him', () => {
    const hits = index.search('Witkof');
    const naming = new Set(
      seeds.versions.flatMap((v) => v.paragraphs.filter((p) => p.includes('Witkoff'))),
    );
    // Five paragraphs name him; no two are copies of one passage.
    expect(naming.size).toBe(5);
    expect(hits.map((h) => h.passage).sort()).toEqual([...naming].sort());
    for (const hit of hits) {
      expect(highlighted(hit)).toEqual(['Witkof']);
      expect(hit.score).toBeLessThan(0.01);
    }
  });

  it('finds Türkiye, Turkiye and Turkey for "Turkiye", the exact spellings first', () => {
    const hits = index.search('Turkiye');
    const words = hits.map((hit) => highlighted(hit)[0]);
    expect(words.slice(0, 2)).toEqual(['Türkiye', 'Turkiye']);
    expect(words).toContain('Turkey');
    expect(places(hits[0]!)).toEqual(['003 ¶1']);
    const turkey = hits.filter((hit) => highlighted(hit).includes('Turkey'));
    expect(turkey.map(places)).toEqual([['000 ¶1'], ['002 ¶1']]);
    for (const hit of turkey) expect(hit.score).toBeGreaterThan(hits[0]!.score);
  });

  it('puts the passage about the Rafah crossing first, and highlights exactly "Rafah"', () => {
    const [first] = index.search('Rafah');
    expect(first).toBeDefined();
    const start = first!.passage.indexOf('Rafah');
    expect(start).toBeGreaterThan(0);
    expect(first!.matches).toEqual([[start, start + 'Rafah'.length]]);
    expect(places(first!)).toEqual(['002 ¶9']);
  });

  it('matches a phrase, and highlights it whole', () => {
    const [first] = index.search('rafah crossing');
    expect(highlighted(first!)).toEqual(['Rafah crossing']);
  });

  it('wants every word of a query, in any order, the words together first', () => {
    const together = index.search('hamas naim');
    expect(together[0]!.passage).toContain("Hamas's Naim");
    const apart = index.search('naim hamas');
    for (const hit of [...together, ...apart]) {
      const words = highlighted(hit).map((w) => w.toLowerCase());
      expect(words).toContain('hamas');
      expect(words.some((w) => w === 'naim' || w === 'aim')).toBe(true);
    }
  });

  it('ignores case and surrounding spaces', () => {
    expect(index.search('  RAFAH ')).toEqual(index.search('rafah'));
    expect(index.search('witKOF')).toEqual(index.search('Witkof'));
  });

  it('returns nothing for a blank query, or a word that is nowhere', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   \t ')).toEqual([]);
    expect(index.search('zqxjv')).toEqual([]);
  });

  it('lists a passage carried by several versions once, with each version and paragraph', () => {
    const hits = index.search('second stage, Israel is supposed to withdraw');
    const copies = hits.filter((hit) =>
      hit.passage.startsWith('During the second stage, Israel is supposed to withdraw'),
    );
    expect(copies).toHaveLength(1);
    expect(places(copies[0]!)).toEqual(['000 ¶3', '003 ¶3', '004 ¶9']);
    // 002 words it differently ("Under the second stage"): a passage of its own.
    expect(hits.some((hit) => hit.passage.startsWith('Under the second stage'))).toBe(true);
  });

  it('counts copies that differ only in case and quotes as one passage', () => {
    const hits = index.search('real pressure needed');
    expect(hits.map(places)).toEqual([['000 ¶8', '001 ¶5'], ['003 ¶11']]);
    expect(hits[0]!.passage).toBe("'REAL PRESSURE' NEEDED");
  });

  it('indexes each distinct passage once', () => {
    const paragraphs = seeds.versions.reduce((n, v) => n + v.paragraphs.length, 0);
    expect(paragraphs).toBe(83);
    expect(index.size).toBeLessThan(paragraphs);
    const everything = index.search('the', { limit: 1000 });
    expect(new Set(everything.map((h) => h.passage)).size).toBe(everything.length);
  });

  it('ranks hits best first, and keeps to the limit', () => {
    const hits = index.search('Gaza', { limit: 4 });
    expect(hits).toHaveLength(4);
    const all = index.search('ceasefire deal', { limit: 100 });
    expect(all.length).toBeGreaterThan(4);
    const scores = all.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });
});

describe('building the index', () => {
  it('gives the same hits whether prepared ahead, a slice at a time, or on the first search', () => {
    const sliced = buildSearchIndex(seeds.versions);
    let rounds = 0;
    while (!sliced.prepareSlice(0)) rounds++;
    expect(rounds).toBeLessThan(1000);
    const prepared = buildSearchIndex(seeds.versions);
    prepared.prepare();
    for (const query of ['Witkof', 'rafah crossing', 'Turkiye', 'w']) {
      const expected = buildSearchIndex(seeds.versions).search(query);
      expect(sliced.search(query)).toEqual(expected);
      expect(prepared.search(query)).toEqual(expected);
    }
    expect(sliced.size).toBe(index.size);
  });
});
