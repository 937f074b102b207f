import { describe, expect, it } from 'vitest';
import { versionFromText } from '../../source/corpus/load.js';
import { findVersion } from '../../source/corpus/resolve.js';
import type { Corpus } from '../../source/corpus/types.js';
import { userError } from '../helpers/errors.js';

function corpusOf(...files: string[]): Corpus {
  return {
    dir: '/corpus',
    bundled: false,
    versions: files.map((file) => versionFromText(file, `/corpus/${file}`, 'Body text.')),
    warnings: [],
  };
}

const corpus = corpusOf('000_aaa.txt', '001_bbb.txt', '010_ccc.md', 'notes.md');

describe('findVersion', () => {
  it('finds a version by its id', () => {
    expect(findVersion(corpus, '001_bbb').file).toBe('001_bbb.txt');
  });

  it('finds a version by its file name', () => {
    expect(findVersion(corpus, '010_ccc.md').id).toBe('010_ccc');
  });

  it('finds a version by a unique prefix of its id', () => {
    expect(findVersion(corpus, '000').id).toBe('000_aaa');
    expect(findVersion(corpus, '01').id).toBe('010_ccc');
    expect(findVersion(corpus, 'n').id).toBe('notes');
  });

  it('prefers an exact id over a longer id it is a prefix of', () => {
    const c = corpusOf('a.txt', 'ab.txt');
    expect(findVersion(c, 'a').file).toBe('a.txt');
  });

  it('rejects an ambiguous prefix and lists what it could be', () => {
    const error = userError(() => findVersion(corpus, '00'));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('version "00" is ambiguous: it could be 000_aaa, 001_bbb');
  });

  it('rejects an unknown name and lists the candidates', () => {
    const error = userError(() => findVersion(corpus, '999'));
    expect(error.message).toBe(
      'no version "999" in the corpus; try one of: 000_aaa, 001_bbb, 010_ccc, notes',
    );
  });

  it('lists at most eight candidates and says how many there are', () => {
    const many = corpusOf(
      ...Array.from({ length: 12 }, (_, i) => `v${String(i).padStart(2, '0')}.txt`),
    );
    const message = userError(() => findVersion(many, 'x')).message;
    expect(message).toContain('v00, v01, v02, v03, v04, v05, v06, v07, … (12 in all)');
    expect(message).not.toContain('v08');
    expect(userError(() => findVersion(many, 'v')).message).toContain('(12 in all)');
  });

  it('rejects an empty name instead of calling it ambiguous', () => {
    expect(userError(() => findVersion(corpus, '')).message).toMatch(
      /^a version name cannot be empty; try one of: 000_aaa/,
    );
  });

  it('shows a hostile name inert and on one line', () => {
    const message = userError(() => findVersion(corpus, '\x1b]0;pwned\x07\nfake')).message;
    expect(message).toBe(
      'no version "^[]0;pwned^G^Jfake" in the corpus; try one of: 000_aaa, 001_bbb, 010_ccc, notes',
    );
  });
});
