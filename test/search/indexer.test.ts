/** Blocks of the search index built on the indexing thread, as the reader builds them. */
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { generateVersions } from '../../bench/generate.js';
import { buildSearchIndex, growingSearchIndex } from '../../source/search/index.js';
import { serveBlocks, startIndexer } from '../../source/search/indexer.js';
import { packTexts } from '../../source/corpus/packed.js';
import { until } from '../helpers/wait.js';
import { buildTrigramIndex, blockOf } from '../helpers/blocks.js';

// The thread runs the bundle's worker script: `npm test` builds it first.
const SCRIPT = new URL('../../dist/load-worker.js', import.meta.url);
const built = existsSync(SCRIPT);

describe.skipIf(!built)('the indexing thread', () => {
  const indexer = built ? startIndexer(SCRIPT) : null;
  afterAll(() => indexer?.close());
  const versions = generateVersions({ versions: 120, seed: 5 });

  it('builds the block this thread would build', async () => {
    const texts = versions.flatMap((v) => v.paragraphs).slice(0, 500);
    const block = await indexer!.build(blockOf(texts));
    expect(block).toEqual(buildTrigramIndex(texts));
  });

  it('gathers a block sent in parts, in order', async () => {
    const paragraphs = versions.flatMap((v) => v.paragraphs);
    const texts = Array.from(
      { length: 9_000 },
      (_, i) => `${paragraphs[i % paragraphs.length]!} ${i}`,
    );
    expect(await indexer!.build(blockOf(texts))).toEqual(buildTrigramIndex(texts));
  });

  it('takes passages of any characters whole, NUL among them', async () => {
    const texts = ['a\u0000b', 'Türkiye’s “reply”', 'Gaza 😀 \ud800', '', 'café'];
    expect(await indexer!.build(blockOf(texts))).toEqual(buildTrigramIndex(texts));
  });

  it('leaves a block it fails to build to the reader, which builds it itself', async () => {
    let failed = 0;
    const growing = growingSearchIndex({
      // The thread's failure reply, as a block it cannot build would bring.
      build: (texts) =>
        failed++ === 0 ? Promise.reject(new Error('failed')) : indexer!.build(texts),
      firstBlock: 100,
    });
    growing.add(versions);
    growing.finish();
    await until(
      () => (growing.work(50), growing.complete),
      'the whole index',
      () => `${growing.searchedVersions} of ${growing.versions} searched`,
    );
    expect(failed).toBeGreaterThan(0);
    const whole = buildSearchIndex(versions);
    for (const query of ['ceasefire', 'rafah crosing', 'talks in miami']) {
      expect(growing.search(query)).toEqual(whole.search(query));
    }
  });

  it('ends with the reader: what it had not built fails', async () => {
    const other = startIndexer(SCRIPT);
    const pending = other.build(blockOf(versions.flatMap((v) => v.paragraphs)));
    other.close();
    await expect(pending).rejects.toThrow(/closed/);
  });
});

describe("the indexing thread's side", () => {
  it('answers a block it cannot build with why, and goes on building the next', async () => {
    const { port1: thread, port2: reader } = new MessageChannel();
    serveBlocks(thread);
    try {
      // Parts that cannot be read (no texts): the block fails, with the error's words.
      reader.postMessage({ id: 1, texts: null, last: true });
      const [failed] = (await once(reader, 'message')) as [{ id: number; failed: string }];
      expect(failed.id).toBe(1);
      expect(failed.failed).toMatch(/TypeError/);
      // The next block is built as ever.
      const texts = ['Talks in Miami', 'A ceasefire in Gaza'];
      reader.postMessage({ id: 2, texts: packTexts(texts), last: true });
      const [built] = (await once(reader, 'message')) as [{ id: number; block: unknown }];
      expect(built).toEqual({ id: 2, block: buildTrigramIndex(texts) });
    } finally {
      thread.close();
      reader.close();
    }
  });
});
