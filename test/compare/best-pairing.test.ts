/** The reference measure itself, on cases small enough to count by hand. */
import { describe, expect, it } from 'vitest';
import { bestPairingChanges, lcs, maxAssignment } from './best-pairing.js';

describe('lcs', () => {
  it('finds the longest common subsequence of words', () => {
    expect(lcs(['a', 'b', 'c', 'd'], ['a', 'c', 'd', 'e'])).toBe(3);
    expect(lcs([], ['a'])).toBe(0);
    expect(lcs(['x'], ['y'])).toBe(0);
  });
});

describe('bestPairingChanges', () => {
  it('counts nothing for the same text, and nothing for a move', () => {
    const paragraphs = ['one two three four', 'five six seven eight'];
    expect(bestPairingChanges({ paragraphs }, { paragraphs })).toBe(0);
    expect(bestPairingChanges({ paragraphs }, { paragraphs: [...paragraphs].reverse() })).toBe(0);
  });

  it('counts the words outside each pair and every word of unpaired passages', () => {
    // Pair: "one two three four" / "one two 3 four": 2 changed. Unpaired: 4 + 3 words.
    const a = { paragraphs: ['one two three four', 'alpha beta gamma delta'] };
    const b = { paragraphs: ['one two 3 four', 'x y z'] };
    expect(bestPairingChanges(a, b)).toBe(2 + 4 + 3);
  });

  it('treats typographic variants as the same word', () => {
    expect(
      bestPairingChanges({ paragraphs: ['“quote” – here'] }, { paragraphs: ['"quote" -- here'] }),
    ).toBe(0);
  });

  it('pairs sentences when a paragraph was split', () => {
    const a = { paragraphs: ['First sentence here now. Second one follows it.'] };
    const b = { paragraphs: ['First sentence here now.', 'Second one follows it.'] };
    expect(bestPairingChanges(a, b)).toBe(0);
  });

  it('does not pair passages that share fewer than half their words in order', () => {
    const a = { paragraphs: ['the cat sat on a mat'] };
    const b = { paragraphs: ['the dog lay by the door'] };
    expect(bestPairingChanges(a, b)).toBe(12);
  });
});

describe('maxAssignment', () => {
  it('keeps the most in total, where taking the best pair first would not', () => {
    // Greedy takes 0→0 (3), leaving 1→1 (0): 3 in all. The best assignment keeps 2 + 2.
    expect(
      maxAssignment(
        [
          [3, 2],
          [2, 0],
        ],
        2,
      ),
    ).toEqual([1, 0]);
  });

  it('leaves a row unassigned when there are more rows than columns', () => {
    expect(maxAssignment([[1], [5], [2]], 1)).toEqual([-1, 0, -1]);
  });
});

describe('bestPairingChanges, on trims', () => {
  it('pairs a sentence cut to its first third, counting only the cut words', () => {
    const a = { paragraphs: ['one two three four five six seven eight nine'] };
    const b = { paragraphs: ['one two three'] };
    expect(bestPairingChanges(a, b)).toBe(6);
  });
});
