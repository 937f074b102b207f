/**
 * Story grouping's comparison of samples on a thread of its own (see StoryGrouper.useLinks): the
 * reader's thread packs versions' samples into buffers, moved to the thread, not copied; the
 * thread finds the pairs of versions that overlap (linksOf), the longest part of grouping a large
 * corpus, and moves them back. The reader's thread then only applies them, between keys.
 *
 * For a corpus that streams in (`LinksAsLoaded`), samples go to the thread as versions load, and
 * the thread puts each in its bucket as it comes (SampleHolders): once the last version is in,
 * only the buckets are left to sort, and the pairs to find.
 */
import type { MessagePort, Worker } from 'node:worker_threads';
import { startThread } from './young-generation.js';
import { linksOf, SampleHolders } from './stories.js';
import { giveWay, KeyTurns, readerKeyFlag, type KeyFlag } from './give-way.js';
import { packRuns, runAt, runBuffers, runCount, type PackedRuns } from './packed.js';
import { expectedVersions, type CorpusFeed } from './stream.js';
import { loadedSample } from './taken.js';
import type { Version } from './types.js';

/** What the worker is started with. */
export interface GroupJob {
  readonly role: 'gaza-reader:group';
  /** The reader's key flag, to give way to its thread between steps (give-way.ts). */
  readonly keyFlag?: KeyFlag;
}

/**
 * What the reader sends the thread: the next versions' samples, packed, as often as it likes;
 * then the end, once all are sent.
 */
type ToGroupThread =
  { readonly kind: 'samples'; readonly samples: PackedRuns } | { readonly kind: 'end' };

type LinksReply = { readonly links: Int32Array } | { readonly failed: string };

/** Versions whose samples the thread puts in their buckets between two looks at the key flag. */
const GATHERED_PER_STEP = 256;

/** The worker's side: gather the samples it is sent, and find their links at the end, once. */
export function serveLinks(port: MessagePort, keyFlag?: KeyFlag): void {
  const samples: Uint32Array[] = [];
  const holders = new SampleHolders();
  const hear = (message: ToGroupThread): void => {
    try {
      if (message.kind === 'samples') {
        for (let v = 0; v < runCount(message.samples); v++) {
          const sample = runAt(message.samples, v);
          samples.push(sample);
          holders.add(sample);
          // While the corpus loads, the cores are busy: a key on the reader's thread goes first.
          if (v % GATHERED_PER_STEP === GATHERED_PER_STEP - 1) giveWay(keyFlag);
        }
        return;
      }
      port.off('message', hear);
      const links = linksOf(samples, () => giveWay(keyFlag), holders);
      port.postMessage({ links } satisfies LinksReply, [links.buffer as ArrayBuffer]);
    } catch (error) {
      port.off('message', hear);
      port.postMessage({ failed: String(error) } satisfies LinksReply);
    }
  };
  port.on('message', hear);
}

/** Versions whose samples are packed in one turn of the reader's event loop. */
const PACK_PER_TURN = 4096;

/** A search for links under way on a thread; `close` ends it, and `links` then fails. */
export interface LinkSearch {
  readonly links: Promise<Int32Array>;
  close(): void;
}

/**
 * A grouping thread, sent versions' samples a few at a time (`add`), then told all are in (`end`):
 * `links` are then linksOf all the samples sent, in the order sent.
 */
export class GrowingLinkSearch implements LinkSearch {
  readonly links: Promise<Int32Array>;
  readonly #worker: Worker;
  #fail: (error: Error) => void = () => undefined;
  #sent = 0;
  #ended = false;

  constructor(script: URL) {
    this.#worker = startThread(script, {
      workerData: { role: 'gaza-reader:group', keyFlag: readerKeyFlag } satisfies GroupJob,
    });
    // The reader may quit while the thread works: it must not keep the reader running.
    this.#worker.unref();
    this.links = new Promise<Int32Array>((resolve, reject) => {
      this.#fail = reject;
      this.#worker.once('message', (reply: LinksReply) => {
        if ('links' in reply) resolve(reply.links);
        else reject(new Error(reply.failed));
        void this.#worker.terminate();
      });
      this.#worker.once('error', reject);
      this.#worker.once('exit', () => reject(new Error('the grouping thread ended')));
    });
    // A search given up before it ends is not waited for: its failure is nobody's to hear.
    this.links.catch(() => undefined);
  }

  /** Versions whose samples are sent. */
  get versions(): number {
    return this.#sent;
  }

  /** The next versions' samples, packed into one buffer that moves to the thread. */
  add(samples: readonly Uint32Array[]): void {
    if (samples.length === 0) return;
    if (this.#ended) throw new Error('no sample can be sent once the search has ended');
    const packed = packRuns(samples);
    this.#worker.postMessage(
      { kind: 'samples', samples: packed } satisfies ToGroupThread,
      runBuffers(packed),
    );
    this.#sent += samples.length;
  }

  /** Whether `end` was called. */
  get ended(): boolean {
    return this.#ended;
  }

  /** All samples are sent: the thread finds their links. */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#worker.postMessage({ kind: 'end' } satisfies ToGroupThread);
  }

  close(): void {
    this.#fail(new Error('the grouping thread was closed'));
    void this.#worker.terminate();
  }
}

/**
 * Find linksOf the `count` samples `sampleAt` gives on a thread running `script` (the bundle's
 * worker script). The samples are packed a few thousand versions a turn, so that a key never
 * waits for the packing.
 */
export function findLinksOnThread(
  script: URL,
  count: number,
  sampleAt: (i: number) => Uint32Array,
): LinkSearch {
  // Started first, so that the thread starts up while the samples are packed.
  const search = new GrowingLinkSearch(script);
  let timer: NodeJS.Immediate | null = null;
  const pack = (): void => {
    timer = null;
    const samples: Uint32Array[] = [];
    for (let i = search.versions; i < Math.min(count, search.versions + PACK_PER_TURN); i++) {
      samples.push(sampleAt(i));
    }
    search.add(samples);
    if (search.versions < count) timer = setImmediate(pack);
    else search.end();
  };
  // In a turn of its own: the caller's step (which gathered the samples) is long enough.
  timer = setImmediate(pack);
  return {
    links: search.links,
    close() {
      if (timer) clearImmediate(timer);
      search.close();
    },
  };
}

/**
 * Story grouping's comparison for a corpus that streams in, once it is expected to hold `from`
 * versions or more (a folder's count of files; for a record file, an estimate from how much of it
 * is read): each version's sample, as its loader took it, goes to a grouping thread as the
 * version is gathered (a few thousand a turn), so that the thread has them all in their buckets
 * when the last one loads. `follow` at each change of the feed; `linksOf` the whole corpus then
 * gives the search. Should a version come without a sample, the thread fail, or the list of
 * versions change, this gives up (and `linksOf` gives null): grouping then takes what it needs
 * itself.
 */
export class LinksAsLoaded {
  #search: GrowingLinkSearch | null = null;
  /** The list of versions whose samples are sent: the feed's `loaded`, which only grows. */
  #list: readonly Version[] | null = null;
  #timer: NodeJS.Immediate | null = null;
  readonly #turns = new KeyTurns();
  #closed = false;

  constructor(
    private readonly feed: CorpusFeed,
    private readonly script: URL,
    private readonly from: number,
  ) {}

  /** Versions whose samples are sent to the thread. */
  get sent(): number {
    return this.#search?.versions ?? 0;
  }

  /** Send what has loaded since the last call; end the search once the corpus is whole. */
  follow(): void {
    if (this.#closed) return;
    if (this.feed.failure) {
      this.close();
      return;
    }
    if (!this.#search) {
      const { progress } = this.feed;
      const expected = progress ? expectedVersions(progress) : this.feed.loaded.length;
      if (expected === null || expected < this.from) return;
      try {
        this.#search = new GrowingLinkSearch(this.script);
      } catch {
        // No thread to be had: grouping compares the samples itself.
        this.close();
        return;
      }
      this.#search.links.catch(() => this.close());
    }
    this.#timer ??= setImmediate(this.#send);
  }

  readonly #send = (): void => {
    this.#timer = null;
    const search = this.#search;
    if (this.#closed || !search || search.ended) return;
    if (this.#turns.waits()) {
      this.#timer = setImmediate(this.#send);
      return;
    }
    const { loaded } = this.feed;
    this.#list ??= loaded;
    if (loaded !== this.#list) {
      this.close();
      return;
    }
    const end = Math.min(loaded.length, search.versions + PACK_PER_TURN);
    const samples: Uint32Array[] = [];
    for (let v = search.versions; v < end; v++) {
      const sample = loadedSample(loaded[v]!);
      // Read on this thread, without a sample: grouping takes every sample itself.
      if (!sample) {
        this.close();
        return;
      }
      samples.push(sample);
    }
    search.add(samples);
    if (search.versions < loaded.length) this.#timer = setImmediate(this.#send);
    else if (this.feed.progress === null) search.end();
  };

  /**
   * The search for the links of `versions`, if they are the whole corpus followed, every one of
   * them sent or being sent; null otherwise. Closing the search closes this.
   */
  linksOf(versions: readonly Version[]): LinkSearch | null {
    const search = this.#search;
    if (this.#closed || !search || this.feed.progress !== null) return null;
    // The feed's list, and the one samples were sent from (none yet, if the corpus came at once).
    if (versions !== this.feed.loaded || versions !== (this.#list ?? versions)) return null;
    return { links: search.links, close: () => this.close() };
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#timer) clearImmediate(this.#timer);
    this.#timer = null;
    this.#search?.close();
  }
}
