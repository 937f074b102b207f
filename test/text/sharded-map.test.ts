/** A map by string kept in many Maps, so that no one doubling holds up a key: a Map to its users. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShardedMap } from '../../source/text/sharded-map.js';

describe('ShardedMap', () => {
  it('answers as a Map does, and iterates in the order keys were first set', () => {
    const key = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.integer({ min: 0, max: 200 }).map((n) => String(n).padStart(6, '0')),
      fc.constantFrom('', 'Türkiye', 'afp/2025-12-19', '😀', '\u0000'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.integer()), { maxLength: 300 }), key, (sets, other) => {
        const map = new Map<string, number>();
        const sharded = new ShardedMap<number>();
        for (const [k, v] of sets) {
          map.set(k, v);
          expect(sharded.set(k, v)).toBe(sharded);
        }
        expect(sharded.size).toBe(map.size);
        for (const k of [...map.keys(), other]) {
          expect(sharded.get(k)).toBe(map.get(k));
          expect(sharded.has(k)).toBe(map.has(k));
        }
        expect([...sharded]).toEqual([...map]);
        expect([...sharded.entries()]).toEqual([...map.entries()]);
        expect([...sharded.keys()]).toEqual([...map.keys()]);
        expect([...sharded.values()]).toEqual([...map.values()]);
        const seen: [string, number][] = [];
        sharded.forEach((v, k, self) => {
          expect(self).toBe(sharded);
          seen.push([k, v]);
        });
        expect(seen).toEqual([...map]);
      }),
      { numRuns: 300 },
    );
  });

  it('holds a hundred thousand numbered ids', () => {
    const sharded = new ShardedMap<number>();
    for (let i = 0; i < 100_000; i++) sharded.set(String(i).padStart(6, '0'), i);
    expect(sharded.size).toBe(100_000);
    expect(sharded.get('054321')).toBe(54_321);
    expect(sharded.has('100000')).toBe(false);
  });
});
