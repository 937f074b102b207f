import type { Corpus, Version } from '../corpus/types.js';
import { glyphs } from '../render/glyphs.js';
import { columns, lineText, padLine, seg, truncateLine, type Line } from '../render/line.js';
import { shortLabels } from '../corpus/labels.js';
import { wholeTitle } from './title.js';
import { printJson, serialize, type Output } from './output.js';

export interface VersionSummary {
  readonly id: string;
  readonly file: string;
  readonly title: string;
  readonly date: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly author: string | null;
  readonly words: number;
  readonly paragraphs: number;
}

export function summarize(version: Version): VersionSummary {
  return {
    id: version.id,
    file: version.file,
    title: wholeTitle(version),
    date: version.date,
    outlet: version.outlet,
    url: version.url,
    author: version.author,
    words: version.words,
    paragraphs: version.paragraphs.length,
  };
}

/**
 * The versions as a table: each version's name (its outlet, or its short id: see shortLabels),
 * date, words and title; titles cut to fit a terminal, whole in a pipe.
 */
export function listLines(corpus: Corpus, out: Pick<Output, 'width' | 'isTTY'>): Line[] {
  const labels = shortLabels(corpus.versions);
  const name = (v: Version): string => labels.get(v.id) ?? v.id;
  const idWidth = Math.max(7, ...corpus.versions.map((v) => columns(name(v))));
  const wordsWidth = Math.max(5, ...corpus.versions.map((v) => String(v.words).length));
  const pad = (text: string, width: number): string => lineText(padLine([seg(text)], width));
  const header = `${pad('VERSION', idWidth)}  ${pad('DATE', 10)}  ${'WORDS'.padStart(wordsWidth)}  TITLE`;
  const lines: Line[] = [[seg(header, 'heading')]];
  const titleWidth = Math.max(10, out.width - idWidth - 10 - wordsWidth - 6);
  for (const version of corpus.versions) {
    const title = out.isTTY
      ? truncateLine([seg(version.title)], titleWidth)
      : [seg(wholeTitle(version))];
    lines.push([
      ...padLine([seg(name(version), 'accent')], idWidth, 'accent'),
      seg(
        `  ${pad(version.date ?? glyphs().none, 10)}  ${String(version.words).padStart(wordsWidth)}  `,
      ),
      ...title,
    ]);
  }
  return lines;
}

export function runList(corpus: Corpus, out: Output, json: boolean): void {
  if (json) {
    printJson(out, corpus.versions.map(summarize));
    return;
  }
  out.write(serialize(listLines(corpus, out), out));
}
