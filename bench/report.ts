/**
 * The benchmark's results, one JSON line each: what was measured, on which corpus, the figures,
 * the target (upper bounds on some of the figures) and whether the figures meet it. Pure.
 */

/** A corpus: a number of generated versions, the bundled seeds, a generated pair of texts, none. */
export type CorpusName = number | 'seeds' | 'generated' | 'none';

/** Upper bounds, by figure: `{ median_ms: 250 }` means the median must be at most 250 ms. */
export type Target = Readonly<Record<string, number>>;

export type Figures = Readonly<Record<string, number | string>>;

export interface Result {
  readonly measure: string;
  readonly corpus: CorpusName;
  readonly figures: Figures;
  readonly target: Target | null;
  readonly ok: boolean;
}

/** The figures that miss the target, in words ("median_ms 262 > 250"); none without a target. */
export function misses(figures: Figures, target: Target | null): string[] {
  if (target === null) return [];
  const out: string[] = [];
  for (const [field, bound] of Object.entries(target)) {
    const value = figures[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) out.push(`${field} missing`);
    else if (value > bound) out.push(`${field} ${value} > ${bound}`);
  }
  return out;
}

export function result(
  measure: string,
  corpus: CorpusName,
  figures: Figures,
  target: Target | null = null,
): Result {
  return { measure, corpus, figures, target, ok: misses(figures, target).length === 0 };
}

/** One line of JSON: measure, corpus, the figures, target, ok, in that order. */
export function formatLine(r: Result): string {
  return JSON.stringify({
    measure: r.measure,
    corpus: r.corpus,
    ...r.figures,
    target: r.target,
    ok: r.ok,
  });
}

export interface Summary {
  readonly measure: 'summary';
  readonly ok: boolean;
  readonly measures: number;
  readonly missed: readonly string[];
  readonly seconds: number;
  readonly [extra: string]: unknown;
}

/** The last line: whether every target was met, and which were not. */
export function summarize(
  results: readonly Result[],
  seconds: number,
  extra: Readonly<Record<string, unknown>> = {},
): Summary {
  const missed = results.flatMap((r) =>
    misses(r.figures, r.target).map((miss) => `${r.measure} (${r.corpus}): ${miss}`),
  );
  return {
    measure: 'summary',
    ok: missed.length === 0,
    measures: results.length,
    missed,
    seconds: Math.round(seconds),
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------
// Statistics

/** The median: the middle value, or the mean of the two middle values. NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Rounded to `digits` decimals. */
export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Median, min and max of some samples, rounded, with a unit suffix on each name. */
export function spread(samples: readonly number[], unit: string, digits = 1): Figures {
  return {
    [`median_${unit}`]: round(median(samples), digits),
    [`min_${unit}`]: round(Math.min(...samples), digits),
    [`max_${unit}`]: round(Math.max(...samples), digits),
    samples: samples.length,
  };
}
