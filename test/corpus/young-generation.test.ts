/** The reader's young generation, kept small while a large corpus streams in. */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { CAP_BYTES, THREAD_SEMI_SPACE_MB } from '../../source/corpus/young-generation.js';

const MODULE = new URL('../../source/corpus/young-generation.ts', import.meta.url).href;

/** What `program` prints, run as a module in a Node of its own: V8's flags are the process's. */
function inFreshNode(program: string, nodeFlags: readonly string[] = []): string {
  const run = spawnSync(
    process.execPath,
    [...nodeFlags, '--import', 'tsx', '--input-type=module', '--eval', program],
    { encoding: 'utf8' },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

/**
 * The largest the young generation grows in a fresh Node while objects pile up that all live on
 * (as a corpus's do), with the cap or without. Two threads start meanwhile (each start makes V8
 * enforce its flags' least values anew): one through startThread, one not. In a process of its
 * own: V8's flags are the process's.
 */
function largestYoungGeneration(capped: boolean, liftAt = Infinity): number {
  const program = `
    const { capYoungGeneration, liftYoungGenerationCap, startThread, youngGenerationBytes } = await import(${JSON.stringify(MODULE)});
    const { once } = await import('node:events');
    const { Worker } = await import('node:worker_threads');
    if (${capped}) capYoungGeneration();
    const kept = [];
    let largest = 0;
    for (let i = 0; i < 1_500_000; i++) {
      if (i === ${liftAt}) liftYoungGenerationCap();
      kept.push({ number: i, text: 'passage ' + i });
      if (i === 500_000 || i === 1_000_000) {
        const script = new URL('data:text/javascript,');
        const thread = i === 500_000 ? startThread(script, {}) : new Worker(script);
        await once(thread, 'online');
        await thread.terminate();
      }
      if (i % 5_000 === 0) {
        largest = Math.max(largest, youngGenerationBytes());
        // A turn of the event loop, as the reader takes between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    console.log(largest);
  `;
  return Number(inFreshNode(program).trim());
}

describe('the young generation while a corpus streams in', () => {
  it('grows no further than the cap, whatever threads start; without it, far further', () => {
    const capped = largestYoungGeneration(true);
    const free = largestYoungGeneration(false);
    // A doubling or two past the cap at most: V8 may grow it after a thread starts, before the
    // next collection or the thread's start sets the cap again.
    expect(capped).toBeGreaterThanOrEqual(CAP_BYTES);
    expect(capped).toBeLessThanOrEqual(4 * CAP_BYTES);
    expect(free).toBeGreaterThan(4 * CAP_BYTES);
  }, 60_000);

  it('grows again once the cap is lifted', () => {
    // Lifted after both threads started: each start made V8 enforce its flags anew.
    expect(largestYoungGeneration(true, 1_100_000)).toBeGreaterThan(4 * CAP_BYTES);
  }, 60_000);

  it('scavenges without helpers while capped, and with them again once lifted', () => {
    // V8's trace of each collection says how long its helpers worked on a scavenge's parallel
    // phase; the program says where the cap was set and lifted (tsx's thread collects before).
    const program = `
      const { capYoungGeneration, liftYoungGenerationCap } = await import(${JSON.stringify(MODULE)});
      capYoungGeneration();
      console.log('CAPPED');
      let kept = [];
      const pile = () => {
        for (let i = 0; i < 400_000; i++) {
          kept.push({ number: i, text: 'passage ' + i });
          if (kept.length > 100_000) kept = [];
        }
      };
      pile();
      liftYoungGenerationCap();
      console.log('LIFTED');
      pile();
    `;
    const [capped, lifted] = inFreshNode(program, ['--trace-gc-nvp'])
      .split('CAPPED')[1]!
      .split('LIFTED')
      .map((part) =>
        [...part.matchAll(/gc=s .*?background\.scavenge\.parallel=([\d.]+)/g)].map((m) =>
          Number(m[1]),
        ),
      );
    expect(capped!.length).toBeGreaterThan(2);
    expect(capped!.every((helped) => helped === 0)).toBe(true);
    // Helpers need a core of their own to get to work before the reader's thread is done.
    if (availableParallelism() > 1) expect(lifted!.some((helped) => helped > 0)).toBe(true);
  }, 60_000);

  it('gives the threads it starts young generations of their own size, the cap or not', () => {
    // Once the cap holds, a thread started through startThread, then one started without it.
    const program = `
      const { capYoungGeneration, startThread, youngGenerationBytes, CAP_BYTES } = await import(${JSON.stringify(MODULE)});
      const { once } = await import('node:events');
      const { Worker } = await import('node:worker_threads');
      capYoungGeneration();
      const kept = [];
      while (youngGenerationBytes() < CAP_BYTES) kept.push({ text: 'passage ' + kept.length });
      const script = new URL('data:text/javascript,' + encodeURIComponent(\`
        import { getHeapSpaceStatistics } from 'node:v8';
        import { parentPort } from 'node:worker_threads';
        let kept = [];
        for (let i = 0; i < 300000; i++) { kept.push({ i }); if (kept.length > 20000) kept = []; }
        parentPort.postMessage(getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);
      \`));
      const sizes = [];
      for (const start of [() => startThread(script, {}), () => new Worker(script)]) {
        const thread = start();
        const [size] = await once(thread, 'message');
        sizes.push(size);
        await thread.terminate();
      }
      console.log(JSON.stringify({ sizes, reader: youngGenerationBytes() }));
    `;
    const { sizes, reader } = JSON.parse(inFreshNode(program)) as {
      sizes: number[];
      reader: number;
    };
    const halves = 2 * THREAD_SEMI_SPACE_MB * 1024 * 1024;
    // Both: V8's flag holds for every thread made after the first was started so.
    expect(sizes).toEqual([halves, halves]);
    // The reader's own stays capped.
    expect(reader).toBeLessThanOrEqual(4 * CAP_BYTES);
  }, 60_000);
});
