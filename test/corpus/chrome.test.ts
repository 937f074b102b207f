/** Site chrome in scraped pages: titles are headlines, and chrome is marked, never dropped. */
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CAPTION_CREDITS,
  chromeParagraphs,
  headlineOf,
  isChromeLine,
} from '../../source/corpus/chrome.js';
import { loadCorpus } from '../../source/corpus/load.js';
import { parseText } from '../../source/corpus/metadata.js';

const scraped = fileURLToPath(new URL('../fixtures/scraped', import.meta.url));

describe('isChromeLine', () => {
  it.each([
    'Share',
    'Facebook Twitter WhatsApp Email',
    'Share | Tweet | Print',
    'Share this article',
    'Share on X',
    'Comments (14)',
    '12 comments',
    'Leave a comment',
    'Related Stories',
    'Read more: Lessau levees were never upgraded, report found',
    'Advertisement',
    'Published 3 hours ago',
    'Updated: 16 Dec 2025, 14:05 GMT',
    '2 hours ago',
    'By Mira Lenz',
    'By Anna Kos and Pavel Ruml, Reuters',
    'Posted December 16, 2025 at 09:12 by Tomas Brenner',
    '1 of 8',
    'Image 2 of 5',
    'Photo: Reuters',
    'Rescue workers carry a woman from a flooded house. (Photo: Jan Vrba/AFP)',
    'A man walks through a flooded street in Drava (AFP via Getty Images)',
    'Volunteers fill sandbags outside the town hall in Ostrin. Photo: Reuters',
    'Smoke rises over Khan Younis on Tuesday via Getty Images',
    'Smoke rises over Khan Younis on Tuesday, Jan Vrba / EPA',
    'Smoke rises over Khan Younis on Tuesday, Jan Vrba /AP',
    '© 2025 Valley News Network. All rights reserved.',
  ])('%s', (line) => {
    expect(isChromeLine(line)).toBe(true);
  });

  it.each([
    'By Tuesday evening, rescue crews had pulled more than 400 people from rooftops.',
    'Share prices in Ostrin fell sharply on Tuesday as investors weighed the damage.',
    'Regional governor Anton Velik said the army had been deployed, according to Reuters.',
    'Army units were deployed, Velik said. A man waded through a street in Drava (AFP)',
    "'REAL PRESSURE' NEEDED",
    'Updated forecasts showed the rain easing by Friday, officials said.',
  ])('not: %s', (line) => {
    expect(isChromeLine(line)).toBe(false);
  });
});

describe('captions', () => {
  const piece = fc.constantFrom(
    'Smoke rises',
    ' over Gaza',
    '.',
    '. ',
    ' ',
    '(',
    ')',
    '/',
    ' / ',
    ':',
    'Photo: ',
    'photo credit: ',
    'AFP',
    'AP',
    'EPA',
    'Reuters',
    'via Getty Images',
    'Jan Vrba',
    '!',
    '?',
  );

  it('are looked for only where the last character allows, and found wherever a credit ends', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(piece, { maxLength: 12 }).map((p) => p.join('')),
          fc.string(),
        ),
        (line) => {
          for (const { ends, credit } of CAPTION_CREDITS) {
            if (credit.test(line)) expect(ends(line.charAt(line.length - 1))).toBe(true);
          }
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('headlineOf', () => {
  const lines = (...texts: string[]) => texts.map((text) => ({ text, oneLine: true }));

  it('passes over share buttons, the site name and a section to the headline', () => {
    const page = lines(
      'Share',
      'The Coastal Herald',
      'World',
      'Flood death toll rises to seven as fresh rain hits Lessau valley',
      'By Mira Lenz',
      'OSTRIN — The death toll rose to seven on Wednesday.',
    );
    expect(headlineOf(page)).toBe(3);
  });

  it('finds none when the page opens with body text, or is all head', () => {
    expect(headlineOf(lines('The river rose overnight.', 'Short line'))).toBeUndefined();
    expect(headlineOf(lines('Share', 'Floods in the valley'))).toBeUndefined();
  });
});

describe('chromeParagraphs', () => {
  it('marks the short lines at both ends and chrome anywhere, but not a subheading inside', () => {
    const paragraphs = [
      'Valley News',
      'By Mira Lenz',
      'The river rose nearly three metres overnight.',
      "'REAL PRESSURE' NEEDED",
      'Image 2 of 5',
      'Officials urged residents to leave.',
      'Related Stories',
      'Lessau levees never upgraded',
    ];
    expect(chromeParagraphs(paragraphs)).toEqual([0, 1, 4, 6, 7]);
  });

  it('marks nothing in a plain wire story', () => {
    expect(chromeParagraphs(['The river rose.', 'Officials urged residents to leave.'])).toEqual(
      [],
    );
  });
});

describe('a corpus of scraped pages', () => {
  const versions = loadCorpus({ dir: scraped }).versions;
  const version = (id: string) => versions.find((v) => v.id === id)!;

  it('titles each page by its headline, not its chrome', () => {
    expect(versions.map((v) => [v.id, v.title])).toEqual([
      ['coastal-herald', 'Flood death toll rises to seven as fresh rain hits Lessau valley'],
      ['daily-wire', 'Governor declares emergency as Lessau floods spread to six districts'],
      ['plain-wire', 'Lessau river recedes but forecasters warn of more rain'],
      ['valley-news', 'Floods force thousands from homes along the Lessau River'],
    ]);
  });

  it('keeps the chrome in the body, marked, and the story unmarked', () => {
    const page = version('coastal-herald');
    const chrome = (page.chrome ?? []).map((i) => page.paragraphs[i]);
    expect(chrome).toEqual([
      'Share',
      'Tweet',
      'Email',
      'The Coastal Herald',
      'World',
      'By Mira Lenz',
      'Published 3 hours ago',
      '1 of 8',
      'Rescue workers carry an elderly woman from a flooded house in Ostrin on Wednesday. (Photo: Jan Vrba/AFP)',
      'Comments (14)',
      'Related Stories',
      'Share this article',
    ]);
    const story = page.paragraphs.filter((_, i) => !page.chrome!.includes(i));
    expect(story).toEqual([
      'OSTRIN — The death toll from flooding along the Lessau River rose to seven on Wednesday as fresh rain pushed the water to a new high.',
      'Officials ordered the evacuation of two more districts in the northern valley, and more than 15,000 people have now left their homes.',
      '"We will rebuild, but first we need the rain to stop," the town\'s mayor, Petra Solnik, said.',
    ]);
    expect(version('plain-wire').chrome).toBeUndefined();
  });

  it('marks bylines, timestamps, gallery counters and captions in the other layouts too', () => {
    const page = version('valley-news');
    const chrome = new Set((page.chrome ?? []).map((i) => page.paragraphs[i]));
    for (const line of [
      'Valley News Network',
      'Home | World | Europe',
      'Posted December 16, 2025 at 09:12 by Tomas Brenner',
      'Image 2 of 5',
      'Volunteers fill sandbags outside the town hall in Ostrin. Photo: Reuters',
      '© 2025 Valley News Network. All rights reserved.',
    ]) {
      expect(chrome.has(line), line).toBe(true);
    }
    const wire = version('daily-wire');
    expect(wire.paragraphs.filter((_, i) => !wire.chrome!.includes(i))).toHaveLength(3);
  });

  it('gives a title that does not depend on the other files', () => {
    const text =
      'Share\n\nThe Coastal Herald\n\nFloods spread along the river valley\n\nThe river rose.';
    expect(parseText(text).headline).toBe('Floods spread along the river valley');
    expect(parseText(text).chrome).toEqual([0, 1]);
  });
});
