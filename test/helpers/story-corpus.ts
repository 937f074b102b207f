import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEEDS } from './run-cli.js';

/**
 * A story of many versions, for the story view: the seed 001's paragraphs, edited the way outlets
 * republish a wire story. Version k swaps a word in one paragraph; every third drops a paragraph,
 * every fourth moves one, every fifth adds one of its own. Written as files to a fresh folder.
 */
export function writeStory(versions: number): string {
  const dir = mkdtempSync(join(tmpdir(), `gaza-story-${versions}-`));
  const seed = readFileSync(join(SEEDS, '001_513221a5f7d2d1b9.txt'), 'utf8');
  const paragraphs = seed
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean)
    .slice(0, 12);
  for (let k = 0; k < versions; k++) {
    const own = [...paragraphs];
    const at = (k * 5) % own.length;
    own[at] = own[at]!.replace(/\bsaid\b/, k % 2 ? 'stated' : 'told reporters');
    if (k % 3 === 1) own.splice((k * 7) % own.length, 1);
    if (k % 4 === 2) own.push(own.shift()!);
    if (k % 5 === 3) own.splice(3, 0, `Outlet ${k} adds a line of its own about the talks.`);
    const title = `Ceasefire talks in Miami, version ${k}`;
    writeFileSync(
      join(dir, `${String(k).padStart(3, '0')}_story.txt`),
      [title, '', ...own].join('\n\n'),
    );
  }
  return dir;
}
