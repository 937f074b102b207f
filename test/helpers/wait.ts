/**
 * Waiting in tests for what a user would see: a condition checked again and again until it holds,
 * never a fixed wait. A test fails at the deadline, saying what it waited for and what it saw.
 */

export interface WaitOptions {
  /** How long to wait before failing (default 10 s). */
  readonly timeoutMs?: number;
  /**
   * How long between checks: 0 checks after each turn of the event loop (for an app in this
   * process); a few milliseconds suits a child process; more suits a check that runs a program.
   */
  readonly everyMs?: number;
}

/** Resolve with what `ready()` gives once it is neither false nor null; fail at the deadline. */
export async function until<T>(
  ready: () => T | false | null,
  what: string,
  describe: () => string,
  { timeoutMs = 10_000, everyMs = 0 }: WaitOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = ready();
    if (value !== false && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}:\n${describe()}`);
    await new Promise((resolve) =>
      everyMs === 0 ? setImmediate(resolve) : setTimeout(resolve, everyMs),
    );
  }
}
