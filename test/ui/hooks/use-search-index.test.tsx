/**
 * The search index of a corpus that streams in, and what its completion lets go: the cap on the
 * reader's young generation (source/corpus/young-generation.ts), once the corpus is also grouped.
 */
import React, { useReducer } from 'react';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCorpus } from '../../../source/corpus/load.js';
import type { Version } from '../../../source/corpus/types.js';
import type { BlockBuilder } from '../../../source/search/index.js';
import { useSearchIndex } from '../../../source/ui/hooks/use-search-index.js';
import type * as YoungGeneration from '../../../source/corpus/young-generation.js';
import { buildTrigramIndex, textsOf } from '../../helpers/blocks.js';
import { until } from '../../helpers/wait.js';

// The cap is the whole process's: count the lifts instead.
const lifts = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../../source/corpus/young-generation.js', async (importOriginal) => ({
  ...(await importOriginal<typeof YoungGeneration>()),
  liftYoungGenerationCap: () => {
    lifts.count++;
  },
}));

const seeds = loadCorpus();

/** A builder whose blocks are built when the test says so, as a slow indexing thread's are. */
function heldBuilder() {
  const held: (() => void)[] = [];
  const build: BlockBuilder = (texts) =>
    new Promise((resolve) => held.push(() => resolve(buildTrigramIndex(textsOf(texts)))));
  const release = (): void => {
    for (const done of held.splice(0)) done();
  };
  return { build, held, release };
}

function Probe(props: { versions: readonly Version[]; build: BlockBuilder; settled: boolean }) {
  const [, grew] = useReducer((n: number) => n + 1, 0);
  // Expected to be large: every block goes to the builder.
  const index = useSearchIndex(props.versions, true, props.build, grew, 100_000, props.settled);
  return <Text>{index.complete ? 'complete' : 'growing'}</Text>;
}

let unmount: (() => void) | undefined;
afterEach(() => {
  unmount?.();
  unmount = undefined;
});

function open(build: BlockBuilder, settled: boolean) {
  lifts.count = 0;
  const instance = render(<Probe versions={seeds.versions} build={build} settled={settled} />);
  unmount = () => instance.unmount();
  const frame = (): string => instance.lastFrame() ?? '';
  return { instance, frame };
}

describe('lifting the cap on the young generation', () => {
  it('lifts it when the last block joins, if the corpus is grouped by then', async () => {
    const { build, held, release } = heldBuilder();
    const { frame } = open(build, true);
    await until(() => held.length > 0, 'a block sent to be built', frame);
    expect(frame()).toContain('growing');
    expect(lifts.count).toBe(0);
    release();
    await until(() => frame().includes('complete'), 'the index complete', frame);
    expect(lifts.count).toBe(1);
  });

  it('waits for the grouping when the index is complete first', async () => {
    const { build, held, release } = heldBuilder();
    const { instance, frame } = open(build, false);
    await until(() => held.length > 0, 'a block sent to be built', frame);
    release();
    await until(() => frame().includes('complete'), 'the index complete', frame);
    expect(lifts.count).toBe(0);
    instance.rerender(<Probe versions={seeds.versions} build={build} settled={true} />);
    await until(() => lifts.count > 0, 'the cap lifted', frame);
    expect(lifts.count).toBe(1);
  });
});
