import { UserError } from '../corpus/errors.js';
import type { Corpus } from '../corpus/types.js';
import type { Flags } from './args.js';
import type { Output } from './output.js';

export function runSearch(_corpus: Corpus, _query: string, _out: Output, _flags: Flags): void {
  throw new UserError('search is not built yet');
}
