/** The Stories list's name column, measured in steps before the frame that shows it. */
import { describe, expect, it } from 'vitest';
import { runSteps as run } from '../../helpers/steps.js';
import { generateVersions } from '../../../bench/generate.js';
import { shortLabels } from '../../../source/corpus/labels.js';
import { groupStories } from '../../../source/corpus/stories.js';
import type { Corpus } from '../../../source/corpus/types.js';
import { lineText, type Line } from '../../../source/render/line.js';
import {
  labelWidthOf,
  labelWidthSteps,
  layoutStories,
  visibleStoryLines,
  type Similarity,
} from '../../../source/ui/layout/stories.js';

describe('the name column', () => {
  const versions = generateVersions({ versions: 10_000, seed: 9 });
  const labels = shortLabels(versions);

  it('is as wide as the longest name, in steps, and measured once', () => {
    const widest = Math.max(3, ...versions.map((v) => (labels.get(v.id) ?? v.id).length));
    const first = run(labelWidthSteps(versions, labels));
    expect(first.value).toBe(widest);
    expect(first.yields).toBeGreaterThan(1);
    // Measured already: at once, without a step.
    expect(run(labelWidthSteps(versions, labels))).toEqual({ value: widest, yields: 0 });
    // Other names for the same versions are measured again: a version without one shows its id.
    const fewer = new Map([...labels].slice(1));
    expect(labelWidthOf(versions, fewer)).toBe(
      Math.max(3, ...versions.map((v) => (fewer.get(v.id) ?? v.id).length)),
    );
  });

  it('is at least three wide', () => {
    expect(labelWidthOf([], new Map())).toBe(3);
  });
});

describe('the lines of the Stories list on screen', () => {
  const versions = generateVersions({ versions: 120, seed: 4 });
  const corpus: Corpus = { dir: '/corpus', bundled: false, versions, warnings: [] };
  const stories = groupStories(versions);
  const labels = shortLabels(versions);
  const rows = layoutStories(corpus, stories, labels, 100);
  const text = (lines: readonly Line[]): string[] => lines.map(lineText);

  it('are the very lines drawn before when the cursor moves, so only changed rows are drawn', () => {
    const figures: Similarity = () => 0.5;
    const first = visibleStoryLines(rows, 0, 20, labels, figures);
    const again = visibleStoryLines(rows, 0, 20, labels, figures);
    again.forEach((line, i) => expect(line).toBe(first[i]));
    // A row further down, one screen lower: the rows both windows show are shared.
    const lower = visibleStoryLines(rows, 5, 20, labels, figures);
    lower.slice(0, 15).forEach((line, i) => expect(line).toBe(first[i + 5]));
  });

  it('are made again where a figure or the names change, and show them', () => {
    const half: Similarity = () => 0.5;
    const before = visibleStoryLines(rows, 0, 20, labels, half);
    const at = rows.versionLines.findIndex((line, v) => line < 20 && rows.closest(v) !== null);
    expect(at).toBeGreaterThanOrEqual(0);
    const changed = rows.versions[at]!;
    const figures: Similarity = (a) => (a === changed ? 0.25 : 0.5);
    const after = visibleStoryLines(rows, 0, 20, labels, figures);
    const row = rows.versionLines[at]!;
    expect(lineText(after[row]!)).toContain('25%');
    expect(lineText(before[row]!)).toContain('50%');
    after.forEach((line, i) => {
      if (i !== row) expect(line).toBe(before[i]);
    });
    // Other names: every line is made again, with them.
    const renamed = new Map([...labels].map(([id, name]) => [id, `x${name}`]));
    const named = visibleStoryLines(rows, 0, 20, renamed, figures);
    expect(text(named)).not.toEqual(text(after));
    expect(text(named).join('\n')).toContain(`x${labels.get(changed.id)}`);
  });
});
