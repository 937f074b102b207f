import { UserError } from '../corpus/errors.js';
import type { Corpus } from '../corpus/types.js';
import type { Flags } from './args.js';
import type { Output } from './output.js';

export function runDiff(
  _corpus: Corpus,
  _a: string,
  _b: string,
  _out: Output,
  _flags: Flags,
): void {
  throw new UserError('diff is not built yet');
}
