import { describe, expect, it } from 'vitest';
import {
  cutAtWord,
  firstSentence,
  isHeadline,
  parseText,
  splitParagraphs,
  titleOf,
} from '../../source/corpus/metadata.js';

describe('splitParagraphs', () => {
  it('splits on blank lines when the text has any, joining hard-wrapped lines', () => {
    expect(splitParagraphs('One line\nwrapped here.\n\nTwo.\n \nThree.')).toEqual([
      'One line wrapped here.',
      'Two.',
      'Three.',
    ]);
  });

  it('splits on every line when the text has no blank line', () => {
    expect(splitParagraphs('One.\nTwo.\nThree.')).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('does not count trailing or leading blank lines as paragraphs', () => {
    expect(splitParagraphs('\n\nOne.\nTwo.\n\n\n\n')).toEqual(['One.', 'Two.']);
    expect(splitParagraphs('One.\n\nTwo.\n\n\n\n\n')).toEqual(['One.', 'Two.']);
  });

  it('treats a line of spaces or tabs as blank', () => {
    expect(splitParagraphs('One.\n \t \nTwo.')).toEqual(['One.', 'Two.']);
  });

  it('returns nothing for whitespace', () => {
    expect(splitParagraphs('')).toEqual([]);
    expect(splitParagraphs(' \n\t\n  \n')).toEqual([]);
  });
});

describe('isHeadline', () => {
  it('accepts a short line without closing punctuation', () => {
    expect(isHeadline('Ceasefire talks in Miami: What to know')).toBe(true);
    expect(isHeadline('  Ceasefire talks in Miami  ')).toBe(true);
  });

  it('rejects a line that ends like a sentence or a clause', () => {
    for (const line of ['Talks end.', 'Talks end?', 'Talks end!', 'Gaza City:', 'Gaza City –']) {
      expect(isHeadline(line), line).toBe(false);
    }
  });

  it('rejects a long line', () => {
    expect(isHeadline('word '.repeat(15).trim())).toBe(false);
    expect(isHeadline('x'.repeat(101))).toBe(false);
  });

  it('rejects an empty line', () => {
    expect(isHeadline('   ')).toBe(false);
  });
});

describe('parseText', () => {
  it('reads a leading date marker as metadata, after a leading space', () => {
    const parsed = parseText(' date 2025-12-19 A top official said Friday. More.\n\nNext.');
    expect(parsed.date).toBe('2025-12-19');
    expect(parsed.paragraphs).toEqual(['A top official said Friday. More.', 'Next.']);
  });

  it('keeps a date marker with an impossible date as body text', () => {
    const parsed = parseText('date 2025-13-45 Something happened.\n\nNext.');
    expect(parsed.date).toBeNull();
    expect(parsed.paragraphs[0]).toBe('date 2025-13-45 Something happened.');
  });

  it('keeps a date marker for 29 February only in a leap year', () => {
    expect(parseText('date 2024-02-29 Body.').date).toBe('2024-02-29');
    expect(parseText('date 2025-02-29 Body.').date).toBeNull();
  });

  it('does not take a date from the middle of the text', () => {
    expect(parseText('Talks: date 2025-12-19 was set.').date).toBeNull();
  });

  it('takes a short first line followed by body lines as the headline', () => {
    const parsed = parseText(
      'Ceasefire talks in Miami: What to know\nThe envoy will meet.\nMore.\n',
    );
    expect(parsed.headline).toBe('Ceasefire talks in Miami: What to know');
    expect(parsed.paragraphs).toEqual(['The envoy will meet.', 'More.']);
  });

  it('takes a headline standing alone before a blank line', () => {
    const parsed = parseText('Talks in Miami\n\nThe envoy will meet.\n\nMore.');
    expect(parsed.headline).toBe('Talks in Miami');
    expect(parsed.paragraphs).toEqual(['The envoy will meet.', 'More.']);
  });

  it('does not take a hard-wrapped first paragraph of a blank-line file as a headline', () => {
    const parsed = parseText(
      'A top Hamas official said\nthat talks must end.\n\nSecond paragraph.',
    );
    expect(parsed.headline).toBeNull();
    expect(parsed.paragraphs).toEqual([
      'A top Hamas official said that talks must end.',
      'Second paragraph.',
    ]);
  });

  it('keeps a file that is only a headline as one body paragraph', () => {
    const parsed = parseText('Ceasefire talks in Miami\n\n\n');
    expect(parsed.headline).toBeNull();
    expect(parsed.paragraphs).toEqual(['Ceasefire talks in Miami']);
    expect(titleOf(parsed, 'fallback')).toBe('Ceasefire talks in Miami');
  });

  it('reads a date marker and a headline together', () => {
    const parsed = parseText('date 2025-12-19\nTalks in Miami\nThe envoy will meet.');
    expect(parsed).toEqual({
      date: '2025-12-19',
      headline: 'Talks in Miami',
      paragraphs: ['The envoy will meet.'],
    });
  });

  it('gives nothing for a date marker with no body', () => {
    expect(parseText(' date 2025-12-19 \n\n')).toEqual({
      date: '2025-12-19',
      headline: null,
      paragraphs: [],
    });
  });

  it('turns tabs inside paragraphs into spaces', () => {
    expect(parseText('One\ttwo.\n\nThree.').paragraphs[0]).toBe('One two.');
  });
});

describe('firstSentence', () => {
  it('stops at the end of the first sentence', () => {
    expect(firstSentence('Talks began. They went on. Then stopped.')).toBe('Talks began.');
  });

  it('includes a closing quote', () => {
    expect(firstSentence('He said “stop.” Then he left.')).toBe('He said “stop.”');
  });

  it('skips a wire dateline with a dash or a colon', () => {
    expect(firstSentence('Gaza City, Palestinian Territories – A top official spoke. More.')).toBe(
      'A top official spoke.',
    );
    expect(firstSentence('Gaza City: A top official spoke. More.')).toBe('A top official spoke.');
  });

  it('returns a paragraph with no sentence break whole', () => {
    expect(firstSentence('no full stop here')).toBe('no full stop here');
  });
});

describe('cutAtWord', () => {
  it('leaves short text alone', () => {
    expect(cutAtWord('Short title.', 80)).toBe('Short title.');
    expect(cutAtWord('x'.repeat(80), 80)).toBe('x'.repeat(80));
  });

  it('cuts at a word boundary and marks the cut', () => {
    const text = 'alpha beta gamma delta epsilon zeta eta theta';
    const cut = cutAtWord(text, 20);
    expect(cut).toBe('alpha beta gamma…');
    expect(cut.length).toBeLessThanOrEqual(20);
  });

  it('drops trailing punctuation before the ellipsis', () => {
    expect(cutAtWord('alpha beta, gamma delta epsilon', 13)).toBe('alpha beta…');
  });

  it('cuts inside a word that is longer than half the limit', () => {
    const cut = cutAtWord('a ' + 'x'.repeat(50), 20);
    expect(cut).toBe('a ' + 'x'.repeat(17) + '…');
    expect(cut).toHaveLength(20);
  });

  it('never splits a surrogate pair', () => {
    const cut = cutAtWord('x'.repeat(18) + '😀😀😀', 20);
    expect(cut).toBe('x'.repeat(18) + '…');
  });
});

describe('titleOf', () => {
  it('prefers the headline, then the first sentence, then the fallback', () => {
    expect(titleOf({ date: null, headline: 'Head', paragraphs: ['Body. More.'] }, 'id')).toBe(
      'Head',
    );
    expect(titleOf({ date: null, headline: null, paragraphs: ['Body. More.'] }, 'id')).toBe(
      'Body.',
    );
    expect(titleOf({ date: null, headline: null, paragraphs: [] }, 'id')).toBe('id');
  });
});

describe('Markdown headings', () => {
  it('are titles without their # marks', () => {
    const parsed = parseText('# Bridge reopens\n\nThe bridge reopened on Monday. Traffic flowed.');
    expect(parsed.headline).toBe('Bridge reopens');
    expect(titleOf(parsed, 'id')).toBe('Bridge reopens');
    expect(titleOf(parseText('## The bridge reopened on Monday. Traffic flowed.'), 'id')).toBe(
      'The bridge reopened on Monday.',
    );
  });
});
