/**
 * Matching a passage against fzf's extended syntax (see syntax.ts). The fuzzy words that stand
 * alone are matched together, as a plain query is, so that "rafah crossing" scores and
 * highlights the same with or without operators around it; every other clause is checked on its
 * own, and scores its best alternative.
 */
import {
  matchPassage,
  matchTerm,
  parseQuery,
  type PassageMatch,
  type Query,
  type TermMatcher,
} from './match.js';
import { dropFragments, mergeRanges, NO_RUNS, toRanges, type Range, type Runs } from './ranges.js';
import type { Clause, ExtendedQuery, Term } from './syntax.js';

/** fuse.js's score for an exact match: what an exact, prefix or suffix term scores. */
const EXACT = 0.001;

export interface ExtendedPlan {
  /** The fuzzy words that stand alone, as one plain query; null when there are none. */
  readonly core: Query | null;
  /** Every other clause. */
  readonly clauses: readonly Clause[];
}

export function planExtended(query: ExtendedQuery): ExtendedPlan {
  const words: string[] = [];
  const clauses: Clause[] = [];
  for (const clause of query.clauses) {
    const only = clause.length === 1 ? clause[0]! : null;
    if (only && only.kind === 'fuzzy' && !only.negated) words.push(only.text);
    else clauses.push(clause);
  }
  return { core: words.length > 0 ? parseQuery(words.join(' ')) : null, clauses };
}

/** Where a term stands in folded text, as runs (see ranges.ts); null when it does not. */
function find(
  term: Term,
  folded: string,
  match: TermMatcher,
): { score: number; runs: Runs } | null {
  const { kind, text } = term;
  if (kind === 'fuzzy') {
    const result = match(text, folded);
    return result.isMatch
      ? { score: result.score, runs: dropFragments(result.runs ?? NO_RUNS, text.length) }
      : null;
  }
  const start = folded.length - folded.trimStart().length;
  const end = folded.trimEnd().length;
  let at = -1;
  if (kind === 'exact') at = folded.indexOf(text);
  else if (kind === 'prefix') at = folded.startsWith(text, start) ? start : -1;
  else if (kind === 'suffix') at = folded.endsWith(text, end) ? end - text.length : -1;
  else at = folded.slice(start, end) === text ? start : -1;
  return at < 0 ? null : { score: EXACT, runs: Int32Array.of(at, at + text.length - 1) };
}

/**
 * Match folded passage text against a planned extended query; `original` reads it as written
 * (see matchPassage). `match` matches each fuzzy word (see matchPassage).
 */
export function matchExtended(
  plan: ExtendedPlan,
  folded: string,
  original: () => string,
  match: TermMatcher = matchTerm,
): PassageMatch | null {
  const scores: number[] = [];
  let core: PassageMatch | null = null;
  if (plan.core) {
    core = matchPassage(plan.core, folded, original, match);
    if (!core) return null;
    scores.push(core.score);
  }
  const bests: Runs[] = [];
  for (const clause of plan.clauses) {
    let best: { score: number; runs: Runs } | null = null;
    let satisfied = false;
    for (const term of clause) {
      const found = find(term, folded, match);
      if (term.negated) {
        if (!found) satisfied = true;
        continue;
      }
      if (found) {
        satisfied = true;
        if (!best || found.score < best.score) best = found;
      }
    }
    if (!satisfied) return null;
    if (best) {
      scores.push(best.score);
      bests.push(best.runs);
    }
  }
  const score = scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : EXACT;
  let matches: Range[] | undefined;
  return {
    score,
    // Made when first read, as matchPassage's are: most candidates are never shown.
    get matches(): Range[] {
      return (matches ??= mergeRanges([
        ...(core?.matches ?? []),
        ...(bests.length > 0 ? toRanges(original(), bests) : []),
      ]));
    },
  };
}

/** The positive terms a passage could be found by, to pick candidates: null when none must be. */
export function candidateTerms(plan: ExtendedPlan): readonly Term[] | null {
  // The clause with the fewest alternatives, all positive, narrows the candidates best.
  let chosen: Clause | null = null;
  for (const clause of plan.clauses) {
    if (clause.some((term) => term.negated)) continue;
    if (!chosen || clause.length < chosen.length) chosen = clause;
  }
  return chosen;
}
