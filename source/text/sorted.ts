/** How many values two ascending arrays share, counting repeats (a merge walk, linear time). */
export function sharedSorted(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** Elements put in order between two yields of sortSteps: about a millisecond of work. */
const SORTED_PER_STEP = 4096;

/**
 * `items` sorted by `compare`, stably, as a new array, in steps: it yields now and then, so that
 * sorting a hundred thousand names never holds up a key. Runs of a few thousand are sorted at
 * once, then merged pairwise, a few thousand elements between yields.
 */
export function* sortSteps<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
): Generator<void, T[]> {
  let from: T[] = [];
  for (let start = 0; start < items.length; start += SORTED_PER_STEP) {
    const run = items.slice(start, start + SORTED_PER_STEP).sort(compare);
    for (const item of run) from.push(item);
    yield;
  }
  let to: T[] = new Array<T>(items.length);
  for (let width = SORTED_PER_STEP; width < items.length; width *= 2) {
    let done = 0;
    for (let left = 0; left < items.length; left += 2 * width) {
      const middle = Math.min(left + width, items.length);
      const end = Math.min(left + 2 * width, items.length);
      let i = left;
      let j = middle;
      for (let k = left; k < end; k++) {
        // Ties go to the left run: the sort stays stable.
        if (i < middle && (j >= end || compare(from[j]!, from[i]!) >= 0)) to[k] = from[i++]!;
        else to[k] = from[j++]!;
        if (++done % SORTED_PER_STEP === 0) yield;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}
