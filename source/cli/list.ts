import type { LoadWarning, Version } from '../corpus/types.js';
import { finishCorpus, placeCorpus, readVersions, type LoadOptions } from '../corpus/load.js';
import { glyphs } from '../render/glyphs.js';
import { columns, lineText, padLine, seg, truncateLine, type Line } from '../render/line.js';
import { shortLabels } from '../corpus/labels.js';
import { wholeTitle } from './title.js';
import { serialize, type Output } from './output.js';

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

/** A version as `list` shows it: its summary, and its title as cut for a screen row. */
export interface ListedVersion extends VersionSummary {
  readonly screenTitle: string;
}

export function listed(version: Version): ListedVersion {
  return { ...summarize(version), screenTitle: version.title };
}

/**
 * The versions as a table: each version's name (its outlet, or its short id: see shortLabels),
 * date, words and title; titles cut to fit a terminal, whole in a pipe.
 */
export function listLines(
  versions: readonly ListedVersion[],
  out: Pick<Output, 'width' | 'isTTY'>,
): Line[] {
  const labels = shortLabels(versions);
  const name = (v: ListedVersion): string => labels.get(v.id) ?? v.id;
  let idWidth = 7;
  let wordsWidth = 5;
  for (const version of versions) {
    idWidth = Math.max(idWidth, columns(name(version)));
    wordsWidth = Math.max(wordsWidth, String(version.words).length);
  }
  const pad = (text: string, width: number): string => lineText(padLine([seg(text)], width));
  const header = `${pad('VERSION', idWidth)}  ${pad('DATE', 10)}  ${'WORDS'.padStart(wordsWidth)}  TITLE`;
  const lines: Line[] = [[seg(header, 'heading')]];
  const titleWidth = Math.max(10, out.width - idWidth - 10 - wordsWidth - 6);
  for (const version of versions) {
    const title = out.isTTY
      ? truncateLine([seg(version.screenTitle)], titleWidth)
      : [seg(version.title)];
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

/**
 * List the corpus as it is read, version by version, keeping only what the list shows: a corpus
 * of 100,000 versions is never in memory whole. JSON goes out as each version is read; the table
 * waits for the last, to size its columns. Warnings go to `warn`, after the list.
 */
export function runList(
  load: LoadOptions,
  out: Output,
  json: boolean,
  warn: (warnings: readonly LoadWarning[]) => void,
): void {
  const rows: ListedVersion[] = [];
  let count = 0;
  const place = placeCorpus(load);
  const warnings = readVersions(place, (version) => {
    if (json) {
      const { screenTitle: _screenTitle, ...summary } = listed(version);
      const text = JSON.stringify(summary, null, 2).replaceAll('\n', '\n  ');
      out.write(`${count === 0 ? '[\n' : ',\n'}  ${text}`);
    } else {
      rows.push(listed(version));
    }
    count++;
  });
  if (count === 0) finishCorpus(place, { versions: [], warnings });
  if (json) out.write('\n]\n');
  else out.write(serialize(listLines(rows, out), out));
  warn(warnings);
}
