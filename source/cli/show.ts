import type { Version } from '../corpus/types.js';
import { glyphs } from '../render/glyphs.js';
import { append, indented, seg, wrapSegments, type Line } from '../render/line.js';
import type { Tone } from '../render/theme.js';
import { printJson, serialize, type Output } from './output.js';
import { summarize } from './list.js';
import { wholeTitle } from './title.js';

/** Width of the field-name column ("id", "file", "date", …). */
const NAME_WIDTH = 7;

/** A version as `show` prints it: the title, its fields, then each paragraph, wrapped. */
export function showLines(version: Version, width: number): Line[] {
  const field = (name: string, value: string, tone: Tone = 'plain'): Line[] =>
    indented(wrapSegments([seg(value, tone)], width - NAME_WIDTH), [
      seg(name.padEnd(NAME_WIDTH), 'dim'),
    ]);
  const lines: Line[] = [
    ...wrapSegments([seg(wholeTitle(version), 'heading')], width),
    ...field('id', version.id, 'accent'),
    ...(version.outlet ? field('outlet', version.outlet) : []),
    ...(version.author ? field('author', version.author) : []),
    ...(version.url ? field('url', version.url) : []),
    ...field('file', version.file),
    ...field('date', version.date ?? glyphs().none),
    ...field('words', `${version.words} in ${version.paragraphs.length} paragraphs`),
  ];
  if (version.headline) lines.push(...field('head', version.headline));
  for (const paragraph of version.paragraphs) {
    lines.push([]);
    append(lines, wrapSegments([seg(paragraph)], width));
  }
  return lines;
}

export function runShow(version: Version, out: Output, json: boolean): void {
  if (json) {
    printJson(out, { ...summarize(version), headline: version.headline, text: version.paragraphs });
    return;
  }
  out.write(serialize(showLines(version, out.width), out));
}
