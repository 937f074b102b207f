import { useEffect } from 'react';
import type { Collations } from '../state/collations.js';

/** Milliseconds of collating between frames: about one alignment of a 1,000-word version. */
const SLICE_MS = 8;

/**
 * Build the collations asked for a slice at a time, one slice per turn of the event loop, so the
 * screen shows progress and every key is handled between slices. `changed` redraws.
 */
export function useCollationSteps(collations: Collations, changed: () => void): void {
  useEffect(() => {
    if (!collations.busy()) return;
    const handle = setImmediate(() => {
      if (collations.step(SLICE_MS)) changed();
    });
    return () => clearImmediate(handle);
  });
}
