import { describe, expect, it } from 'vitest';
import { shortLabels } from '../../source/corpus/labels.js';
import type { Version } from '../../source/corpus/types.js';

describe('shortLabels', () => {
  const v = (id: string, outlet: string | null = null, date: string | null = null): Version =>
    ({ id, outlet, date }) as Version;
  it('uses the shortest unique prefix of at least three characters', () => {
    const labels = shortLabels([
      v('000_a7'),
      v('001_51'),
      v('reuters-2025-12-19'),
      v('reuters-2025-12-20'),
    ]);
    expect(labels.get('000_a7')).toBe('000');
    expect(labels.get('001_51')).toBe('001');
    expect(labels.get('reuters-2025-12-19')).toBe('reuters-2025-12-19');
    expect(labels.get('reuters-2025-12-20')).toBe('reuters-2025-12-20');
    expect(shortLabels([v('ab'), v('abc')]).get('ab')).toBe('ab');
    expect(shortLabels([v('ap'), v('apx')]).get('apx')).toBe('apx');
    expect(shortLabels([v('afp-123'), v('afp-456')]).get('afp-123')).toBe('afp-123');
    expect(shortLabels([v('aljazeera'), v('afp')]).get('aljazeera')).toBe('aljazeera');
  });

  it('names a version by its outlet, or its short id where it has none', () => {
    const labels = shortLabels([v('000_a7', 'Daily Ledger'), v('001_51'), v('002_c3', 'Post')]);
    expect([...labels.values()]).toEqual(['001', 'Daily Ledger', 'Post']);
  });

  it('tells the versions of one outlet apart by date when each has its own', () => {
    const labels = shortLabels([
      v('b', 'Daily Ledger', '2025-12-20'),
      v('a', 'daily  ledger', '2025-12-19'),
      v('c', 'Post', '2025-12-19'),
    ]);
    // Named as the outlet's first version spells it.
    expect(labels.get('a')).toBe('Daily Ledger · 2025-12-19');
    expect(labels.get('b')).toBe('Daily Ledger · 2025-12-20');
    expect(labels.get('c')).toBe('Post');
  });

  it('numbers them in date order, undated last, when dates do not tell them apart', () => {
    const labels = shortLabels([
      v('x', 'Daily Ledger'),
      v('y', 'Daily Ledger', '2025-12-19'),
      v('z', 'Daily Ledger', '2025-12-19'),
    ]);
    expect([labels.get('y'), labels.get('z'), labels.get('x')]).toEqual([
      'Daily Ledger · 1',
      'Daily Ledger · 2',
      'Daily Ledger · 3',
    ]);
  });

  it('keeps every name unique, and long outlet names short', () => {
    const labels = shortLabels([v('post', null), v('abc', 'post')]);
    expect(labels.get('post')).toBe('post');
    expect(labels.get('abc')).toBe('post (abc)');
    const long = shortLabels([v('a', 'The Extremely Long Name of a Regional Morning Newspaper')]);
    expect(long.get('a')).toBe('The Extremely Long Name of a…');
  });
});
