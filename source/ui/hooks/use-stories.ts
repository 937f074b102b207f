import { useEffect, useState } from 'react';
import type { LinkSearch } from '../../corpus/group-thread.js';
import { StoryGrouper, type StoryMap } from '../../corpus/stories.js';
import { loadedSample } from '../../corpus/taken.js';
import type { Version } from '../../corpus/types.js';
import { inBackground, timeLeft } from '../background.js';

/**
 * Where grouping compares the samples of `versions` (`samples[i]` is `versions[i]`'s): on a
 * thread, or null to compare them here.
 */
export type FindLinks = (
  versions: readonly Version[],
  samples: readonly Uint32Array[],
) => LinkSearch | null;

/** The stories of a corpus's versions, once grouped. */
export interface Grouped {
  readonly versions: readonly Version[];
  readonly map: StoryMap;
}

/**
 * Group a corpus into stories in the background (see background.ts), once it is whole, so keys
 * stay answered meanwhile; null until then. Every step is a slice of a few milliseconds: the
 * samples the loader threads took are gathered a slice at a time (a hundred thousand lookups take
 * 30 ms), then compared on a thread where `findLinks` offers one, else here; either way this
 * thread finishes the grouping between keys.
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
    const samples: Uint32Array[] = [];
    let missing = false;
    const gather = (deadline: number): boolean => {
      while (samples.length < versions.length) {
        const sample = loadedSample(versions[samples.length]!);
        if (!sample) {
          missing = true;
          break;
        }
        samples.push(sample);
        if (samples.length % 1024 === 0 && performance.now() >= deadline) return false;
      }
      const all = !missing;
      grouper.add(versions, all ? samples : undefined);
      search = all && findLinks ? findLinks(versions, samples) : null;
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
