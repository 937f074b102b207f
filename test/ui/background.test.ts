/** Background work between keys: jobs take turns, and each turn has one budget for them all. */
import { describe, expect, it } from 'vitest';
import { readerKeyFlag } from '../../source/corpus/give-way.js';
import { giveWayToKey, inBackground } from '../../source/ui/background.js';
import { until } from '../helpers/wait.js';

describe('background work', () => {
  it('gives every job its turn, one budget a turn for them all, until each is done', async () => {
    const runs: string[] = [];
    const deadlines = new Set<number>();
    /** A job that works a few times, each time until its deadline. */
    const job = (name: string, times: number) => (deadline: number) => {
      runs.push(name);
      deadlines.add(deadline);
      while (performance.now() < deadline);
      return runs.filter((r) => r === name).length >= times;
    };
    inBackground(job('a', 3));
    inBackground(job('b', 2));
    await until(
      () => runs.length === 5,
      'both jobs done',
      () => runs.join(' '),
    );
    // Each job spends the whole budget, so each turn runs one job, and they take turns.
    expect(runs).toEqual(['a', 'b', 'a', 'b', 'a']);
    expect(deadlines.size).toBe(5);
    // Done jobs are dropped: nothing more runs.
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toHaveLength(5);
  });

  it('runs quick jobs together in one turn, and never a job that was stopped', async () => {
    const runs: string[] = [];
    const quick = (name: string) => () => (runs.push(name), true);
    const stop = inBackground(() => (runs.push('stopped'), false));
    stop();
    inBackground(quick('x'));
    inBackground(quick('y'));
    await until(
      () => runs.length >= 2,
      'the quick jobs',
      () => runs.join(' '),
    );
    expect(runs).toEqual(['x', 'y']);
  });

  it('gives way to a key: what the key scheduled runs before the next slice of work', async () => {
    const runs: string[] = [];
    let done = false;
    const stop = inBackground(() => {
      runs.push('work');
      return done;
    });
    await until(
      () => runs.length >= 2,
      'work going on',
      () => runs.join(' '),
    );
    // A key comes, and its frame is scheduled: the frame comes before any more work.
    giveWayToKey();
    const from = runs.length;
    setImmediate(() => runs.push('frame'));
    await until(
      () => runs.length >= from + 3,
      'the frame, then more work',
      () => runs.join(' '),
    );
    done = true;
    stop();
    expect(runs.slice(from, from + 2)).toEqual(['frame', 'work']);
  });

  it('asks the other threads to give way until the key is answered, work or none', async () => {
    const during: number[] = [];
    giveWayToKey();
    expect(Atomics.load(readerKeyFlag, 0)).toBe(1);
    // The key's frame, scheduled as the key is read: drawn while the others still wait.
    setImmediate(() => during.push(Atomics.load(readerKeyFlag, 0)));
    await until(
      () => Atomics.load(readerKeyFlag, 0) === 0,
      'the flag lowered',
      () => `frame saw ${during.join(' ')}`,
    );
    expect(during).toEqual([1]);
  });
});
