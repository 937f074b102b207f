import { REPLACEMENT, sanitize, sanitizeLine } from '../corpus/sanitize.js';

/** Bidi marks that `sanitize` may let through: LRM, RLM and the Arabic letter mark. */
const MARKS = /[\u200E\u200F\u061C]/g;

/**
 * The last guard before any output: text that cannot drive a terminal or reorder a line. Control
 * characters show in caret notation, C1 controls and bidi controls as U+FFFD, as at load
 * (source/corpus/sanitize.ts); a newline or tab inside a line shows as `^J` or `^I`. Text that
 * was sanitized at load passes unchanged.
 */
export function inert(text: string): string {
  return sanitizeLine(text).replace(MARKS, REPLACEMENT);
}

/** `inert` for text that may still hold newlines and tabs: before wrapping. */
export function inertText(text: string): string {
  return sanitize(text).replace(MARKS, REPLACEMENT);
}
