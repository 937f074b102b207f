/** fzf's extended search syntax, in the engine and in `gaza-reader search`. */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/load.js';
import { buildSearchIndex } from '../../source/search/index.js';
import { matchExtended, planExtended } from '../../source/search/extended.js';
import { parseExtended, parseTerm } from '../../source/search/syntax.js';
import { runCli } from '../helpers/run-cli.js';

const seeds = loadCorpus();
const index = buildSearchIndex(seeds.versions);
const passages = (query: string): string[] =>
  index.search(query, { limit: 500 }).map((h) => h.passage);
const lower = (text: string): string => text.toLowerCase();

describe('reading the syntax', () => {
  it('reads each kind of term', () => {
    expect(parseTerm('rafah')).toEqual({ kind: 'fuzzy', text: 'rafah', negated: false });
    expect(parseTerm("'Rafah")).toEqual({ kind: 'exact', text: 'rafah', negated: false });
    expect(parseTerm('^Gaza')).toEqual({ kind: 'prefix', text: 'gaza', negated: false });
    expect(parseTerm('said.$')).toEqual({ kind: 'suffix', text: 'said.', negated: false });
    expect(parseTerm('^all$')).toEqual({ kind: 'equal', text: 'all', negated: false });
    expect(parseTerm('!hamas')).toEqual({ kind: 'exact', text: 'hamas', negated: true });
    expect(parseTerm('!^gaza')).toEqual({ kind: 'prefix', text: 'gaza', negated: true });
    expect(parseTerm('!')).toBeNull();
    expect(parseTerm('$')).toEqual({ kind: 'fuzzy', text: '$', negated: false });
  });

  it('binds | tighter than a space, as fzf does: a b | c is a AND (b OR c)', () => {
    const { clauses, plain } = parseExtended('a b | c');
    expect(plain).toBe(false);
    expect(clauses.map((c) => c.map((t) => t.text))).toEqual([['a'], ['b', 'c']]);
  });

  it('keeps a plain query plain, and a backslash-escaped space inside a term', () => {
    expect(parseExtended('rafah crossing').plain).toBe(true);
    expect(parseExtended("'rafah\\ crossing").clauses).toEqual([
      [{ kind: 'exact', text: 'rafah crossing', negated: false }],
    ]);
  });
});

describe('searching the seeds with the syntax', () => {
  it('!hamas ceasefire: passages about the ceasefire that never name Hamas', () => {
    const found = passages('!hamas ceasefire');
    expect(found.length).toBeGreaterThan(0);
    for (const passage of found) {
      expect(lower(passage)).not.toContain('hamas');
      expect(lower(passage)).toMatch(/cease-?fire/);
    }
    // Without the exclusion, the first hits do name Hamas.
    expect(passages('hamas ceasefire').some((p) => lower(p).includes('hamas'))).toBe(true);
  });

  it("'word matches exactly: no typo tolerated", () => {
    expect(passages('ceasfire').length).toBeGreaterThan(0);
    expect(passages("'ceasfire")).toEqual([]);
    const exact = passages("'ceasefire");
    expect(exact.length).toBeGreaterThan(0);
    expect(exact.every((p) => lower(p).includes('ceasefire'))).toBe(true);
  });

  it('^ and $ anchor to the start and the end of a passage', () => {
    const starts = passages('^the');
    expect(starts.length).toBeGreaterThan(0);
    for (const p of starts) expect(lower(p.trimStart())).toMatch(/^the/);
    const ends = passages('said.$');
    expect(ends.length).toBeGreaterThan(0);
    for (const p of ends) expect(lower(p.trimEnd())).toMatch(/said\.$/);
  });

  it('a | b finds either, and a b | c wants a and one of b or c', () => {
    const either = passages("'witkoff | 'rafah");
    expect(either.some((p) => p.includes('Witkoff'))).toBe(true);
    expect(either.some((p) => p.includes('Rafah'))).toBe(true);
    for (const p of either) expect(/witkoff|rafah/i.test(p)).toBe(true);
    for (const p of passages("'hamas 'witkoff | 'rafah")) {
      expect(lower(p)).toContain('hamas');
      expect(/witkoff|rafah/i.test(p)).toBe(true);
    }
  });

  it('highlights what the positive terms matched', () => {
    const [hit] = index.search("'rafah !hamas");
    expect(hit).toBeDefined();
    expect(hit!.matches.map(([s, e]) => hit!.passage.slice(s, e).toLowerCase())).toContain('rafah');
  });

  it('highlights the plain words and the terms with operators alike', () => {
    const [hit] = index.search("ceasefire 'miami");
    expect(hit).toBeDefined();
    const marked = hit!.matches.map(([s, e]) => lower(hit!.passage.slice(s, e)));
    expect(marked).toContain('ceasefire');
    expect(marked).toContain('miami');
  });

  it('does not read the passage as written until its highlights are asked for', () => {
    const text = 'Ceasefire talks in Miami';
    let read = 0;
    const original = (): string => {
      read++;
      return text;
    };
    const plan = planExtended(parseExtended("ceasefire 'miami"));
    const found = matchExtended(plan, lower(text), original);
    expect(found).not.toBeNull();
    expect(read).toBe(0);
    expect(found!.matches).toEqual([
      [0, 9],
      [19, 24],
    ]);
    expect(read).toBeGreaterThan(0);
  });
});

describe('gaza-reader search with the syntax', () => {
  it("search '!hamas ceasefire' --json returns no passage containing Hamas", () => {
    const result = runCli(['search', '!hamas ceasefire', '--json']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const hits = JSON.parse(result.stdout) as { passage: string }[];
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(lower(hit.passage)).not.toContain('hamas');
  });
});
