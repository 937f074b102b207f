/**
 * A corpus loader on a worker thread (see stream.ts): it reads the text files the main thread
 * hands it, chunk by chunk, or a whole JSON Lines or CSV file, and posts back the versions, so
 * that reading and parsing a large corpus is spread over the cores and never holds up a key.
 * The same script indexes blocks of passages for search (search/indexer.ts) and compares the
 * samples of story grouping (group-thread.ts).
 */
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from './errors.js';
import { loadTextFiles, textFiles } from './folder.js';
import { loadCsv, loadJsonLines, type RecordSink } from './records.js';
import { serveBlocks, type IndexJob } from '../search/indexer.js';
import { serveLinks, type GroupJob } from './group-thread.js';
import { digestOf, useHashSeeds } from '../text/walk.js';
import { asRead, type VersionFields } from './build.js';
import {
  movedBuffers,
  packParagraphs,
  packRuns,
  runBuffers,
  type PackedParagraphs,
  type PackedRuns,
} from './packed.js';
import type { LoadWarning, Version } from './types.js';
import { giveWay, LOADER_NICENESS, type KeyFlag } from './give-way.js';

/**
 * What the main thread asks of a folder loader: one chunk of the folder's text files, from its
 * list of them (`from` to before `to`).
 */
export interface FilesTask {
  readonly chunk: number;
  readonly from: number;
  readonly to: number;
}

/**
 * What a folder loader is started with. It lists the folder's text files itself, as textFiles
 * does, so that a folder of 100,000 files is never listed on the main thread; it says how many
 * there are, then takes FilesTasks.
 */
export interface FilesJob {
  readonly role: 'gaza-reader:files';
  readonly dir: string;
  /** The reader's seeds for passage hashes (text/walk.ts): the hashes taken here are its. */
  readonly seeds: readonly [number, number];
  /** The reader's key flag, to give way to its thread between files (give-way.ts). */
  readonly keyFlag?: KeyFlag;
}

/** What a record-file loader is started with. */
export interface RecordsJob {
  readonly role: 'gaza-reader:records';
  readonly kind: 'jsonl' | 'csv';
  readonly path: string;
  /** The reader's seeds for passage hashes (text/walk.ts). */
  readonly seeds: readonly [number, number];
  /** The reader's key flag, to give way to its thread between versions (give-way.ts). */
  readonly keyFlag?: KeyFlag;
}

/** Versions a loader read, and what it took of them for story grouping and for search. */
export interface LoadedBatch {
  /**
   * The versions read; from a loader thread without their paragraphs, which come packed (and
   * stay so on the reader's thread: see taken.ts).
   */
  readonly versions: (VersionFields | Omit<VersionFields, 'paragraphs'>)[];
  readonly paragraphs?: PackedParagraphs;
  /** Each version's shingleSampleOf, for story grouping: taken here, off the main thread. */
  readonly samples?: PackedRuns;
  /** Each version's passageHashes, for the search index: taken here too. */
  readonly hashes?: PackedRuns;
}

export type FromLoader =
  | ({
      readonly kind: 'chunk';
      readonly chunk: number;
      readonly warnings: LoadWarning[];
    } & LoadedBatch)
  | { readonly kind: 'listed'; readonly total: number; readonly warnings: LoadWarning[] }
  | ({ readonly kind: 'records'; readonly chunks: number } & LoadedBatch)
  | { readonly kind: 'done'; readonly warnings: LoadWarning[] }
  | { readonly kind: 'failed'; readonly message: string; readonly user: boolean };

/** Send a message to the reader's thread, moving `moved` with it. */
type Post = (message: FromLoader, moved?: ArrayBuffer[]) => void;

/** Versions are posted in batches of this many, as a record file is read. */
const BATCH = 200;

/** Read a record file, posting its versions in batches as they are read, then its warnings. */
function loadRecords(job: RecordsJob, post: Post): void {
  let batch: Version[] = [];
  let chunks = 0;
  const flush = (): void => {
    const { loaded, moved } = batchOf(batch);
    post({ kind: 'records', ...loaded, chunks }, moved);
    batch = [];
  };
  const sink: RecordSink = {
    keep: asRead,
    version(version: Version): void {
      giveWay(job.keyFlag);
      batch.push(version);
      if (batch.length >= BATCH) flush();
    },
    chunk(): void {
      chunks++;
    },
  };
  const warnings = (job.kind === 'jsonl' ? loadJsonLines : loadCsv)(job.path, sink);
  flush();
  post({ kind: 'done', warnings });
}

/**
 * What a loader sends of the versions it read: their fields, their paragraphs packed, their
 * samples and their passages' hashes; and the buffers that move with them rather than be copied.
 */
function batchOf(read: readonly Version[]): { loaded: LoadedBatch; moved: ArrayBuffer[] } {
  // Each version's text is walked once for both (see text/walk.ts).
  const digests = read.map((version) => digestOf(version.paragraphs));
  const samples = packRuns(digests.map((digest) => digest.sample));
  const hashes = packRuns(digests.map((digest) => digest.hashes));
  const { versions, packed } = packParagraphs(read);
  return {
    loaded: { versions, paragraphs: packed, samples, hashes },
    moved: [...movedBuffers(packed), ...runBuffers(samples), ...runBuffers(hashes)],
  };
}

function failed(error: unknown): FromLoader {
  return {
    kind: 'failed',
    message: error instanceof Error ? error.message : String(error),
    user: error instanceof UserError,
  };
}

const port = parentPort;
if (port) {
  try {
    setPriority(0, Math.min(19, getPriority(0) + LOADER_NICENESS));
  } catch {
    // Not allowed here: the loader runs at the reader's priority.
  }
}
const post: Post = (message, moved) => port?.postMessage(message, moved);
// Only on a thread stream.ts started: a test runner's own worker threads have a parent port too.
const job = (port ? workerData : null) as FilesJob | RecordsJob | IndexJob | GroupJob | null;
if (port && job?.role === 'gaza-reader:index') {
  serveBlocks(port, job.keyFlag);
} else if (port && job?.role === 'gaza-reader:group') {
  serveLinks(port, job.keyFlag);
} else if (port && job?.role === 'gaza-reader:records') {
  try {
    useHashSeeds(job.seeds);
    loadRecords(job, post);
  } catch (error) {
    post(failed(error));
  }
} else if (port && job?.role === 'gaza-reader:files') {
  try {
    useHashSeeds(job.seeds);
    const warnings: LoadWarning[] = [];
    const files = textFiles(job.dir, warnings);
    post({ kind: 'listed', total: files.length, warnings });
    port.on('message', ({ chunk, from, to }: FilesTask) => {
      try {
        const { versions, warnings } = loadTextFiles(job.dir, files.slice(from, to), {
          before: () => giveWay(job.keyFlag),
          keep: asRead,
        });
        const { loaded, moved } = batchOf(versions);
        post({ kind: 'chunk', chunk, warnings, ...loaded }, moved);
      } catch (error) {
        post(failed(error));
      }
    });
  } catch (error) {
    post(failed(error));
  }
}
