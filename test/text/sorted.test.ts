/** Sorted arrays: shared values, and a sort done in steps. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSteps as run } from '../helpers/steps.js';
import { sharedSorted, sortSteps } from '../../source/text/sorted.js';

describe('sortSteps', () => {
  it('sorts as Array.prototype.sort does, stably, whatever the size', () => {
    const item = fc.record({ key: fc.integer({ min: 0, max: 50 }), at: fc.nat() });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 300 }), fc.nat({ max: 12_000 }), (items, extra) => {
        // Some arrays long enough to be sorted in several runs, and merged.
        const all = [
          ...items,
          ...Array.from({ length: extra }, (_, i) => ({ key: i % 97, at: i })),
        ];
        const byKey = (a: { key: number }, b: { key: number }): number => a.key - b.key;
        const { value } = run(sortSteps(all, byKey));
        expect(value).toEqual([...all].sort(byKey));
      }),
      { numRuns: 60 },
    );
  });

  it('yields every few thousand elements, and leaves its input alone', () => {
    const names = Array.from({ length: 50_000 }, (_, i) => `id-${(i * 7919) % 50_000}`);
    const before = [...names];
    const { value, yields } = run(sortSteps(names, (a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(value).toEqual([...names].sort());
    expect(names).toEqual(before);
    expect(yields).toBeGreaterThan(50_000 / 4096);
  });
});

describe('sharedSorted', () => {
  it('counts the values two ascending arrays share', () => {
    expect(sharedSorted([1, 2, 2, 5, 9], [2, 2, 3, 9])).toBe(3);
    expect(sharedSorted([], [1])).toBe(0);
  });
});
