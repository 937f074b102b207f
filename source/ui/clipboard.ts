/**
 * Copy with citation: the passage a reader is looking at, with where it comes from (outlet, date,
 * URL, paragraph), sent to the terminal's clipboard by OSC 52 (`ESC ] 52 ; c ; <base64> BEL`).
 *
 * OSC 52 travels in the terminal's own output stream, so it works over SSH. tmux passes it on to
 * the outer terminal only with `set -g set-clipboard on` (its default, `external`, ignores what
 * programs send); GNU screen does not pass it on. We do not wrap the sequence for tmux's
 * passthrough (`ESC P tmux; …`): that needs `allow-passthrough on` as well, and sent outside
 * tmux it would be shown as garbage. No terminal says whether it took the text, so the status line
 * says what was sent, not that it arrived.
 */
import { sanitize } from '../corpus/sanitize.js';
import type { Version } from '../corpus/types.js';
import { paragraphLabel } from '../render/labels.js';
import { currentHits, type Context, type UiState } from './state.js';
import { compareBodyHeight } from './state/compare.js';

/** The OSC 52 sequence that asks the terminal to put `text` on its clipboard. */
export function osc52(text: string): string {
  return `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/**
 * Terminals cap what OSC 52 may carry (hterm and others at about 100,000 bytes of sequence), and
 * drop a longer one whole: copy at most this many characters of a passage.
 */
export const MAX_COPY_CHARS = 60_000;

/**
 * Text fit for a clipboard: no control character but the newline (a tab becomes a space, the
 * rest caret notation or U+FFFD, as sanitize does at load), nor a bidi control.
 */
export function clipboardText(text: string): string {
  return sanitize(text.replace(/\r\n?/g, '\n').replace(/\t/g, ' '));
}

/** A passage and where it stands. */
export interface Passage {
  readonly text: string;
  readonly version: Version;
  /** Paragraph index in the version, from 0. */
  readonly paragraph: number;
}

/**
 * The passage, then its citation on a line of its own:
 * `— Daily Ledger, 2025-12-19, ¶4, https://…` (what the corpus does not state is left out).
 */
export function citation(passage: Passage, name: string): string {
  const { version } = passage;
  const parts = [
    name,
    ...(version.date ? [version.date] : []),
    paragraphLabel(passage.paragraph),
    ...(version.url ? [version.url] : []),
  ];
  let text = passage.text.trim();
  if (text.length > MAX_COPY_CHARS) text = text.slice(0, MAX_COPY_CHARS).trimEnd() + '…';
  return clipboardText(`${text}\n\n— ${parts.join(', ')}`);
}

/** The passage a key copies: the Reader's top paragraph (or the hit jumped to), Compare's
 * current row (B's side; A's for a removed passage), or the selected search hit. */
export function passageToCopy(state: UiState, ctx: Context): Passage | null {
  const { layouts } = ctx;
  if (state.pane === 'reader' && state.reader) {
    const version = layouts.byId.get(state.reader.versionId);
    if (!version || version.paragraphs.length === 0) return null;
    const { lines, paragraphStarts } = layouts.reader(version, ctx.width, state.search.hits);
    const top = Math.max(0, Math.min(state.reader.top, lines.length - ctx.paneHeight));
    const hit = state.reader.hitParagraph;
    const hitStart = hit === null ? undefined : paragraphStarts[hit];
    let paragraph: number;
    if (
      hit !== null &&
      hitStart !== undefined &&
      hitStart >= top &&
      hitStart < top + ctx.paneHeight
    ) {
      paragraph = hit;
    } else {
      // The paragraph on the top line; the next one when the top line is above it or blank.
      const holding = paragraphStarts.findLastIndex((start) => start <= top);
      const blank = (lines[top]?.length ?? 0) === 0;
      paragraph =
        holding < 0 ? 0 : blank ? Math.min(holding + 1, paragraphStarts.length - 1) : holding;
    }
    return { text: version.paragraphs[paragraph] ?? '', version, paragraph };
  }
  if (state.pane === 'compare' && state.compare) {
    const view = layouts.compare(state.compare, ctx.width, state.sideBySide);
    if (!view) return null;
    const { rowStarts, changeRows, lines } = view.layout;
    const body = compareBodyHeight(ctx.paneHeight, view.header.length);
    const top = Math.max(0, Math.min(state.compare.top, lines.length - body));
    const index =
      state.compare.change !== null
        ? changeRows[state.compare.change]
        : Math.max(
            0,
            rowStarts.findLastIndex((start) => start <= top),
          );
    const row = index === undefined ? undefined : view.comparison.rows[index];
    if (!row) return null;
    const side = row.b === null ? 'a' : 'b';
    const hidden = side === 'a' ? 'insert' : 'delete';
    const text = row.spans
      .filter((span) => span.op !== hidden)
      .map((span) => (side === 'a' && span.op === 'equal' ? (span.aText ?? span.text) : span.text))
      .join('');
    return {
      text,
      version: side === 'a' ? view.a : view.b,
      paragraph: (side === 'a' ? row.a : row.b)!,
    };
  }
  if (state.pane === 'search') {
    const hit = currentHits(state.search)?.[state.search.cursor];
    const place = hit?.versions[0];
    const version = place ? layouts.byId.get(place.id) : undefined;
    if (!hit || !place || !version) return null;
    return { text: hit.passage, version, paragraph: place.paragraph };
  }
  return null;
}

/**
 * Copy the current passage with its citation: write its OSC 52 sequence through `send` (the
 * terminal, not Ink), and return the status line's words.
 */
export function copyPassage(
  state: UiState,
  ctx: Context,
  send: (sequence: string) => void,
): string {
  const passage = passageToCopy(state, ctx);
  if (!passage) return 'nothing to copy here: open a version, a comparison or a search hit';
  const name = ctx.layouts.labels.get(passage.version.id) ?? passage.version.id;
  const text = citation(passage, name);
  send(osc52(text));
  return `sent ${paragraphLabel(passage.paragraph)} of ${name} with its citation to the terminal's clipboard (${[...text].length} characters, OSC 52)`;
}

/** Where the reader writes OSC 52 when it is not told: standard output, if it is a terminal. */
export function writeToTerminal(sequence: string): void {
  if (process.stdout.isTTY) process.stdout.write(sequence);
}
