/** Run a generator of steps to the end; returns its result and how many times it yielded. */
export function runSteps<T>(steps: Generator<void, T>): { value: T; yields: number } {
  let yields = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { value: step.value, yields };
    yields++;
  }
}
