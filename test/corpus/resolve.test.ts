import { describe, expect, it } from 'vitest';
import { NO_FIELDS } from '../../source/corpus/fields.js';
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

  describe('by outlet, by the name it is shown by, and by path', () => {
    const at = (file: string, outlet: string | null, date: string | null = null) =>
      versionFromText(file, `/corpus/${file}`, 'Body text.', { ...NO_FIELDS, outlet, date });
    const outlets: Corpus = {
      dir: '/corpus',
      bundled: false,
      versions: [
        at('a.txt', 'Daily Ledger'),
        at('b.txt', 'Daily Ledger'),
        at('c.txt', 'Morning Post'),
        at('-dash.txt', null),
        at('sub/d.md', null),
      ],
      warnings: [],
    };

    it('finds a version by its outlet, where the outlet has one version', () => {
      expect(findVersion(outlets, 'Morning Post').id).toBe('c');
      expect(findVersion(outlets, 'morning  post').id).toBe('c');
    });

    it('finds a version by the name it is shown by, with or without the middle dot', () => {
      expect(findVersion(outlets, 'Daily Ledger · 2').id).toBe('b');
      expect(findVersion(outlets, 'daily ledger 1').id).toBe('a');
    });

    it('names the versions of an outlet that has several', () => {
      expect(userError(() => findVersion(outlets, 'Daily Ledger')).message).toBe(
        'outlet "Daily Ledger" has 2 versions: name one of Daily Ledger · 1 (a), Daily Ledger · 2 (b)',
      );
    });

    it('finds a version by a path-like name, even one that starts with a dash', () => {
      expect(findVersion(outlets, './-dash.txt').id).toBe('-dash');
      expect(findVersion(outlets, '-dash.txt').id).toBe('-dash');
      expect(findVersion(outlets, './sub/d.md').id).toBe('sub/d');
      expect(findVersion(outlets, 'sub/d').id).toBe('sub/d');
      expect(findVersion(outlets, '/corpus/sub/d.md').id).toBe('sub/d');
      expect(userError(() => findVersion(outlets, './missing.txt')).exitCode).toBe(2);
    });
  });
});
