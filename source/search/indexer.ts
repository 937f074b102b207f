/**
 * Indexing blocks of passages on a worker thread (see GrowingSearchIndex): the reader's thread
 * sends a block's texts, the worker sends back its trigram postings, moved, not copied. Building
 * the index of a large corpus then costs the reader's thread only the reading of its passages.
 */
import type { MessagePort } from 'node:worker_threads';
import { startThread } from '../corpus/young-generation.js';
import type { BlockBuilder } from './index.js';
import { packedIndexSteps, type TrigramBlock } from './trigrams.js';
import { finishSteps } from '../text/steps.js';
import { giveWay, readerKeyFlag, type KeyFlag } from '../corpus/give-way.js';
import { movedBuffers, type PackedTexts } from '../corpus/packed.js';

/** What the worker is started with. */
export interface IndexJob {
  readonly role: 'gaza-reader:index';
  /** The reader's key flag, to give way to its thread between steps (corpus/give-way.ts). */
  readonly keyFlag?: KeyFlag;
}

/**
 * Part of a block's texts, packed (corpus/packed.ts): their characters cross in buffers moved to
 * the thread, where thousands of strings would cost the reader's thread a structured clone each.
 * A block comes in parts, one a turn of the reader's event loop, so that sending 65,536 passages
 * (20 MB) never holds up a key.
 */
interface BlockRequest {
  readonly id: number;
  readonly texts: PackedTexts;
  /** Whether this is the block's last part. */
  readonly last: boolean;
}

/**
 * Passages in one part of a block: some eighty kilobytes of text, packed and moved to the thread
 * in a millisecond or two (4,096 passages of news took 25 ms a part, a key's whole wait; 1,024
 * took 8 to 26 ms while 100,000 versions loaded and the cores were busy).
 */
const PART = 256;

type BlockReply =
  | { readonly id: number; readonly block: TrigramBlock }
  | { readonly id: number; readonly failed: string };

/** The worker's side: gather each block's parts, and build it once the last is in. */
export function serveBlocks(port: MessagePort, keyFlag?: KeyFlag): void {
  const parts = new Map<number, PackedTexts[]>();
  port.on('message', ({ id, texts, last }: BlockRequest) => {
    try {
      let gathered = parts.get(id);
      if (!gathered) parts.set(id, (gathered = []));
      gathered.push(texts);
      if (!last) return;
      parts.delete(id);
      // Read as they came, never made strings. One block after another: the list of a block's
      // trigrams is kept for the next, and let go with the thread, which ends once the index is
      // whole (BlockBuilder's release).
      const block = finishSteps(packedIndexSteps(gathered, true), () => giveWay(keyFlag));
      const buffers = [block.offsets.buffer, block.postings.buffer] as ArrayBuffer[];
      port.postMessage({ id, block } satisfies BlockReply, buffers);
    } catch (error) {
      parts.delete(id);
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
  const worker = startThread(script, {
    workerData: { role: 'gaza-reader:index', keyFlag: readerKeyFlag } satisfies IndexJob,
  });
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
        let from = 0;
        const send = (): void => {
          if (!waiting.has(id)) return; // closed, or failed already
          const to = Math.min(texts.length, from + PART);
          const packed = texts.pack(from, to);
          from = to;
          const last = from >= texts.length;
          const request = { id, texts: packed, last };
          worker.postMessage(request satisfies BlockRequest, movedBuffers(packed));
          if (!last) setImmediate(send);
        };
        send();
      });
    },
    close() {
      failAll(new Error('the indexing thread was closed'));
      void worker.terminate();
    },
  };
}
