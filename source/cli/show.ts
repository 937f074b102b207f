import wrapAnsi from 'wrap-ansi';
import type { Version } from '../corpus/types.js';
import { printJson, type Output } from './output.js';
import { summarize } from './list.js';

export function runShow(version: Version, out: Output, json: boolean): void {
  if (json) {
    printJson(out, { ...summarize(version), headline: version.headline, text: version.paragraphs });
    return;
  }
  const { style } = out;
  const field = (name: string, value: string): string => `${style.dim(name.padEnd(7))}${value}\n`;
  out.write(style.bold(wrapAnsi(version.title, out.width)) + '\n');
  out.write(field('id', style.cyan(version.id)));
  out.write(field('file', version.file));
  out.write(field('date', version.date ?? '—'));
  out.write(field('words', `${version.words} in ${version.paragraphs.length} paragraphs`));
  if (version.headline) out.write(field('head', version.headline));
  for (const paragraph of version.paragraphs) {
    out.write('\n' + wrapAnsi(paragraph, out.width, { hard: true }) + '\n');
  }
}
