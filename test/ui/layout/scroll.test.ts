import { describe, expect, it } from 'vitest';
import { follow, moveCursor, scrollBy } from '../../../source/ui/layout/scroll.js';
import { shortLabels } from '../../../source/ui/layout/labels.js';
import type { Version } from '../../../source/corpus/types.js';

describe('scrolling', () => {
  it('scrolls text by lines, pages and half pages, and stops at the ends', () => {
    expect(scrollBy(0, 'down', 20, 100)).toBe(1);
    expect(scrollBy(0, 'up', 20, 100)).toBe(0);
    expect(scrollBy(0, 'pageDown', 20, 100)).toBe(19);
    expect(scrollBy(30, 'halfUp', 20, 100)).toBe(20);
    expect(scrollBy(0, 'bottom', 20, 100)).toBe(80);
    expect(scrollBy(79, 'pageDown', 20, 100)).toBe(80);
    expect(scrollBy(50, 'top', 20, 100)).toBe(0);
    expect(scrollBy(0, 'bottom', 20, 5)).toBe(0);
  });

  it('moves a cursor within a list', () => {
    expect(moveCursor(0, 'up', 10, 5)).toBe(0);
    expect(moveCursor(3, 'down', 10, 5)).toBe(4);
    expect(moveCursor(4, 'down', 10, 5)).toBe(4);
    expect(moveCursor(0, 'bottom', 10, 5)).toBe(4);
    expect(moveCursor(0, 'pageDown', 10, 50)).toBe(9);
    expect(moveCursor(0, 'down', 10, 0)).toBe(0);
  });

  it('scrolls a list only when the cursor would leave the window', () => {
    expect(follow(0, 5, 6, 10, 100)).toBe(0);
    expect(follow(0, 10, 11, 10, 100)).toBe(1);
    expect(follow(20, 15, 16, 10, 100)).toBe(15);
    expect(follow(0, 99, 100, 10, 100)).toBe(90);
  });
});

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
    expect(shortLabels([v('afp-123'), v('afp-456')]).get('afp-123')).toBe('afp-123');
    expect(shortLabels([v('aljazeera'), v('afp')]).get('aljazeera')).toBe('aljazeera');
  });
});
