/** Site chrome in a comparison: marked, paired only with chrome, left out of the similarity. */
import { describe, expect, it } from 'vitest';
import { diffJson } from '../../source/cli/diff.js';
import { compare } from '../../source/compare/index.js';
import { loadCorpus } from '../../source/corpus/load.js';
import { findVersion } from '../../source/corpus/resolve.js';
import { versionFromText } from '../../source/corpus/load.js';
import { rebuild, spanWords, words } from './helpers.js';

const page = (id: string, lines: string[]) =>
  versionFromText(`${id}.txt`, `/corpus/${id}.txt`, lines.join('\n\n'));

const STORY = [
  'OSTRIN — The death toll from flooding along the Lessau River rose to seven on Wednesday.',
  'Officials ordered the evacuation of two more districts in the northern valley.',
];

const herald = page('herald', [
  'Share',
  'The Coastal Herald',
  'Flood death toll rises to seven in Lessau valley',
  'By Mira Lenz',
  ...STORY,
  'Comments (14)',
]);
const valley = page('valley', [
  'Valley News Network',
  'Flood death toll rises to seven in Lessau valley',
  'Posted December 17, 2025 by Tomas Brenner',
  STORY[0]!.replace('Wednesday', 'Wednesday, officials said'),
  STORY[1]!,
  'Share this article',
  'Comments (3)',
]);

describe('compare, with site chrome', () => {
  const result = compare(herald, valley);

  it('marks chrome rows, and pairs chrome only with chrome', () => {
    for (const row of result.rows) {
      const chrome =
        (row.a !== null && herald.chrome!.includes(row.a)) ||
        (row.b !== null && valley.chrome!.includes(row.b));
      expect(row.chrome ?? false, JSON.stringify(row)).toBe(chrome);
      if (row.a !== null && row.b !== null) {
        expect(herald.chrome!.includes(row.a)).toBe(valley.chrome!.includes(row.b));
      }
    }
    expect(result.rows.filter((row) => row.chrome).length).toBeGreaterThan(0);
  });

  it('shows every word once', () => {
    expect(rebuild(result, 'a', herald.paragraphs.length)).toEqual(herald.paragraphs);
    expect(rebuild(result, 'b', valley.paragraphs.length)).toEqual(valley.paragraphs);
    const count = spanWords(result);
    expect(count.equal + count.delete).toBe(herald.words);
    expect(count.equal + count.insert).toBe(valley.words);
  });

  it('leaves chrome out of the similarity and the substitutions', () => {
    const storyWords = STORY.reduce((n, p) => n + words(p), 0);
    // Every story word is kept but "Wednesday.", which became "Wednesday, officials said."
    const kept = storyWords - 1;
    const bStory = storyWords + 2;
    expect(result.stats.similarity).toBeCloseTo((2 * kept) / (storyWords + bStory), 10);
    // "Comments (14)" → "Comments (3)" is a chrome change, not an editorial substitution.
    expect(result.substitutions).toEqual([]);
  });

  it('marks chrome rows and repairs in diff --json', () => {
    const json = diffJson(herald, valley, result);
    const chromeRows = json.rows.filter((row) => row.chrome === true);
    expect(chromeRows.map((row) => row.spans.map((s) => s.text.trim()).join(' '))).toContain(
      'By Mira Lenz',
    );
    expect(json.rows.filter((row) => !('chrome' in row))).toHaveLength(2);

    const corpus = loadCorpus();
    const seeds = diffJson(
      findVersion(corpus, '000'),
      findVersion(corpus, '003'),
      compare(findVersion(corpus, '000'), findVersion(corpus, '003')),
    );
    expect(seeds.substitutions.at(-1)).toEqual({
      from: 'topofficial',
      to: 'top Hamas official',
      count: 1,
      repair: true,
    });
    expect(seeds.substitutions[0]).not.toHaveProperty('repair');
  });
});
