import type { Version } from '../corpus/types.js';
import { printJson, wrapText, type Output } from './output.js';
import { summarize } from './list.js';

/** Width of the field-name column ("id", "file", "date", …). */
const NAME_WIDTH = 7;

const plain = (text: string): string => text;

export function runShow(version: Version, out: Output, json: boolean): void {
  if (json) {
    printJson(out, { ...summarize(version), headline: version.headline, text: version.paragraphs });
    return;
  }
  const { style } = out;
  // Each line is styled on its own, so a color never spills past the end of a line.
  const field = (name: string, value: string, paint: (text: string) => string = plain): string =>
    wrapText(value, out.width - NAME_WIDTH)
      .map(
        (line, i) =>
          (i === 0 ? style.dim(name.padEnd(NAME_WIDTH)) : ' '.repeat(NAME_WIDTH)) + paint(line),
      )
      .join('\n') + '\n';
  out.write(wrapText(version.title, out.width).map(style.bold).join('\n') + '\n');
  out.write(field('id', version.id, style.cyan));
  out.write(field('file', version.file));
  out.write(field('date', version.date ?? '—'));
  out.write(field('words', `${version.words} in ${version.paragraphs.length} paragraphs`));
  if (version.headline) out.write(field('head', version.headline));
  for (const paragraph of version.paragraphs) {
    out.write('\n' + wrapText(paragraph, out.width).join('\n') + '\n');
  }
}
