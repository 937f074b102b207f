import { describe, expect, it } from 'vitest';
import { parentPidOf, peakRssOf, ptyCommand, shellQuote } from '../../bench/pty.js';
import { parseOnly } from '../../bench/groups.js';
import { corpusStamp } from '../../bench/corpora.js';

describe('the pseudo-terminal command', () => {
  it('quotes words for sh only when they need it', () => {
    expect(shellQuote('/usr/bin/node')).toBe('/usr/bin/node');
    expect(shellQuote('--corpus=/tmp/a-b_c.d')).toBe('--corpus=/tmp/a-b_c.d');
    expect(shellQuote('my corpus')).toBe("'my corpus'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('$(rm -rf ~)')).toBe("'$(rm -rf ~)'");
  });

  it('sizes the terminal, then becomes the program', () => {
    expect(ptyCommand('/n/node', '/d/cli.js', { args: ['--corpus', '/c d'] })).toBe(
      "stty rows 24 cols 80; exec /n/node /d/cli.js --corpus '/c d'",
    );
    expect(ptyCommand('node', 'cli.js', { columns: 120, rows: 40, nodeArgs: ['-e', 'x()'] })).toBe(
      "stty rows 40 cols 120; exec node -e 'x()'",
    );
  });
});

describe('reading /proc', () => {
  it('finds the parent pid after the command name, whatever the name holds', () => {
    expect(parentPidOf('1234 (node) S 99 1234 1234 0 -1 4194560 2000')).toBe(99);
    expect(parentPidOf('77 (a) b) (c) R 5 77 77 0')).toBe(5);
  });

  it('reads the peak resident set in bytes', () => {
    const status = 'Name:\tnode\nVmPeak:\t  900000 kB\nVmHWM:\t  102400 kB\nVmRSS:\t   90000 kB\n';
    expect(peakRssOf(status)).toBe(100 * 1024 * 1024);
    expect(peakRssOf('Name:\tzombie\n')).toBeNull();
  });
});

describe('bench options and cache', () => {
  it('runs every group unless --only names some', () => {
    expect([...parseOnly([])]).toEqual([
      'frames',
      'keys',
      'memory',
      'corpus',
      'compare',
      'output',
      'collate',
      'scale',
    ]);
    expect([...parseOnly(['--only=keys,frames'])]).toEqual(['keys', 'frames']);
    expect(() => parseOnly(['--only=speed'])).toThrow(/unknown group speed/);
  });

  it('stamps a cached corpus with its options and the generator that wrote it', () => {
    const a = corpusStamp({ versions: 100, seed: 42 }, 'generator v1');
    expect(corpusStamp({ versions: 100, seed: 42, words: 500 }, 'generator v1')).toBe(a);
    expect(corpusStamp({ versions: 100, seed: 43 }, 'generator v1')).not.toBe(a);
    expect(corpusStamp({ versions: 100, seed: 42 }, 'generator v2')).not.toBe(a);
  });
});
