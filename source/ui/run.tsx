import React from 'react';
import { render, Text } from 'ink';
import type { Corpus, Version } from '../corpus/types.js';

export interface ReaderOptions {
  readonly pair: readonly [Version, Version] | undefined;
  readonly exact: boolean;
  readonly color: boolean | undefined;
}

export async function runReader(corpus: Corpus, _options: ReaderOptions): Promise<void> {
  const app = render(<Text>{corpus.versions.length} versions</Text>);
  await app.waitUntilExit();
}
