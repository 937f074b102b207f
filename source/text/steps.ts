/**
 * Work written as a generator of steps, which yields now and then so that a reader can do it
 * between keys (see ui/background.ts), and returns its result.
 */

/**
 * Run steps to the end, all at once, and return what they return; `between`, if given, is called
 * between two steps (on a worker thread, to give way to the reader's: see corpus/give-way.ts).
 */
export function finishSteps<T>(steps: Generator<unknown, T>, between?: () => void): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    between?.();
  }
}
