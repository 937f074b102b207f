/** The reference measure itself, on cases small enough to count by hand. */
import { describe, expect, it } from 'vitest';
import { bestPairingChanges, lcs } from './best-pairing.js';

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
