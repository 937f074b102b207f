import React, { useEffect, useState } from 'react';
import { useApp } from 'ink';
import { findLinksOnThread, LinksAsLoaded } from '../corpus/group-thread.js';
import { loaderScript, type CorpusFeed } from '../corpus/stream.js';
import type { BlockBuilder, BlockTexts } from '../search/index.js';
import { startIndexer, type Indexer } from '../search/indexer.js';
import { App, type AppProps } from './app.js';
import type { FindLinks } from './hooks/use-stories.js';

export interface FeedAppProps extends Omit<
  AppProps,
  'corpus' | 'loading' | 'indexBlocks' | 'findLinks'
> {
  readonly feed: CorpusFeed;
}

/**
 * For a corpus that streams in, a thread that indexes it for search as it comes; none for one
 * read at once, or when run from source.
 */
function useIndexer(feed: CorpusFeed): BlockBuilder | null {
  // Started at the first block sent to it (see THREAD_FROM in use-search-index.ts), and ended once
  // the index is whole (its release), or with the reader.
  const [build] = useState(() => {
    const script = feed.progress === null ? null : loaderScript();
    if (!script) return null;
    let started: Indexer | null = null;
    const build = (texts: BlockTexts) => (started ??= startIndexer(script)).build(texts);
    const release = (): void => {
      started?.close();
      started = null;
    };
    return Object.assign(build, { release });
  });
  useEffect(() => () => build?.release(), [build]);
  return build;
}

/**
 * Corpora of this many versions or more compare story grouping's samples on a thread (while they
 * load, those expected to: a record file's size is estimated from how much of it is read): below
 * it, the comparing takes well under a second between keys, and a thread would cost more memory
 * (a V8 heap of its own, 14 MB at 10,000 versions) than it saves time.
 */
const GROUP_THREAD_FROM = 20_000;

/**
 * For a large corpus that streams in, a thread to compare story grouping's samples on, sent them
 * as the corpus loads (LinksAsLoaded); none for a smaller one, one read at once, or when run from
 * source.
 */
function useLinkFinder(feed: CorpusFeed): FindLinks | null {
  const [finder] = useState(() => {
    const script = feed.progress === null ? null : loaderScript();
    if (!script) return null;
    const asLoaded = new LinksAsLoaded(feed, script, GROUP_THREAD_FROM);
    const find: FindLinks = (versions, samples) =>
      asLoaded.linksOf(versions) ??
      (versions.length >= GROUP_THREAD_FROM
        ? findLinksOnThread(script, versions.length, (i) => samples.of(versions[i]!)!)
        : null);
    return { asLoaded, find };
  });
  useEffect(() => {
    if (!finder) return;
    const stop = feed.subscribe(() => finder.asLoaded.follow());
    finder.asLoaded.follow();
    return () => {
      stop();
      finder.asLoaded.close();
    };
  }, [feed, finder]);
  return finder?.find ?? null;
}

/**
 * The reader over a corpus that streams in: it draws what has loaded, with a count of the rest,
 * and quits if loading fails, so that the failure is said once the terminal is restored.
 */
export function FeedApp({ feed, ...props }: FeedAppProps) {
  const { exit } = useApp();
  const indexer = useIndexer(feed);
  const findLinks = useLinkFinder(feed);
  const [seen, setSeen] = useState(() => ({ corpus: feed.corpus, progress: feed.progress }));
  useEffect(() => {
    const hear = (): void => {
      if (feed.failure) exit();
      else {
        const { corpus, progress } = feed;
        // Nothing new (as when the first render already showed all there is): no new render.
        setSeen((shown) =>
          shown.corpus === corpus && shown.progress === progress ? shown : { corpus, progress },
        );
      }
    };
    const stop = feed.subscribe(hear);
    // Whatever changed between the first render and now.
    hear();
    return stop;
  }, [feed, exit]);
  return (
    <App
      {...props}
      corpus={seen.corpus}
      loading={seen.progress}
      loaded={feed.loaded}
      indexBlocks={indexer}
      findLinks={findLinks}
    />
  );
}
