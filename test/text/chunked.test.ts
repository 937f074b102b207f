/** Lists that grow a chunk at a time: read by number as arrays are, across chunks. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkedInts, ChunkedList } from '../../source/text/chunked.js';

describe('ChunkedInts', () => {
  it('holds what an array holds, across chunks', () => {
    const ints = new ChunkedInts();
    const array: number[] = [];
    for (let i = 0; i < 200_000; i++) {
      const value = (i * 2_654_435_761) | 0;
      ints.push(value);
      array.push(value);
    }
    // Set back and forth, as linked lists do.
    for (let i = 0; i < array.length; i += 997) {
      const at = array.length - 1 - i;
      ints.set(at, i);
      array[at] = i;
    }
    expect(ints.length).toBe(array.length);
    for (let i = 0; i < array.length; i++)
      if (ints.get(i) !== array[i]) expect(ints.get(i)).toBe(array[i]);
  });
});

describe('ChunkedList', () => {
  it('gives back what was pushed, one by one or in slices, across chunks', () => {
    const list = new ChunkedList<string>();
    const array: string[] = [];
    for (let i = 0; i < 140_000; i++) {
      list.push(`passage ${i}`);
      array.push(`passage ${i}`);
    }
    expect(list.length).toBe(array.length);
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 140_005 }),
        fc.integer({ min: -5, max: 140_005 }),
        (a, b) => {
          expect(list.at(a)).toBe(a >= 0 ? array[a] : undefined);
          // Numbers count from the start only: below 0 is 0.
          const [from, to] = a <= b ? [a, b] : [b, a];
          const slice = list.slice(from, to);
          const expected = array.slice(Math.max(0, from), Math.max(0, to));
          expect(slice.length).toBe(expected.length);
          expect(slice[0]).toBe(expected[0]);
          expect(slice.at(-1)).toBe(expected.at(-1));
        },
      ),
    );
    expect(list.slice(65_530, 65_540)).toEqual(array.slice(65_530, 65_540));
    expect(list.slice()).toEqual(array);
  });
});
