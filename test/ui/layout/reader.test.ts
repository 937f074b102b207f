/** The Reader's layout: site chrome in a scraped page is shown dim, and kept. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../source/corpus/load.js';
import { lineText, type Line } from '../../../source/render/line.js';
import { layoutReader } from '../../../source/ui/layout/reader.js';

const scraped = fileURLToPath(new URL('../../fixtures/scraped', import.meta.url));
const versions = loadCorpus({ dir: scraped }).versions;
const page = versions.find((v) => v.id === 'coastal-herald')!;

/** The lines of paragraph `index`, from its start to the blank line before the next one. */
function paragraphLines(lines: readonly Line[], starts: readonly number[], index: number): Line[] {
  const end = index + 1 < starts.length ? starts[index + 1]! - 1 : lines.length;
  return lines.slice(starts[index], end);
}

/** The tones of a paragraph's text, its number in the gutter left out. */
const textTones = (lines: readonly Line[]): Set<string> =>
  new Set(
    lines.flatMap((line) =>
      line.filter((s) => s.tone !== 'gutter' && s.text.trim() !== '').map((s) => s.tone),
    ),
  );

describe('the Reader on a scraped page', () => {
  it('shows every chrome paragraph dim and every story paragraph plain, none dropped', () => {
    expect(page.chrome?.length).toBeGreaterThan(5);
    const { lines, paragraphStarts } = layoutReader(page, 80);
    expect(paragraphStarts).toHaveLength(page.paragraphs.length);
    const chrome = new Set(page.chrome);
    page.paragraphs.forEach((paragraph, i) => {
      const shown = paragraphLines(lines, paragraphStarts, i);
      const text = shown.map((line) => lineText(line).replace(/^\s*\d*\s+/, '')).join(' ');
      expect(text.replace(/\s+/g, ' ').trim(), paragraph).toBe(paragraph.replace(/\s+/g, ' '));
      expect([...textTones(shown)], paragraph).toEqual([chrome.has(i) ? 'dim' : 'plain']);
    });
    expect(lineText(lines[paragraphStarts[0]!]!)).toMatch(/^\s*1 {2}Share$/);
  });

  it('still shows a search hit in chrome as a match', () => {
    const byline = page.paragraphs.indexOf('By Mira Lenz');
    expect(page.chrome).toContain(byline);
    const { lines, paragraphStarts } = layoutReader(page, 80, new Map([[byline, [[3, 7]]]]));
    const shown = paragraphLines(lines, paragraphStarts, byline).flat();
    expect(shown.filter((s) => s.tone === 'match').map((s) => s.text)).toEqual(['Mira']);
    expect(shown.filter((s) => s.tone === 'dim').map((s) => s.text)).toEqual(['By ', ' Lenz']);
  });

  it('shows a version without chrome all plain', () => {
    const plainPage = versions.find((v) => v.id === 'plain-wire')!;
    expect(plainPage.chrome ?? []).toEqual([]);
    const { lines, paragraphStarts } = layoutReader(plainPage, 80);
    const body = lines.slice(paragraphStarts[0]);
    expect([...textTones(body)]).toEqual(['plain']);
  });
});
