import type { Version } from '../../corpus/types.js';
import { glyphs } from '../../render/glyphs.js';
import type { SearchHit } from '../../search/types.js';
import { foldForSearch } from '../../text/fold.js';
import type { Ranges, ReaderLayout } from '../layout/reader.js';
import { clamp, scrollBy, type Move } from '../layout/scroll.js';
import type { Context } from './context.js';
import { go, type UiState } from './ui.js';

/**
 * The reader's model: one version, the first line in view, and the search hit last jumped to,
 * with the search's highlights carried over to the version. Pure.
 */

export interface ReaderState {
  readonly versionId: string;
  readonly top: number;
  /** Paragraph of the search hit last jumped to. */
  readonly hitParagraph: number | null;
}

/** Search ranges found in `passage`, carried over to a version whose text may differ slightly. */
export function rangesIn(text: string, passage: string, ranges: Ranges): Ranges {
  if (text === passage) return ranges;
  // The search's own folding keeps lengths, so offsets in folded text are offsets in the text.
  const folded = foldForSearch(text);
  const foldedPassage = foldForSearch(passage);
  const out: [number, number][] = [];
  for (const [start, end] of ranges) {
    const needle = foldedPassage.slice(start, end);
    if (!needle) continue;
    let at = folded.indexOf(needle, Math.max(0, start - 40));
    if (at < 0) at = folded.indexOf(needle);
    if (at >= 0) out.push([at, at + needle.length]);
  }
  return out.sort((x, y) => x[0] - y[0]);
}

/** Search highlights for one version: paragraph index to matched ranges. */
export function highlightsFor(
  version: Version,
  hits: readonly SearchHit[] | null,
): Map<number, Ranges> {
  const map = new Map<number, Ranges>();
  for (const hit of hits ?? []) {
    for (const place of hit.versions) {
      if (place.id !== version.id) continue;
      const text = version.paragraphs[place.paragraph];
      if (text !== undefined) map.set(place.paragraph, rangesIn(text, hit.passage, hit.matches));
    }
  }
  return map;
}

/** The version the reader shows, laid out with the search's highlights. */
function readerLayout(
  state: UiState,
  ctx: Context,
): { reader: ReaderState; version: Version; layout: ReaderLayout } | null {
  const reader = state.reader;
  const version = reader ? ctx.layouts.byId.get(reader.versionId) : undefined;
  if (!reader || !version) return null;
  return { reader, version, layout: ctx.layouts.reader(version, ctx.width, state.search.hits) };
}

/** The top line that shows a paragraph with two lines of context above it. */
function topFor(layout: ReaderLayout, paragraph: number, height: number): number {
  const line = layout.paragraphStarts[paragraph] ?? 0;
  return clamp(line - 2, 0, Math.max(0, layout.lines.length - height));
}

export function openReader(
  state: UiState,
  ctx: Context,
  version: Version,
  paragraph: number | null,
): UiState {
  const layout = ctx.layouts.reader(version, ctx.width, state.search.hits);
  const top = paragraph === null ? 0 : topFor(layout, paragraph, ctx.paneHeight);
  return go(
    { ...state, reader: { versionId: version.id, top, hitParagraph: paragraph } },
    'reader',
  );
}

export function moveReader(state: UiState, ctx: Context, step: Move): UiState {
  const open = readerLayout(state, ctx);
  if (!open) return state;
  const top = scrollBy(open.reader.top, step, ctx.paneHeight, open.layout.lines.length);
  return { ...state, reader: { ...open.reader, top } };
}

/** n and N: the next or previous paragraph with a search hit, wrapping around. */
export function jumpToHit(state: UiState, ctx: Context, direction: 1 | -1): UiState {
  const open = readerLayout(state, ctx);
  if (!open) return state;
  const { reader, version, layout } = open;
  const highlights = ctx.layouts.readerHighlights(version, state.search.hits);
  const paragraphs = [...highlights.keys()].sort((x, y) => x - y);
  if (paragraphs.length === 0) {
    const query = state.search.query;
    return {
      ...state,
      message: query
        ? `no hit for ${glyphs().open}${query}${glyphs().close} in this version`
        : 'no search yet: press / to search',
    };
  }
  const current = reader.hitParagraph;
  let index: number;
  if (current === null) index = direction === 1 ? 0 : paragraphs.length - 1;
  else if (direction === 1) index = paragraphs.findIndex((p) => p > current);
  else index = paragraphs.findLastIndex((p) => p < current);
  let wrapped = false;
  if (index < 0) {
    wrapped = true;
    index = direction === 1 ? 0 : paragraphs.length - 1;
  }
  const paragraph = paragraphs[index]!;
  const where = wrapped ? (direction === 1 ? ', from the top' : ', from the bottom') : '';
  return {
    ...state,
    reader: { ...reader, top: topFor(layout, paragraph, ctx.paneHeight), hitParagraph: paragraph },
    message: `hit ${index + 1} of ${paragraphs.length}${where}`,
  };
}

/** The first line of the passage that holds `line`, as an index into `starts`. */
export function passageAt(starts: readonly number[], line: number): number {
  const index = starts.findLastIndex((start) => start <= line);
  return Math.max(0, index);
}

/** After a resize the text wraps anew: keep the same paragraph at the top. */
export function keepReaderPlace(state: UiState, before: Context, after: Context): UiState {
  const reader = state.reader;
  const version = reader ? after.layouts.byId.get(reader.versionId) : undefined;
  // A reader at its top stays at its top: the headline and metadata above the first paragraph.
  if (!reader || !version || reader.top === 0) return state;
  const old = before.layouts.reader(version, before.width, state.search.hits).paragraphStarts;
  const paragraph = passageAt(old, reader.top);
  const fresh = after.layouts.reader(version, after.width, state.search.hits).paragraphStarts;
  const top = Math.max(0, (fresh[paragraph] ?? 1) - 1);
  return { ...state, reader: { ...reader, top } };
}

export interface ReaderView {
  readonly version: Version;
  readonly layout: ReaderLayout;
  readonly top: number;
  readonly end: number;
}

/** The layout selector: the reader's lines and the window on them. */
export function selectReader(state: UiState, ctx: Context): ReaderView | null {
  const open = readerLayout(state, ctx);
  if (!open) return null;
  const total = open.layout.lines.length;
  const top = clamp(open.reader.top, 0, Math.max(0, total - ctx.paneHeight));
  return {
    version: open.version,
    layout: open.layout,
    top,
    end: Math.min(total, top + ctx.paneHeight),
  };
}
