/**
 * A corpus that streams in, as fzf's input does: the reader opens at once on what has loaded,
 * and counts the rest as it comes ("loading 12,345 of 100,000").
 *
 * A small corpus (the seeds, a folder of a few hundred files, a record file of a few megabytes)
 * is read at once, as `loadCorpus` reads it. A larger one is read on worker threads, spread over
 * the cores: the main thread lists a folder's text files and hands them out in chunks, in order,
 * and adds each chunk's versions once every chunk before it is in, so the corpus grows in its
 * own order. A JSON Lines or CSV file is read by one worker, which posts versions as it goes.
 * When the last is in, the corpus is finished as `loadCorpus` finishes it (ids made unique, the
 * same warnings, the same error when nothing could be read).
 */
import { existsSync, opendirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { storedVersion, type VersionFields } from './build.js';
import { UserError } from './errors.js';
import { loadTextFiles, textFiles, type Candidate } from './folder.js';
import { TakenBatch, takenVersion } from './taken.js';
import { hashSeeds } from '../text/walk.js';
import type { FilesJob, FilesTask, FromLoader, LoadedBatch, RecordsJob } from './load-worker.js';
import { finishCorpus, IdRegistry, placeCorpus, readCorpus, type LoadOptions } from './load.js';
import { CHUNK_BYTES } from './read.js';
import { sanitizeLine } from './sanitize.js';
import type { Corpus, LoadWarning, Version } from './types.js';
import { KeyTurns, LOADER_NICENESS, lowerOtherThreads, readerKeyFlag } from './give-way.js';
import { capYoungGeneration, startThread } from './young-generation.js';

/**
 * How often loading's progress is published, at most: each publication draws the reader again,
 * and four counts a second are enough to watch.
 */
const PUBLISH_MS = 250;

/** How far loading has gone. */
export interface LoadProgress {
  /** Versions loaded so far. */
  readonly loaded: number;
  /** Versions there will be, when known (a folder's text files); null for a record file. */
  readonly total: number | null;
  /** How much of the corpus has been read, from 0 to 1. */
  readonly fraction: number;
}

/**
 * How many versions a corpus that is loading will hold: a folder's count of files, else an
 * estimate from how much of the file is read (null before a hundredth of it is).
 */
export function expectedVersions({ loaded, total, fraction }: LoadProgress): number | null {
  if (total !== null) return total;
  return fraction >= 0.01 ? Math.round(loaded / fraction) : null;
}

export interface StreamOptions {
  /** Worker threads to read on: by default one a core, up to four; 0 reads on this thread. */
  readonly workers?: number;
  /** A folder with at most this many text files is read at once (default 500). */
  readonly smallFiles?: number;
  /** A record file of at most this many bytes is read at once (default 4 MB). */
  readonly smallBytes?: number;
  /** Text files in a chunk handed to a worker (default 100). */
  readonly chunkFiles?: number;
  /** How often, at most, loading's progress is published to listeners, in ms (default 250). */
  readonly publishMs?: number;
  /** The worker script (default: load-worker.js beside this module, when it is there). */
  readonly loader?: URL;
}

/** The corpus loaded so far, and how far loading has gone; listeners hear of each change. */
export class CorpusFeed {
  private readonly listeners = new Set<() => void>();
  /** The corpus as loaded so far: a new object at each change. */
  corpus: Corpus;
  /**
   * Every version gathered so far, in corpus order: one array that grows as they load (`corpus`
   * holds a copy taken now and then), and the whole corpus's versions once it is whole; never
   * fewer than `corpus` holds.
   */
  loaded: readonly Version[];
  /** How far loading has gone; null once the corpus is whole. */
  progress: LoadProgress | null;
  /** Why the corpus could not be loaded, once loading has failed. */
  failure: UserError | null = null;
  private stop: () => void = () => undefined;
  private settle: (corpus: Corpus | null) => void = () => undefined;
  /** The whole corpus, or null if loading failed (see `failure`). */
  readonly finished: Promise<Corpus | null>;

  constructor(corpus: Corpus, progress: LoadProgress | null) {
    this.corpus = corpus;
    this.loaded = corpus.versions;
    this.progress = progress;
    this.finished = new Promise((resolve) => {
      this.settle = resolve;
    });
    if (progress === null) this.settle(corpus);
  }

  /** Call `listener` at each change; returns a function that stops it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stop loading (the reader quit): workers end, and no listener hears more. */
  close(): void {
    this.stop();
    this.listeners.clear();
  }

  /** @internal */
  start(stop: () => void): void {
    this.stop = stop;
  }

  /** @internal */
  publish(corpus: Corpus, progress: LoadProgress | null): void {
    this.corpus = corpus;
    this.progress = progress;
    // `loaded` holds every version shown, and more: a feed that keeps no list of its own (one
    // filled by hand) has the corpus's.
    if (progress === null || corpus.versions.length > this.loaded.length) {
      this.loaded = corpus.versions;
    }
    for (const listener of [...this.listeners]) listener();
    if (progress === null) this.end(corpus);
  }

  /** @internal */
  fail(failure: UserError): void {
    this.failure = failure;
    this.progress = null;
    for (const listener of [...this.listeners]) listener();
    this.end(null);
  }

  private end(corpus: Corpus | null): void {
    this.stop();
    this.stop = () => undefined;
    this.settle(corpus);
  }
}

/**
 * The worker script that loads corpora and indexes them for search, beside this module in the
 * bundle; null when run from source (tests).
 */
export function loaderScript(): URL | null {
  const url = new URL('./load-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
}

/** The worker script to read on, and how many threads of it; none reads on this thread. */
function loaders(options: StreamOptions): { script: URL; count: number } | null {
  const script = options.loader ?? loaderScript();
  const count = options.workers ?? Math.max(1, Math.min(4, availableParallelism()));
  return script && count > 0 ? { script, count } : null;
}

/**
 * Open the corpus that `--corpus` names, streaming it in when it is large. What is wrong with the
 * path itself, or with a small corpus, throws a UserError at once; what goes wrong later is the
 * feed's `failure`.
 */
export function openCorpus(load: LoadOptions = {}, options: StreamOptions = {}): CorpusFeed {
  const place = placeCorpus(load);
  if (place.kind === 'folder') {
    const small = options.smallFiles ?? 500;
    // A crowded folder is listed on the workers: 100,000 names take a second to list and sort.
    if (holdsMore(place.dir, small)) return streamFolder(place, options, null);
    const warnings: LoadWarning[] = [];
    const files = textFiles(place.dir, warnings);
    if (files.length > small) return streamFolder(place, options, files.length);
    return new CorpusFeed(readCorpus(place, { files, warnings }), null);
  }
  if (place.size <= (options.smallBytes ?? 4 * 1024 * 1024)) {
    return new CorpusFeed(readCorpus(place), null);
  }
  return streamRecords(place, options);
}

type Place = ReturnType<typeof placeCorpus>;

/** Whether a folder holds more than `count` entries of its own (false if it cannot be read). */
function holdsMore(dir: string, count: number): boolean {
  let folder;
  try {
    folder = opendirSync(dir);
  } catch {
    return false;
  }
  try {
    let seen = 0;
    while (folder.readSync() !== null) if (++seen > count) return true;
    return false;
  } finally {
    folder.closeSync();
  }
}

/**
 * Gathers versions in corpus order, and publishes how far loading has gone now and then, and the
 * growing corpus itself more rarely: each new corpus costs the reader a new list and new labels,
 * so it is published once at first (to fill the screen), then each time it has doubled. All the
 * corpora published along the way cost no more than twice the whole one.
 */
class Gatherer {
  /** The versions so far, their ids made unique as they come. */
  readonly versions: Version[] = [];
  readonly warnings: LoadWarning[];
  private readonly ids = new IdRegistry();
  /** Warnings about ids made unique: they come last, as in loadCorpus. */
  private readonly idWarnings: LoadWarning[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** How many versions the corpus last published had. */
  private snapshotSize = 0;

  constructor(
    private readonly feed: CorpusFeed,
    private readonly place: Place,
    warnings: LoadWarning[],
    private readonly publishMs: number,
  ) {
    this.warnings = warnings;
    feed.loaded = this.versions;
  }

  /**
   * Add versions and their warnings; versions from a loader thread have lost their body, come
   * with their paragraphs packed, and with their samples for story grouping and their passages'
   * hashes for search.
   */
  add(
    { versions, samples, hashes, paragraphs }: LoadedBatch,
    warnings: readonly LoadWarning[],
  ): void {
    for (const warning of warnings) this.warnings.push(warning);
    if (!paragraphs) {
      for (const fields of versions) {
        this.versions.push(this.ids.claim(storedVersion(fields as VersionFields), this.idWarnings));
      }
      return;
    }
    // Kept packed, read out when asked for (see taken.ts).
    const batch = new TakenBatch(paragraphs, samples, hashes);
    versions.forEach((fields, i) => {
      const id = this.ids.claimId(fields, this.idWarnings);
      this.versions.push(takenVersion(id === fields.id ? fields : { ...fields, id }, batch, i));
    });
  }

  /** Publish how far loading has gone, at most every publishMs, and the corpus when it is due. */
  soon(progress: () => LoadProgress): void {
    if (this.timer) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        let corpus = this.feed.corpus;
        const size = this.versions.length;
        if (size > 0 && (this.snapshotSize === 0 || size >= 2 * this.snapshotSize)) {
          const { dir, bundled } = this.place;
          corpus = { dir, bundled, versions: [...this.versions], warnings: this.allWarnings() };
          this.snapshotSize = size;
        }
        this.feed.publish(corpus, progress());
      },
      this.snapshotSize === 0 ? 0 : this.publishMs,
    );
  }

  private allWarnings(): LoadWarning[] {
    return [...this.warnings, ...this.idWarnings];
  }

  /** All is in: finish the corpus as loadCorpus does. */
  finish(): void {
    this.cancel();
    try {
      this.feed.publish(
        finishCorpus(this.place, { versions: this.versions, warnings: this.allWarnings() }),
        null,
      );
    } catch (error) {
      this.fail(error);
    }
  }

  fail(error: unknown): void {
    this.cancel();
    this.feed.fail(
      error instanceof UserError
        ? error
        : new UserError(
            `cannot load ${sanitizeLine(this.place.dir)}: ${error instanceof Error ? error.message : String(error)}`,
          ),
    );
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

function emptyCorpus(place: Place, warnings: LoadWarning[]): Corpus {
  return { dir: place.dir, bundled: place.bundled, versions: [], warnings: [...warnings] };
}

/** A loader's message as an error, or null if it is not one. */
function failureOf(message: FromLoader): UserError | Error | null {
  if (message.kind !== 'failed') return null;
  return message.user ? new UserError(message.message) : new Error(message.message);
}

/**
 * Messages from a loader thread, opened one a turn of the event loop. Node hands over a thread's
 * messages in one go, as many as have come, and goes on with those that come meanwhile: opened
 * as they came (a batch of versions each, 5 to 25 ms here), they kept a key waiting behind four of
 * them, 75 ms, while 100,000 versions loaded. Queued, each is opened in a turn of its own, the
 * terminal is read between two, and a key read has its frame drawn first: while the key flag is
 * raised (give-way.ts), the next message waits a turn.
 * @internal Exported for tests.
 */
export class Inbox<T> {
  readonly #queue: T[] = [];
  #timer: NodeJS.Immediate | null = null;
  readonly #turns = new KeyTurns();
  /** Closed: the feed ended. A thread's messages still come after it is told to end. */
  #closed = false;

  constructor(private readonly open: (message: T) => void) {}

  add(message: T): void {
    if (this.#closed) return;
    this.#queue.push(message);
    this.#timer ??= setImmediate(this.#turn);
  }

  close(): void {
    this.#closed = true;
    if (this.#timer) clearImmediate(this.#timer);
    this.#timer = null;
    this.#queue.length = 0;
  }

  readonly #turn = (): void => {
    this.#timer = null;
    if (this.#turns.waits()) {
      this.#timer = setImmediate(this.#turn);
      return;
    }
    const message = this.#queue.shift();
    if (this.#queue.length > 0) this.#timer = setImmediate(this.#turn);
    if (message !== undefined) this.open(message);
  };
}

/** Stream a folder in; `count` is its number of text files, if it was listed already. */
function streamFolder(place: Place, options: StreamOptions, count: number | null): CorpusFeed {
  const feed = new CorpusFeed(emptyCorpus(place, []), { loaded: 0, total: count, fraction: 0 });
  const gather = new Gatherer(feed, place, [], options.publishMs ?? PUBLISH_MS);
  const size = options.chunkFiles ?? 100;
  // Known once the folder is listed.
  let isListed = false;
  let total = 0;
  let chunks = 0;
  const waiting = new Map<number, LoadedBatch & { readonly warnings: LoadWarning[] }>();
  let next = 0;
  let read = 0;
  const progress = (): LoadProgress => ({
    loaded: gather.versions.length,
    total: isListed ? total : count,
    fraction: total === 0 ? 0 : read / total,
  });
  const range = (chunk: number): FilesTask => ({
    chunk,
    from: chunk * size,
    to: Math.min(total, (chunk + 1) * size),
  });
  /** The folder is listed: its warnings come first, as in loadCorpus. */
  const listed = (count: number, warnings: readonly LoadWarning[]): void => {
    isListed = true;
    total = count;
    chunks = Math.ceil(total / size);
    gather.add({ versions: [] }, warnings);
    if (chunks === 0) gather.finish();
    else gather.soon(progress);
  };
  const arrived = (message: FromLoader): void => {
    const failure = failureOf(message);
    if (failure) {
      gather.fail(failure);
      return;
    }
    if (message.kind !== 'chunk') return;
    waiting.set(message.chunk, message);
    const { from, to } = range(message.chunk);
    read += to - from;
    for (let done = waiting.get(next); done; done = waiting.get(next)) {
      waiting.delete(next);
      gather.add(done, done.warnings);
      next++;
    }
    if (next === chunks) gather.finish();
    else gather.soon(progress);
  };

  let handed = 0;
  const workers = loaders(options);
  if (!workers) {
    // On this thread, a chunk at a time between keys.
    let files: Candidate[] = [];
    let timer: NodeJS.Immediate | null = setImmediate(function step() {
      try {
        if (!isListed) {
          const warnings: LoadWarning[] = [];
          files = textFiles(place.dir, warnings);
          listed(files.length, warnings);
        } else {
          const task = range(handed++);
          const loaded = loadTextFiles(place.dir, files.slice(task.from, task.to));
          arrived({ kind: 'chunk', chunk: task.chunk, ...loaded });
        }
      } catch (error) {
        gather.fail(error);
      }
      timer = handed < chunks && feed.progress !== null ? setImmediate(step) : null;
    });
    feed.start(() => {
      if (timer) clearImmediate(timer);
      gather.cancel();
    });
    return feed;
  }
  const threads: Worker[] = [];
  lowerOtherThreads(LOADER_NICENESS);
  capYoungGeneration();
  const job: FilesJob = {
    role: 'gaza-reader:files',
    dir: place.dir,
    keyFlag: readerKeyFlag,
    seeds: hashSeeds(),
  };
  const give = (worker: Worker): void => {
    if (handed < chunks) worker.postMessage(range(handed++));
  };
  const inbox = new Inbox(arrived);
  for (let i = 0; i < workers.count; i++) {
    const worker = startThread(workers.script, { workerData: job });
    worker.on('message', (message: FromLoader) => {
      if (message.kind === 'listed') {
        // Each worker lists the folder for itself; the first to finish says what it holds.
        if (!isListed) listed(message.total, message.warnings);
        // Some chunks in hand, so that a worker never waits for the next while this thread is
        // busy drawing.
        for (let k = 0; k < 8; k++) give(worker);
        return;
      }
      give(worker);
      inbox.add(message);
    });
    worker.on('error', (error) => gather.fail(error));
    threads.push(worker);
  }
  feed.start(() => {
    inbox.close();
    gather.cancel();
    for (const worker of threads) void worker.terminate();
  });
  return feed;
}

function streamRecords(place: Place, options: StreamOptions): CorpusFeed {
  const feed = new CorpusFeed(emptyCorpus(place, []), { loaded: 0, total: null, fraction: 0 });
  const gather = new Gatherer(feed, place, [], options.publishMs ?? PUBLISH_MS);
  const script = loaders(options)?.script;
  if (!script) {
    // From source: read it whole, between frames.
    const timer = setImmediate(() => {
      try {
        feed.publish(readCorpus(place), null);
      } catch (error) {
        gather.fail(error);
      }
    });
    feed.start(() => clearImmediate(timer));
    return feed;
  }
  let chunks = 0;
  const job: RecordsJob = {
    role: 'gaza-reader:records',
    kind: place.kind === 'csv' ? 'csv' : 'jsonl',
    path: place.dir,
    keyFlag: readerKeyFlag,
    seeds: hashSeeds(),
  };
  lowerOtherThreads(LOADER_NICENESS);
  capYoungGeneration();
  const worker = startThread(script, { workerData: job });
  const inbox = new Inbox((message: FromLoader): void => {
    const failure = failureOf(message);
    if (failure) {
      gather.fail(failure);
    } else if (message.kind === 'records') {
      chunks = message.chunks;
      gather.add(message, []);
      gather.soon(() => ({
        loaded: gather.versions.length,
        total: null,
        fraction: Math.min(1, (chunks * CHUNK_BYTES) / Math.max(1, place.size)),
      }));
    } else if (message.kind === 'done') {
      gather.add({ versions: [] }, message.warnings);
      gather.finish();
    }
  });
  worker.on('message', (message: FromLoader) => inbox.add(message));
  worker.on('error', (error) => gather.fail(error));
  feed.start(() => {
    inbox.close();
    gather.cancel();
    void worker.terminate();
  });
  return feed;
}
