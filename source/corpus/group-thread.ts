/**
 * Story grouping's comparison of samples on a thread of its own (see StoryGrouper.useLinks): the
 * reader's thread packs every version's sample into one buffer, moved to the thread, not copied;
 * the thread finds the pairs of versions that overlap (linksOf), the longest part of grouping a
 * large corpus, and moves them back. The reader's thread then only applies them, between keys.
 */
import type { MessagePort } from 'node:worker_threads';
import { startThread } from './young-generation.js';
import { linksOf } from './stories.js';
import { giveWay, readerKeyFlag, type KeyFlag } from './give-way.js';

/** What the worker is started with. */
export interface GroupJob {
  readonly role: 'gaza-reader:group';
  /** The reader's key flag, to give way to its thread between steps (give-way.ts). */
  readonly keyFlag?: KeyFlag;
}

/** Every version's sample end to end, and where each starts (`starts[v]` to `starts[v + 1]`). */
interface PackedSamples {
  readonly values: Uint32Array;
  readonly starts: Int32Array;
}

type LinksReply = { readonly links: Int32Array } | { readonly failed: string };

/** The worker's side: find the links of the samples it is sent, once. */
export function serveLinks(port: MessagePort, keyFlag?: KeyFlag): void {
  port.once('message', ({ values, starts }: PackedSamples) => {
    try {
      const samples: Uint32Array[] = [];
      for (let v = 0; v + 1 < starts.length; v++) {
        samples.push(values.subarray(starts[v]!, starts[v + 1]!));
      }
      const links = linksOf(samples, () => giveWay(keyFlag));
      port.postMessage({ links } satisfies LinksReply, [links.buffer as ArrayBuffer]);
    } catch (error) {
      port.postMessage({ failed: String(error) } satisfies LinksReply);
    }
  });
}

/** Versions whose samples are packed in one turn of the reader's event loop. */
const PACK_PER_TURN = 4096;

/** A search for links under way on a thread; `close` ends it, and `links` then fails. */
export interface LinkSearch {
  readonly links: Promise<Int32Array>;
  close(): void;
}

/**
 * Find linksOf(samples) on a thread running `script` (the bundle's worker script). The samples are
 * packed a few thousand versions a turn, so that a key never waits for the packing.
 */
export function findLinksOnThread(script: URL, samples: readonly Uint32Array[]): LinkSearch {
  let timer: NodeJS.Immediate | null = null;
  let fail: (error: Error) => void = () => undefined;
  // Started first, so that the thread starts up while the samples are packed.
  const worker = startThread(script, {
    workerData: { role: 'gaza-reader:group', keyFlag: readerKeyFlag } satisfies GroupJob,
  });
  // The reader may quit while the thread works: it must not keep the reader running.
  worker.unref();
  const links = new Promise<Int32Array>((resolve, reject) => {
    fail = reject;
    worker.once('message', (reply: LinksReply) => {
      if ('links' in reply) resolve(reply.links);
      else reject(new Error(reply.failed));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('the grouping thread ended')));
    const starts = new Int32Array(samples.length + 1);
    for (let v = 0; v < samples.length; v++) starts[v + 1] = starts[v]! + samples[v]!.length;
    const values = new Uint32Array(starts[samples.length]!);
    let packed = 0;
    const pack = (): void => {
      timer = null;
      const end = Math.min(samples.length, packed + PACK_PER_TURN);
      for (; packed < end; packed++) values.set(samples[packed]!, starts[packed]!);
      if (packed < samples.length) {
        timer = setImmediate(pack);
        return;
      }
      worker.postMessage({ values, starts } satisfies PackedSamples, [
        values.buffer as ArrayBuffer,
        starts.buffer as ArrayBuffer,
      ]);
    };
    // In a turn of its own: the caller's step (which gathered the samples) is long enough.
    timer = setImmediate(pack);
  });
  return {
    links,
    close() {
      if (timer) clearImmediate(timer);
      fail(new Error('the grouping thread was closed'));
      void worker.terminate();
    },
  };
}
