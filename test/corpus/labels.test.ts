import { describe, expect, it } from 'vitest';
import { shortLabels } from '../../source/corpus/labels.js';
import type { Version } from '../../source/corpus/types.js';

describe('shortLabels', () => {
  const v = (id: string): Version => ({ id }) as Version;
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
});
