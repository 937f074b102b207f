import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../source/corpus/load.js';
import { lowerKeyFlag, raiseKeyFlag } from '../../source/corpus/give-way.js';
import {
  expectedVersions,
  Inbox,
  openCorpus,
  type CorpusFeed,
  type StreamOptions,
} from '../../source/corpus/stream.js';
import { shingleSampleOf } from '../../source/corpus/stories.js';
import { loadedSample, takePassageHashes } from '../../source/corpus/taken.js';
import { passageHashes } from '../../source/text/walk.js';
import type { Corpus } from '../../source/corpus/types.js';
import { userError } from '../helpers/errors.js';
import { scratchFolders, writeUnder } from './scratch.js';

const fresh = scratchFolders('gaza-reader-stream-');

/** The bundled worker script (`npm test` builds it first). */
const LOADER = new URL('../../dist/load-worker.js', import.meta.url);

/** A folder of `count` versions, one of them empty and one binary, which are skipped. */
function folder(count: number): string {
  const dir = fresh();
  for (let i = 0; i < count; i++) {
    const name = `${String(i).padStart(3, '0')}.txt`;
    writeUnder(
      dir,
      i < 10 ? name : `more/${name}`,
      `Story ${i} headline\n\nVersion ${i} says ${i}.\n`,
    );
  }
  writeUnder(dir, '005a.txt', '');
  writeUnder(dir, '005b.txt', new Uint8Array([0, 1, 2, 0, 0, 3]));
  return dir;
}

/**
 * A corpus's versions as plain fields, their paragraphs among them: a version from a loader
 * thread reads its paragraphs out of its batch when asked (corpus/taken.ts), rather than hold
 * them as a field of its own.
 */
function fieldsOf(corpus: Corpus | null): unknown {
  return (
    corpus && {
      ...corpus,
      versions: corpus.versions.map((v) => ({ ...v, paragraphs: v.paragraphs })),
    }
  );
}

/** Every change a feed publishes, until it is whole or has failed. */
async function follow(
  feed: CorpusFeed,
): Promise<{ loaded: number[]; totals: (number | null)[]; corpus: Corpus | null }> {
  const loaded: number[] = [];
  const totals: (number | null)[] = [];
  feed.subscribe(() => {
    if (feed.progress) loaded.push(feed.progress.loaded);
    if (feed.progress) totals.push(feed.progress.total);
  });
  const corpus = await feed.finished;
  return { loaded, totals, corpus };
}

const MODES: [string, StreamOptions][] = [
  ['on this thread', { workers: 0 }],
  ['on two worker threads', { workers: 2, loader: LOADER }],
];

describe.each(MODES)('a large folder streams in %s', (_mode, mode) => {
  const options: StreamOptions = { ...mode, smallFiles: 10, chunkFiles: 4, publishMs: 1 };

  it.skipIf(mode.loader !== undefined && !existsSync(LOADER))(
    'to the corpus loadCorpus reads, in its order, with its warnings',
    async () => {
      const dir = folder(40);
      const feed = openCorpus({ dir }, options);
      // The reader opens on this: nothing loaded yet. The folder is crowded (13 entries of its
      // own), so it is listed while the reader opens: then the count of text files is known.
      expect(feed.corpus.versions).toEqual([]);
      expect(feed.progress).toEqual({ loaded: 0, total: null, fraction: 0 });
      const { loaded, totals, corpus } = await follow(feed);
      expect(totals.at(-1)).toBe(42);
      expect(fieldsOf(corpus)).toEqual(fieldsOf(loadCorpus({ dir })));
      // Loader threads take each version's sample for story grouping; this thread takes none.
      expect(corpus!.versions.map(loadedSample)).toEqual(
        corpus!.versions.map((v) => (mode.loader ? shingleSampleOf(v.paragraphs) : undefined)),
      );
      // And the hashes the search index looks their passages up by, which it takes once; then
      // they are let go.
      expect(corpus!.versions.map(takePassageHashes)).toEqual(
        corpus!.versions.map((v) => (mode.loader ? passageHashes(v.paragraphs) : undefined)),
      );
      expect(corpus!.versions.map(takePassageHashes)).toEqual(
        corpus!.versions.map(() => undefined),
      );
      // Versions from a loader thread have their body again (it is not a field of their own).
      for (const version of corpus!.versions) {
        expect(version.body).toBe(version.paragraphs.join('\n\n'));
      }
      expect(corpus!.warnings.map((w) => w.message)).toEqual([
        'skipped 005a.txt: it is empty',
        'skipped 005b.txt: it looks like a binary file, not text',
      ]);
      expect(feed.progress).toBeNull();
      // It was heard growing, never shrinking.
      expect(loaded.length).toBeGreaterThan(0);
      expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
      expect(Math.max(...loaded)).toBeLessThanOrEqual(40);
    },
  );
});

describe.each(MODES)('a tree of many small folders streams in %s', (_mode, mode) => {
  it.skipIf(mode.loader !== undefined && !existsSync(LOADER))(
    'listed first, so that the count is known at once',
    async () => {
      const dir = fresh();
      for (let i = 0; i < 30; i++) {
        writeUnder(dir, `day${i % 3}/${String(i).padStart(2, '0')}.md`, `Words of ${i}.\n`);
      }
      const feed = openCorpus({ dir }, { ...mode, smallFiles: 10, chunkFiles: 4, publishMs: 1 });
      expect(feed.progress).toEqual({ loaded: 0, total: 30, fraction: 0 });
      const { corpus } = await follow(feed);
      expect(fieldsOf(corpus)).toEqual(fieldsOf(loadCorpus({ dir })));
    },
  );
});

describe.each(MODES)('a large record file streams in %s', (_mode, mode) => {
  const options: StreamOptions = { ...mode, smallBytes: 0, publishMs: 1 };
  const skip = mode.loader !== undefined && !existsSync(LOADER);

  it.skipIf(skip)('to the corpus loadCorpus reads', async () => {
    const dir = fresh();
    const lines = Array.from({ length: 450 }, (_, i) =>
      i === 7
        ? '{not json'
        : JSON.stringify({ id: `v${i % 300}`, text: `Version ${i} says ${i}.` }),
    );
    const path = writeUnder(dir, 'archive.jsonl', lines.join('\n') + '\n');
    const feed = openCorpus({ dir: path }, options);
    expect(feed.progress).toEqual({ loaded: 0, total: null, fraction: 0 });
    const { corpus } = await follow(feed);
    const whole = loadCorpus({ dir: path });
    expect(fieldsOf(corpus)).toEqual(fieldsOf(whole));
    // The loader hashed passages from this thread's seeds, as this thread would.
    expect(corpus!.versions.map(takePassageHashes)).toEqual(
      corpus!.versions.map((v) => (mode.loader ? passageHashes(v.paragraphs) : undefined)),
    );
    expect(corpus!.versions.map((v) => v.body)).toEqual(whole.versions.map((v) => v.body));
    // Ids made unique, and the bad line named, as loadCorpus does.
    expect(whole.versions.map((v) => v.id)).toContain('v0-2');
    expect(whole.warnings[0]!.message).toMatch(
      /^archive\.jsonl line 8: skipped: it is not valid JSON /,
    );
  });

  it.skipIf(skip)('fails with the error loadCorpus gives, as the feed’s failure', async () => {
    const dir = fresh();
    const path = writeUnder(dir, 'archive.csv', 'id,body\n1,Some words here.\n');
    const feed = openCorpus({ dir: path }, options);
    const { corpus } = await follow(feed);
    expect(corpus).toBeNull();
    expect(feed.failure?.message).toBe(userError(() => loadCorpus({ dir: path })).message);
  });
});

describe('expectedVersions', () => {
  it('is a folder’s count of files, or an estimate from how much of a record file is read', () => {
    expect(expectedVersions({ loaded: 0, total: 100_000, fraction: 0 })).toBe(100_000);
    expect(expectedVersions({ loaded: 2_000, total: null, fraction: 0.08 })).toBe(25_000);
    // Too early to tell.
    expect(expectedVersions({ loaded: 10, total: null, fraction: 0.002 })).toBeNull();
  });
});

describe('openCorpus', () => {
  it('reads a small corpus at once', () => {
    const feed = openCorpus({ dir: folder(3) });
    expect(feed.progress).toBeNull();
    expect(feed.corpus.versions.map((v) => v.id)).toEqual(['000', '001', '002']);
  });

  it('says at once what is wrong with the path', () => {
    expect(userError(() => openCorpus({ dir: join(fresh(), 'nowhere') })).message).toMatch(
      /^corpus folder not found: /,
    );
  });

  it('stops when closed: no listener hears more', async () => {
    const dir = folder(40);
    const options: StreamOptions = { workers: 0, smallFiles: 10, chunkFiles: 4, publishMs: 1 };
    const closed = openCorpus({ dir }, options);
    let heard = 0;
    closed.subscribe(() => heard++);
    closed.close();
    // Long enough for the same corpus to load whole, beside it.
    expect(await openCorpus({ dir }, options).finished).not.toBeNull();
    expect(heard).toBe(0);
    expect(closed.corpus.versions).toEqual([]);
  });
});

/** The next turn of the event loop, after whatever was queued for this one. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('messages from the loader threads', () => {
  it('are opened one a turn of the event loop, in the order they came', async () => {
    const opened: number[] = [];
    const inbox = new Inbox((message: number) => opened.push(message));
    for (const message of [1, 2, 3]) inbox.add(message);
    // Not as they come: Node hands over a thread's messages all at once.
    expect(opened).toEqual([]);
    await nextTurn();
    expect(opened).toEqual([1]);
    await nextTurn();
    expect(opened).toEqual([1, 2]);
    inbox.add(4);
    await nextTurn();
    await nextTurn();
    expect(opened).toEqual([1, 2, 3, 4]);
    await nextTurn();
    expect(opened).toEqual([1, 2, 3, 4]);
  });

  it('wait one turn while a key is being answered, then go on, key or none', async () => {
    const opened: number[] = [];
    const inbox = new Inbox((message: number) => opened.push(message));
    raiseKeyFlag();
    try {
      inbox.add(1);
      inbox.add(2);
      await nextTurn();
      expect(opened).toEqual([]);
      // The flag still up (a frame that never came): the message is opened all the same.
      await nextTurn();
      expect(opened).toEqual([1]);
      lowerKeyFlag();
      await nextTurn();
      expect(opened).toEqual([1, 2]);
    } finally {
      lowerKeyFlag();
    }
  });

  it('are dropped once closed, those waiting and those that come after', async () => {
    const opened: number[] = [];
    const inbox = new Inbox((message: number) => opened.push(message));
    inbox.add(1);
    inbox.add(2);
    await nextTurn();
    inbox.close();
    // A thread told to end still sends what it had posted.
    inbox.add(3);
    for (let turn = 0; turn < 4; turn++) await nextTurn();
    expect(opened).toEqual([1]);
  });
});
