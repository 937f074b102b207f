import type { Version } from './types.js';

/** Versions whose text overlaps strongly: one wire story, republished by several outlets. */
export interface Story {
  /** The id of the story's first version. */
  readonly id: string;
  /** A title for the story: the title of its earliest (else first) version. */
  readonly title: string;
  readonly versions: readonly Version[];
}

export interface Neighbour {
  readonly id: string;
  /** Estimated text overlap, from 0 to 1. */
  readonly similarity: number;
}

export interface StoryMap {
  readonly stories: readonly Story[];
  /** For each version id, its most similar other version, or null when it has none. */
  readonly closest: ReadonlyMap<string, Neighbour | null>;
  /** Estimated similarity of two versions (0 to 1), for sorting pickers. */
  similarity(a: Version, b: Version): number;
}

export declare function groupStories(versions: readonly Version[]): StoryMap;
