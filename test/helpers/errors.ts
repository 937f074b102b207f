import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../source/corpus/errors.js';

/** The UserError that `fn` throws (anything else it throws, or not throwing, fails the test). */
export function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

/** Whether this process can read a file with mode 000 (it can as root). */
export function readsWithoutPermission(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'gaza-reader-probe-'));
  const probe = join(dir, 'probe.txt');
  writeFileSync(probe, 'x');
  chmodSync(probe, 0o000);
  try {
    readFileSync(probe);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
