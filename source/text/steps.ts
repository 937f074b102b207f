/**
 * Work written as a generator of steps, which yields now and then so that a reader can do it
 * between keys (see ui/background.ts), and returns its result.
 */

/** Run steps to the end, all at once, and return what they return. */
export function finishSteps<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}
