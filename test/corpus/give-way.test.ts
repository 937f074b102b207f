/**
 * Threads give way to the reader's thread while it answers a key: they wait at their next step
 * while the flag is raised, until it is lowered.
 */
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import {
  giveWay,
  KeyTurns,
  lowerKeyFlag,
  lowerOtherThreads,
  makeKeyFlag,
  raiseKeyFlag,
} from '../../source/corpus/give-way.js';
import { finishSteps } from '../../source/text/steps.js';

/** A thread that lowers `flag` as it is told to, as the reader's thread does after a frame. */
async function lowerer(flag: Int32Array): Promise<Worker> {
  const worker = new Worker(
    `const { parentPort, workerData: flag } = require('node:worker_threads');
     parentPort.once('message', () => { Atomics.store(flag, 0, 0); Atomics.notify(flag, 0); });`,
    { eval: true, workerData: flag },
  );
  await once(worker, 'online');
  return worker;
}

describe("the reader's turns of queued work", () => {
  it('wait while a key is answered, never two in a row, and go on once it is', () => {
    const flag = makeKeyFlag();
    const turns = new KeyTurns();
    expect(turns.waits(flag)).toBe(false);
    raiseKeyFlag(flag);
    // A frame that never lowers the flag holds the work up every other turn, no more.
    expect([1, 2, 3, 4].map(() => turns.waits(flag))).toEqual([true, false, true, false]);
    lowerKeyFlag(flag);
    expect([1, 2].map(() => turns.waits(flag))).toEqual([false, false]);
  });
});

describe('giving way to a key', () => {
  it('waits while the flag is raised, until another thread lowers it', async () => {
    const flag = makeKeyFlag();
    raiseKeyFlag(flag);
    const worker = await lowerer(flag);
    try {
      worker.postMessage('lower');
      // Returning at once would find the flag still raised: the other thread lowers it later.
      giveWay(flag, 60_000);
      expect(Atomics.load(flag, 0)).toBe(0);
    } finally {
      await worker.terminate();
    }
  });

  it('raises and lowers the flag, and a lowered flag holds no thread up', () => {
    const flag = makeKeyFlag();
    raiseKeyFlag(flag);
    expect(Atomics.load(flag, 0)).toBe(1);
    lowerKeyFlag(flag);
    expect(Atomics.load(flag, 0)).toBe(0);
    // A lowered flag, or none: steps with giveWay between them all run, in order.
    const done: number[] = [];
    function* steps(): Generator<void, string> {
      for (let i = 0; i < 3; i++) {
        done.push(i);
        yield;
      }
      return 'end';
    }
    const between: number[] = [];
    const result = finishSteps(steps(), () => {
      between.push(done.length);
      giveWay(flag);
      giveWay(undefined);
    });
    expect(result).toBe('end');
    // Called between two steps, after each step but never after the end.
    expect(between).toEqual([1, 2, 3]);
  });
});

/** Each thread of this process and its nice value, from /proc. */
function niceValues(): Map<number, number> {
  const values = new Map<number, number>();
  for (const task of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${task}/stat`, 'utf8');
      // Fields after the command's closing parenthesis: state is the first, nice the 17th.
      values.set(Number(task), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    } catch {
      // Ended meanwhile.
    }
  }
  return values;
}

describe.runIf(process.platform === 'linux')("the reader's thread above the others", () => {
  it("lowers every other thread of the process, V8's among them, and not its own", () => {
    const before = niceValues();
    expect(before.size).toBeGreaterThan(1);
    lowerOtherThreads(2);
    const after = niceValues();
    expect(after.get(process.pid)).toBe(before.get(process.pid));
    for (const [tid, nice] of before) {
      if (tid === process.pid || !after.has(tid)) continue;
      expect(after.get(tid)).toBe(Math.min(19, nice + 2));
    }
  });
});
