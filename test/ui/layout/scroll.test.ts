import { describe, expect, it } from 'vitest';
import { follow, moveCursor, scrollBy } from '../../../source/ui/layout/scroll.js';

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
