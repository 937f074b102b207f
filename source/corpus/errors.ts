/**
 * An error the user can fix: bad flags, a missing folder, an unknown version. The CLI prints its
 * message on one line and exits with code 2, without a stack trace.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  readonly exitCode = 2;
}
