import { useEffect, useState } from 'react';
import { shortLabelSteps, shortLabels } from '../../corpus/labels.js';
import type { Corpus, Version } from '../../corpus/types.js';
import { labelWidthSteps } from '../layout/stories.js';
import { inBackground } from '../background.js';

/** A corpus and the name of each of its versions (see shortLabels). */
export interface NamedCorpus {
  readonly corpus: Corpus;
  readonly labels: ReadonlyMap<string, string>;
}

/** Name the versions, and measure the names for the Stories list, in steps. */
function* nameSteps(versions: readonly Version[]): Generator<void, ReadonlyMap<string, string>> {
  const labels = yield* shortLabelSteps(versions);
  yield* labelWidthSteps(versions, labels);
  return labels;
}

/**
 * The corpus to show, with its versions' names. The first is named at once; a corpus that grows
 * as it loads is named again in the background (see background.ts), and shown once named: at 100,000 versions naming
 * takes a quarter of a second, which no key should wait for. Meanwhile the corpus named last is
 * shown.
 */
export function useNamedCorpus(latest: Corpus): NamedCorpus {
  const [named, setNamed] = useState<NamedCorpus>(() => ({
    corpus: latest,
    labels: shortLabels(latest.versions),
  }));
  useEffect(() => {
    if (named.corpus === latest) return;
    const steps = nameSteps(latest.versions);
    return inBackground((deadline) => {
      for (;;) {
        const next = steps.next();
        if (next.done) {
          setNamed({ corpus: latest, labels: next.value });
          return true;
        }
        if (performance.now() >= deadline) return false;
      }
    });
  }, [latest, named.corpus]);
  return named;
}
