import { useEffect, useState } from 'react';
import type { LinkSearch } from '../../corpus/group-thread.js';
import { StoryGrouper, type StoryMap, type TakenSamples } from '../../corpus/stories.js';
import { LoadedSamples } from '../../corpus/taken.js';
import type { Version } from '../../corpus/types.js';
import { inBackground, timeLeft } from '../background.js';

/**
 * Where grouping compares the samples of `versions`, taken by the threads that loaded them: on a
 * thread, or null to compare them here.
 */
export type FindLinks = (versions: readonly Version[], samples: TakenSamples) => LinkSearch | null;

/** The stories of a corpus's versions, once grouped. */
export interface Grouped {
  readonly versions: readonly Version[];
  readonly map: StoryMap;
}

/**
 * Group a corpus into stories in the background (see background.ts), once it is whole, so keys
 * stay answered meanwhile; null until then. Every step is a slice of a few milliseconds: the sizes
 * of the samples the loader threads took are gathered a slice at a time, and the samples compared
 * on a thread where `findLinks` offers one, else here; either way this thread finishes the
 * grouping between keys.
 */
export function useStories(
  versions: readonly Version[],
  whole: boolean,
  findLinks: FindLinks | null,
): Grouped | null {
  const [grouped, setGrouped] = useState<Grouped | null>(null);
  useEffect(() => {
    if (!whole) return;
    const grouper = new StoryGrouper();
    const group = (deadline: number): boolean => {
      if (!grouper.step(timeLeft(deadline))) return false;
      setGrouped({ versions, map: grouper.result() });
      return true;
    };
    let ended = false;
    let search: LinkSearch | null = null;
    let stop = (): void => undefined;
    // Samples taken on the loader threads, if they took them all, spare grouping half its work.
    const loaded = new LoadedSamples(versions);
    const gather = (deadline: number): boolean => {
      if (!loaded.gather(deadline)) return false;
      const samples = loaded.complete ? loaded : undefined;
      grouper.add(versions, samples);
      search = samples && findLinks ? findLinks(versions, samples) : null;
      if (!search) {
        stop = inBackground(group);
        return true;
      }
      // The thread finds which versions overlap; this thread applies what it finds. Should the
      // thread fail, the comparing is done here.
      search.links.then(
        (links) => {
          if (ended) return;
          grouper.useLinks(links);
          stop = inBackground(group);
        },
        () => {
          if (!ended) stop = inBackground(group);
        },
      );
      return true;
    };
    const stopGathering = inBackground(gather);
    return () => {
      ended = true;
      stopGathering();
      stop();
      search?.close();
    };
  }, [versions, whole, findLinks]);
  return grouped;
}
