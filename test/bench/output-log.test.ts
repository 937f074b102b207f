import { describe, expect, it } from 'vitest';
import { OutputLog } from '../../bench/output-log.js';

describe('the log of what a program wrote to its terminal', () => {
  it('counts bytes, not characters, since a mark', () => {
    const log = new OutputLog();
    log.add(Buffer.from('\u001B[2J'), 0);
    const mark = log.mark(10);
    log.add(Buffer.from('Stories · 000'), 12);
    expect(log.bytesSince(mark)).toBe(Buffer.byteLength('Stories · 000'));
    expect(log.bytesSince(mark)).toBe(14); // "·" is two bytes in UTF-8
    expect(log.textSince(mark)).toBe('Stories · 000');
    expect(log.bytes).toBe(4 + 14);
  });

  it('decodes a character split across two chunks once it is whole', () => {
    const log = new OutputLog();
    const bytes = Buffer.from('a·b');
    log.add(bytes.subarray(0, 2), 1);
    expect(log.text).toBe('a');
    log.add(bytes.subarray(2), 2);
    expect(log.text).toBe('a·b');
    expect(log.bytes).toBe(4);
  });

  it('is quiet once nothing has arrived for the quiet period, counting from the mark', () => {
    const log = new OutputLog();
    const mark = log.mark(100);
    // Nothing yet: the key has had 149 ms, then 150 ms, to produce its first byte.
    expect(log.isQuiet(mark, 249, 150)).toBe(false);
    expect(log.isQuiet(mark, 250, 150)).toBe(true);
    log.add(Buffer.from('x'), 180);
    expect(log.isQuiet(mark, 250, 150)).toBe(false);
    expect(log.isQuiet(mark, 329, 150)).toBe(false);
    expect(log.isQuiet(mark, 330, 150)).toBe(true);
  });

  it('takes an old chunk as no reason to wait once the mark is later', () => {
    const log = new OutputLog();
    log.add(Buffer.from('frame'), 0);
    const mark = log.mark(1000);
    expect(log.lastAt).toBe(0);
    expect(log.isQuiet(mark, 1100, 150)).toBe(false);
    expect(log.isQuiet(mark, 1150, 150)).toBe(true);
  });
});
