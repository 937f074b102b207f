import { describe, expect, it } from 'vitest';
import {
  formatLine,
  median,
  misses,
  result,
  round,
  spread,
  summarize,
} from '../../bench/report.js';

describe('bench results', () => {
  it('meet a target when every bounded figure is at most its bound', () => {
    expect(result('first-frame', 'seeds', { median_ms: 250 }, { median_ms: 250 }).ok).toBe(true);
    expect(result('first-frame', 'seeds', { median_ms: 250.1 }, { median_ms: 250 }).ok).toBe(false);
    expect(result('corpus-load', 100, { median_ms: 1e9 }).ok).toBe(true);
  });

  it('say which figures miss, and count a missing or non-numeric figure as a miss', () => {
    const target = { median_ms: 30, p95_ms: 60 };
    expect(misses({ median_ms: 31, p95_ms: 12 }, target)).toEqual(['median_ms 31 > 30']);
    expect(misses({ median_ms: 3 }, target)).toEqual(['p95_ms missing']);
    expect(misses({ median_ms: 'fast', p95_ms: NaN }, target)).toEqual([
      'median_ms missing',
      'p95_ms missing',
    ]);
    expect(misses({ median_ms: 1 }, null)).toEqual([]);
  });

  it('print one JSON line: measure, corpus, figures, target, ok, in that order', () => {
    const line = formatLine(result('peak-rss', 10_000, { mb: 412.5 }, { mb: 600 }));
    expect(line).not.toContain('\n');
    expect(line).toBe(
      '{"measure":"peak-rss","corpus":10000,"mb":412.5,"target":{"mb":600},"ok":true}',
    );
    expect(Object.keys(JSON.parse(formatLine(result('x', 'seeds', { a: 1, b: 'two' }))))).toEqual([
      'measure',
      'corpus',
      'a',
      'b',
      'target',
      'ok',
    ]);
  });

  it('sum up in a last line that lists every miss', () => {
    const results = [
      result('first-frame', 'seeds', { median_ms: 300 }, { median_ms: 250 }),
      result('peak-rss', 'seeds', { mb: 90 }, { mb: 150 }),
      result('corpus-load', 100, { median_ms: 12 }),
    ];
    const summary = summarize(results, 41.6, { machine: { cpus: 2 } });
    expect(summary).toEqual({
      measure: 'summary',
      ok: false,
      measures: 3,
      missed: ['first-frame (seeds): median_ms 300 > 250'],
      seconds: 42,
      machine: { cpus: 2 },
    });
    expect(summarize(results.slice(1), 1).ok).toBe(true);
  });
});

describe('bench statistics', () => {
  it('take the median of an odd or even count, whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('round, and give a spread with units', () => {
    expect(round(221.849)).toBe(221.8);
    expect(round(221.849, 2)).toBe(221.85);
    expect(spread([230.04, 210.2, 260.55], 'ms')).toEqual({
      median_ms: 230,
      min_ms: 210.2,
      max_ms: 260.6,
      samples: 3,
    });
  });
});
