/**
 * How the program ends on an error: a UserError is one line and exit 2, anything else an internal
 * error with its stack and exit 1. A UserError is known by its name, so that one thrown by a copy
 * of the class in another file of the bundle (dist/first.js and dist/main.js each carry the
 * corpus loader) is told the same.
 */
export function reportFailure(error: unknown): void {
  if (error instanceof Error && error.name === 'UserError') {
    process.stderr.write(`gaza-reader: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`gaza-reader: internal error: ${message}\n`);
  process.exitCode = 1;
}
