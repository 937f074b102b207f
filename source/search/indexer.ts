/**
 * Indexing blocks of passages on a worker thread (see GrowingSearchIndex): the reader's thread
 * sends a block's texts, the worker sends back its trigram postings, moved, not copied. Building
 * the index of a large corpus then costs the reader's thread only the reading of its passages.
 */
import type { MessagePort } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';
import type { BlockBuilder } from './index.js';
import { buildTrigramIndex, type TrigramBlock } from './trigrams.js';

/** What the worker is started with. */
export interface IndexJob {
  readonly role: 'gaza-reader:index';
}

/**
 * A block's texts, joined by NUL, which no passage holds (sanitize.ts removes it): one string is
 * copied to the thread at the speed of memory, where tens of thousands of strings cost the
 * reader's thread a structured clone each.
 */
interface BlockRequest {
  readonly id: number;
  readonly texts: string;
  readonly count: number;
}

const SEPARATOR = '\u0000';

type BlockReply =
  | { readonly id: number; readonly block: TrigramBlock }
  | { readonly id: number; readonly failed: string };

/** The worker's side: build each block asked for, in order. */
export function serveBlocks(port: MessagePort): void {
  port.on('message', ({ id, texts, count }: BlockRequest) => {
    try {
      const split = texts.split(SEPARATOR);
      // A passage holding NUL after all: the block is built on the reader's thread instead.
      if (split.length !== count) throw new Error('a passage holds NUL');
      const block = buildTrigramIndex(split);
      const buffers = [block.offsets.buffer, block.postings.buffer] as ArrayBuffer[];
      port.postMessage({ id, block } satisfies BlockReply, buffers);
    } catch (error) {
      port.postMessage({ id, failed: String(error) } satisfies BlockReply);
    }
  });
}

/** A thread that builds blocks; `close` ends it, and what it had not built fails. */
export interface Indexer {
  readonly build: BlockBuilder;
  close(): void;
}

/** Start an indexing thread running `script` (the bundle's worker script). */
export function startIndexer(script: URL): Indexer {
  const worker = new Worker(script, { workerData: { role: 'gaza-reader:index' } as IndexJob });
  // The reader may quit while a block is building: the thread must not keep it running.
  worker.unref();
  const waiting = new Map<
    number,
    { resolve: (block: TrigramBlock) => void; reject: (error: Error) => void }
  >();
  const failAll = (error: Error): void => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  worker.on('message', (reply: BlockReply) => {
    const asked = waiting.get(reply.id);
    waiting.delete(reply.id);
    if ('block' in reply) asked?.resolve(reply.block);
    else asked?.reject(new Error(reply.failed));
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the indexing thread ended')));
  let next = 0;
  return {
    build(texts) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        const joined = texts.join(SEPARATOR);
        worker.postMessage({ id, texts: joined, count: texts.length } satisfies BlockRequest);
      });
    },
    close() {
      failAll(new Error('the indexing thread was closed'));
      void worker.terminate();
    },
  };
}
