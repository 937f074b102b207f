import { useEffect, useState } from 'react';
import { shortLabelSteps, shortLabels } from '../../corpus/labels.js';
import type { Corpus } from '../../corpus/types.js';

/** How long naming works between two turns of the event loop, so that keys never wait. */
const SLICE_MS = 8;

/** A corpus and the name of each of its versions (see shortLabels). */
export interface NamedCorpus {
  readonly corpus: Corpus;
  readonly labels: Map<string, string>;
}

/**
 * The corpus to show, with its versions' names. The first is named at once; a corpus that grows
 * as it loads is named again a slice at a time, and shown once named: at 100,000 versions naming
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
    const steps = shortLabelSteps(latest.versions);
    let timer: NodeJS.Immediate | null = setImmediate(function step() {
      const deadline = performance.now() + SLICE_MS;
      for (;;) {
        const next = steps.next();
        if (next.done) {
          timer = null;
          setNamed({ corpus: latest, labels: next.value });
          return;
        }
        if (performance.now() >= deadline) break;
      }
      timer = setImmediate(step);
    });
    return () => {
      if (timer) clearImmediate(timer);
    };
  }, [latest, named.corpus]);
  return named;
}
