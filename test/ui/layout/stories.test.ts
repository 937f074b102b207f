/** The Stories list's name column, measured in steps before the frame that shows it. */
import { describe, expect, it } from 'vitest';
import { runSteps as run } from '../../helpers/steps.js';
import { generateVersions } from '../../../bench/generate.js';
import { shortLabels } from '../../../source/corpus/labels.js';
import { labelWidthOf, labelWidthSteps } from '../../../source/ui/layout/stories.js';

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
