import { describe, expect, it } from 'vitest';
import { seg } from '../../source/render/line.js';
import { toMarkdown } from '../../source/render/markdown.js';

describe('Markdown marks that GitHub reads as marks', () => {
  it('uses delimiters where they delimit: around words, and next to punctuation outside', () => {
    expect(toMarkdown([[seg('a '), seg('old', 'delete'), seg(' word')]])).toBe('a ~~old~~ word\n');
    expect(toMarkdown([[seg('alert('), seg('1', 'delete'), seg(')')]])).toBe('alert(~~1~~)\n');
  });

  it('uses tags for a change inside a word, where ~~ would stay literal', () => {
    // "member~~,~~ Bassem": a run of ~~ between a letter and a comma does not open.
    expect(toMarkdown([[seg('member'), seg(',', 'delete'), seg(' Bassem')]])).toBe(
      'member<del>,</del> Bassem\n',
    );
    expect(toMarkdown([[seg('Tür'), seg('k', 'insert'), seg('iye')]])).toBe('Tür**k**iye\n');
  });

  it('never lets two runs of delimiters touch', () => {
    expect(toMarkdown([[seg('old', 'delete'), seg('new', 'insert')]])).toBe(
      '<del>old</del>**new**\n',
    );
    expect(toMarkdown([[seg('a', 'insert'), seg('b', 'insert')]])).toBe('**ab**\n');
  });

  it('escapes what corpus text would otherwise start or mark', () => {
    expect(toMarkdown([[seg('+ not a list '), seg('*x*', 'insert')]])).toBe(
      '\\+ not a list **\\*x\\***\n',
    );
  });
});
