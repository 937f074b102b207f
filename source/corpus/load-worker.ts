/**
 * A corpus loader on a worker thread (see stream.ts): it reads the text files the main thread
 * hands it, chunk by chunk, or a whole JSON Lines or CSV file, and posts back the versions, so
 * that reading and parsing a large corpus is spread over the cores and never holds up a key.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from './errors.js';
import { loadTextFiles, type Candidate } from './folder.js';
import { loadCsv, loadJsonLines } from './records.js';
import type { LoadWarning, Version } from './types.js';

/** What the main thread asks of a folder loader: one chunk of the folder's text files. */
export interface FilesTask {
  readonly chunk: number;
  readonly dir: string;
  readonly files: readonly Candidate[];
}

/** What a folder loader is started with: it then takes FilesTasks. */
export interface FilesJob {
  readonly role: 'gaza-reader:files';
}

/** What a record-file loader is started with. */
export interface RecordsJob {
  readonly role: 'gaza-reader:records';
  readonly kind: 'jsonl' | 'csv';
  readonly path: string;
}

export type FromLoader =
  | {
      readonly kind: 'chunk';
      readonly chunk: number;
      readonly versions: Version[];
      readonly warnings: LoadWarning[];
    }
  | { readonly kind: 'records'; readonly versions: Version[]; readonly chunks: number }
  | { readonly kind: 'done'; readonly warnings: LoadWarning[] }
  | { readonly kind: 'failed'; readonly message: string; readonly user: boolean };

/** Versions are posted in batches of this many, as a record file is read. */
const BATCH = 200;

/** Read a record file, posting its versions in batches as they are read, then its warnings. */
function loadRecords(job: RecordsJob, post: (message: FromLoader) => void): void {
  let batch: Version[] = [];
  let chunks = 0;
  const flush = (): void => {
    post({ kind: 'records', versions: batch, chunks });
    batch = [];
  };
  const sink = {
    version(version: Version): void {
      batch.push(version);
      if (batch.length >= BATCH) flush();
    },
    chunk(): void {
      chunks++;
    },
  };
  const loaded = job.kind === 'jsonl' ? loadJsonLines(job.path, sink) : loadCsv(job.path, sink);
  flush();
  post({ kind: 'done', warnings: loaded.warnings });
}

function failed(error: unknown): FromLoader {
  return {
    kind: 'failed',
    message: error instanceof Error ? error.message : String(error),
    user: error instanceof UserError,
  };
}

const port = parentPort;
// Only on a thread stream.ts started: a test runner's own worker threads have a parent port too.
const job = (port ? workerData : null) as FilesJob | RecordsJob | null;
if (port && job?.role === 'gaza-reader:records') {
  const post = (message: FromLoader): void => port.postMessage(message);
  try {
    loadRecords(job, post);
  } catch (error) {
    post(failed(error));
  }
} else if (port && job?.role === 'gaza-reader:files') {
  port.on('message', (task: FilesTask) => {
    try {
      // A Buffer path arrives as a plain Uint8Array: fs wants a Buffer.
      const files = task.files.map(({ raw, name }) => ({
        raw: Buffer.from(raw.buffer, raw.byteOffset, raw.length),
        name,
      }));
      const { versions, warnings } = loadTextFiles(task.dir, files);
      port.postMessage({ kind: 'chunk', chunk: task.chunk, versions, warnings } as FromLoader);
    } catch (error) {
      port.postMessage(failed(error));
    }
  });
}
