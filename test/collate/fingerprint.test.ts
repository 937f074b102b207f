/** Fingerprints: what each version did differently from the readings. */
import { describe, expect, it } from 'vitest';
import { collate } from '../../source/collate/index.js';

const P1 = 'The militants said on Monday that the talks in Cairo had stalled again.';
const P2 = 'Mediators from Egypt and Qatar carried new proposals on prisoners and aid.';
const P3 = 'Both delegations are expected to stay in the city until Thursday evening.';
const P4 = 'An extra paragraph that only one outlet ran, about the weather in Cairo.';
const words = (text: string): number => text.split(/\s+/).length;

describe('fingerprints', () => {
  const collation = collate([
    { id: 'a', paragraphs: [P1, P2, P3] },
    { id: 'b', paragraphs: [P1.replace('militants', 'fighters'), P2, P4] },
    { id: 'c', paragraphs: [P1, P2, P3] },
  ]);
  const [a, b, c] = collation.fingerprints;

  it('counts a swapped word, a dropped passage and an added one against the readings', () => {
    expect(b).toEqual({
      version: 'b',
      inserted: 1 + words(P4),
      deleted: 1 + words(P3),
      added: 1,
      dropped: 1,
      moved: 0,
      substitutions: [{ from: 'militants', to: 'fighters', count: 1 }],
    });
  });

  it('finds nothing to say about versions that read as the readings', () => {
    for (const f of [a, c]) {
      expect(f).toMatchObject({ inserted: 0, deleted: 0, added: 0, dropped: 0, moved: 0 });
      expect(f!.substitutions).toEqual([]);
    }
  });

  it("counts a moved passage, and the reader's rows follow the central version", () => {
    const moved = collate([
      { id: 'a', paragraphs: [P1, P2, P3] },
      { id: 'b', paragraphs: [P3, P1, P2] },
      { id: 'c', paragraphs: [P1, P2, P3] },
    ]);
    expect(moved.rows.map((row) => row.reading)).toEqual([P1, P2, P3]);
    expect(moved.fingerprints.map((f) => f.moved)).toEqual([0, 1, 0]);
    expect(moved.rows[2]!.cells[1]).toMatchObject({ state: 'same', moved: true, paragraph: 0 });
  });
});
