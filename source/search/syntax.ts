/**
 * fzf's extended search syntax, read from a typed query:
 *
 * | token     | matches passages that                         |
 * | --------- | --------------------------------------------- |
 * | `word`    | hold the word, typos tolerated (fuzzy)        |
 * | `'word`   | hold the word exactly                         |
 * | `^word`   | start with the word                           |
 * | `word$`   | end with the word                             |
 * | `^text$`  | are exactly the text                          |
 * | `!word`   | do not hold the word (also `!^word`, `!word$`) |
 * | `a \| b`  | hold a or b                                   |
 *
 * Tokens apart are all wanted (AND), and `|` binds tighter than the space, as in fzf: `a b | c`
 * means a AND (b OR c). A backslash keeps a space in a token (`rafah\ crossing`).
 */
import { normalizeQuery } from '../text/fold.js';

export type TermKind = 'fuzzy' | 'exact' | 'prefix' | 'suffix' | 'equal';

export interface Term {
  readonly kind: TermKind;
  /** The term's text, normalized as queries are (folded, single spaces). */
  readonly text: string;
  /** Whether passages must NOT match it. */
  readonly negated: boolean;
}

/** Alternatives, one of which a passage must satisfy. */
export type Clause = readonly Term[];

export interface ExtendedQuery {
  /** Every clause must be satisfied. */
  readonly clauses: readonly Clause[];
  /** True when the query is a plain list of fuzzy words, with no operator. */
  readonly plain: boolean;
}

/** Split on spaces, keeping backslash-escaped spaces inside tokens. */
function tokens(query: string): string[] {
  const out: string[] = [];
  for (const token of query.trim().split(/(?<!\\)\s+/)) {
    if (token !== '') out.push(token.replace(/\\(\s)/g, '$1'));
  }
  return out;
}

/** One token as a term, or null when nothing is left of it to match ("!", "'", "^"). */
export function parseTerm(token: string): Term | null {
  let rest = token;
  let negated = false;
  let kind: TermKind = 'fuzzy';
  if (rest.startsWith('!')) {
    negated = true;
    kind = 'exact';
    rest = rest.slice(1);
  }
  if (rest.startsWith("'")) {
    kind = 'exact';
    rest = rest.slice(1);
  } else {
    const prefix = rest.startsWith('^');
    const suffix = rest.length > (prefix ? 1 : 0) + 1 && rest.endsWith('$');
    if (prefix) rest = rest.slice(1);
    if (suffix) rest = rest.slice(0, -1);
    if (prefix && suffix) kind = 'equal';
    else if (prefix) kind = 'prefix';
    else if (suffix) kind = 'suffix';
  }
  const text = normalizeQuery(rest);
  return text === '' ? null : { kind, text, negated };
}

export function parseExtended(query: string): ExtendedQuery {
  const clauses: Term[][] = [];
  let joinNext = false;
  let operators = false;
  for (const token of tokens(query)) {
    if (token === '|') {
      // A bar joins the next token to the clause before it; a bar with nothing before is ignored.
      joinNext = clauses.length > 0;
      operators = true;
      continue;
    }
    const term = parseTerm(token);
    if (!term) continue;
    if (term.kind !== 'fuzzy' || term.negated) operators = true;
    if (joinNext) clauses[clauses.length - 1]!.push(term);
    else clauses.push([term]);
    joinNext = false;
  }
  return { clauses, plain: !operators };
}
