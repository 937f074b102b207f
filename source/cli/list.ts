import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import type { Corpus, Version } from '../corpus/types.js';
import { printJson, type Output } from './output.js';

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
    title: version.title,
    date: version.date,
    outlet: version.outlet,
    url: version.url,
    author: version.author,
    words: version.words,
    paragraphs: version.paragraphs.length,
  };
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

export function runList(corpus: Corpus, out: Output, json: boolean): void {
  if (json) {
    printJson(out, corpus.versions.map(summarize));
    return;
  }
  const { style } = out;
  const idWidth = Math.max(2, ...corpus.versions.map((v) => stringWidth(v.id)));
  const wordsWidth = Math.max(5, ...corpus.versions.map((v) => String(v.words).length));
  const header = `${pad('ID', idWidth)}  ${pad('DATE', 10)}  ${'WORDS'.padStart(wordsWidth)}  TITLE`;
  out.write(style.bold(header) + '\n');
  const titleWidth = Math.max(10, out.width - idWidth - 10 - wordsWidth - 6);
  for (const version of corpus.versions) {
    const title = out.isTTY ? cliTruncate(version.title, titleWidth) : version.title;
    out.write(
      `${style.cyan(pad(version.id, idWidth))}  ${pad(version.date ?? '—', 10)}  ${String(version.words).padStart(wordsWidth)}  ${title}\n`,
    );
  }
}
