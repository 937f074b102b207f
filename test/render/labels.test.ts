import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thousands } from '../../source/render/labels.js';

describe('thousands', () => {
  it('marks thousands in a count as people read it', () => {
    expect(thousands(0)).toBe('0');
    expect(thousands(999)).toBe('999');
    expect(thousands(1000)).toBe('1,000');
    expect(thousands(12_345)).toBe('12,345');
    expect(thousands(100_000)).toBe('100,000');
    expect(thousands(1_234_567)).toBe('1,234,567');
  });

  it('writes any whole count as en-US number formatting does', () => {
    fc.assert(
      fc.property(fc.nat(), (count) => {
        expect(thousands(count)).toBe(count.toLocaleString('en-US'));
      }),
    );
  });
});
