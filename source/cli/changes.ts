/**
 * `gaza-reader changes <word or phrase>`: every version, across the corpus, that inserted or
 * removed it against its story's readings, with the passage and the story. Each story holding the
 * phrase is collated; stories without it are not. Like grep, no change found is exit status 1.
 */
import { glyphs } from '../render/glyphs.js';
import { collate, phraseChanges, type Collation, type PhraseChange } from '../collate/index.js';
import { phraseMatcher } from '../collate/changes.js';
import { UserError } from '../corpus/errors.js';
import { shortLabels } from '../corpus/labels.js';
import { sanitizeLine } from '../corpus/sanitize.js';
import { groupStories, type Story } from '../corpus/stories.js';
import type { Corpus } from '../corpus/types.js';
import { seg, type Line } from '../render/line.js';
import type { Flags } from './args.js';
import { changeLines, wrapped } from '../render/collation.js';
import { plural, printLines } from './collate.js';
import { printJson, type Output } from './output.js';

export interface ChangeJson {
  readonly story: { readonly id: string; readonly title: string };
  readonly version: string;
  readonly change: PhraseChange['change'];
  readonly paragraph: number | null;
  readonly passage: string | null;
  readonly reading: string | null;
}

interface StoryChanges {
  readonly story: Story;
  readonly collation: Collation;
  readonly changes: readonly PhraseChange[];
}

/** The changes to `phrase` in every story of the corpus that has two versions or more. */
export function findChanges(corpus: Corpus, phrase: string, exact = false): StoryChanges[] {
  const count = phraseMatcher(phrase);
  if (!count) {
    throw new UserError(
      'changes needs a word or phrase to look for, e.g. gaza-reader changes genocidal',
    );
  }
  const found: StoryChanges[] = [];
  for (const story of groupStories(corpus.versions).stories) {
    if (story.versions.length < 2) continue;
    if (!story.versions.some((v) => count(v.body) > 0)) continue;
    const collation = collate(story.versions, { exact });
    const changes = phraseChanges(collation, phrase);
    if (changes.length > 0) found.push({ story, collation, changes });
  }
  return found;
}

export function runChanges(
  corpus: Corpus,
  phrase: string,
  out: Output,
  flags: Flags,
  complain: (line: string) => void = (line) => process.stderr.write(line),
): number {
  const found = findChanges(corpus, phrase, flags.exact);
  if (flags.json) {
    printJson(
      out,
      found.flatMap(({ story, changes }) =>
        changes.map((c): ChangeJson => ({
          story: { id: story.id, title: story.title },
          version: c.version,
          change: c.change,
          paragraph: c.paragraph,
          passage: c.passage,
          reading: c.reading,
        })),
      ),
    );
  }
  if (found.length === 0) {
    complain(`gaza-reader: no version inserted or removed "${sanitizeLine(phrase)}"\n`);
    process.exitCode = 1;
    return 1;
  }
  if (!flags.json) {
    printLines(changesLines(corpus, phrase, found, out.width, !out.style.enabled), out);
  }
  return 0;
}

export function changesLines(
  corpus: Corpus,
  phrase: string,
  found: readonly StoryChanges[],
  width: number,
  markers: boolean,
): Line[] {
  const labels = shortLabels(corpus.versions);
  const label = (id: string): string => labels.get(id) ?? id;
  const all = found.flatMap((f) => f.changes);
  const count = (change: PhraseChange['change']): number =>
    new Set(all.filter((c) => c.change === change).map((c) => c.version)).size;
  const lines: Line[] = wrapped(
    [
      seg(`"${sanitizeLine(phrase).replace(/\s+/g, ' ')}"`, 'heading'),
      seg(': inserted by '),
      seg(plural(count('inserted'), 'version'), 'insert'),
      seg(', removed by '),
      seg(plural(count('removed'), 'version'), 'delete'),
      seg(`, in ${plural(found.length, 'story', 'stories')}`),
    ],
    width,
    0,
  );
  for (const { story, collation, changes } of found) {
    lines.push([]);
    lines.push(
      ...wrapped(
        [
          seg('Story ', 'heading'),
          seg(label(story.id), 'accent'),
          seg(
            ` ${glyphs().dot} ${plural(story.versions.length, 'version')} ${glyphs().dot} `,
            'dim',
          ),
          seg(story.title.replace(/\s+/g, ' ')),
        ],
        width,
        0,
      ),
    );
    for (const change of changes)
      lines.push(...changeLines(change, collation, label, width, markers));
  }
  return lines;
}
