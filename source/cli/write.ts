/**
 * What the commands do when their output cannot be written.
 *
 * - EPIPE: whoever read the output stopped reading (`gaza-reader list | head`). That is not an
 *   error: exit 0, quietly.
 * - Any other error (ENOSPC on a full disk or `> /dev/full`, EIO, EDQUOT, EFBIG): one line on
 *   standard error, exit 1, no stack trace.
 * - On a terminal, an error means the terminal went away; that is the reader's terminal layer's
 *   to handle (it ends by SIGHUP), so it is passed on unchanged.
 */

/** How the program ends after a failed write: its exit code, and the line to print, if any. */
export interface WriteFailure {
  readonly exitCode: 0 | 1;
  readonly message: string | undefined;
}

/** Node's words for a system error: "ENOSPC: no space left on device, write" → its middle. */
function reason(error: NodeJS.ErrnoException): string {
  const words = /^[A-Z0-9_]+: ([^,\n]+)/.exec(error.message)?.[1];
  if (words !== undefined && error.code !== undefined) return `${words} (${error.code})`;
  return error.code ?? (error.message.split('\n')[0] || 'unknown error');
}

/** What a write error on standard output means for the program. */
export function writeFailure(error: NodeJS.ErrnoException): WriteFailure {
  if (error.code === 'EPIPE') return { exitCode: 0, message: undefined };
  return { exitCode: 1, message: `gaza-reader: cannot write the output: ${reason(error)}\n` };
}

/** Apply the rules above to this process's standard output and standard error. */
export function exitOnWriteErrors(): void {
  const { stdout, stderr } = process;
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (stdout.isTTY) throw error;
    const { exitCode, message } = writeFailure(error);
    if (message !== undefined) {
      try {
        stderr.write(message);
      } catch {
        // Standard error failed too: the exit code is all that is left to tell.
      }
    }
    process.exit(exitCode);
  });
  // A warning that cannot be written is not worth stopping the output for; it sets the exit code.
  stderr.on('error', (error: NodeJS.ErrnoException) => {
    if (stderr.isTTY) throw error;
    const failed = writeFailure(error).exitCode !== 0;
    if (failed && (process.exitCode === undefined || process.exitCode === 0)) process.exitCode = 1;
  });
}
