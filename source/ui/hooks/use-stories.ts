import { useEffect, useState } from 'react';
import type { LinkSearch } from '../../corpus/group-thread.js';
import { StoryGrouper, type StoryMap, type TakenSamples } from '../../corpus/stories.js';
import { loadedSample, loadedSampleSize } from '../../corpus/taken.js';
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
 * of the samples the loader threads took are gathered a slice at a time (a hundred thousand
 * lookups take 30 ms), and the samples compared on a thread where `findLinks` offers one, else
 * here; either way this thread finishes the grouping between keys.
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
    const sizes = new Int32Array(versions.length);
    let gathered = 0;
    let missing = false;
    const gather = (deadline: number): boolean => {
      for (; gathered < versions.length; gathered++) {
        const size = loadedSampleSize(versions[gathered]!);
        if (size === undefined) {
          missing = true;
          break;
        }
        sizes[gathered] = size;
        if (gathered % 1024 === 1023 && performance.now() >= deadline) {
          gathered++;
          return false;
        }
      }
      const samples: TakenSamples | undefined = missing ? undefined : { sizes, of: loadedSample };
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
