import { describe, expect, it } from 'vitest';
import { writeFailure } from '../../source/cli/write.js';

/** An error as Node reports a failed write(2). */
function systemError(code: string, words: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${words}, write`), { code, syscall: 'write' });
}

describe('writeFailure', () => {
  it('takes a closed pipe quietly, with exit 0', () => {
    expect(writeFailure(systemError('EPIPE', 'broken pipe'))).toEqual({
      exitCode: 0,
      message: undefined,
    });
  });

  it('says any other error in one line, with exit 1', () => {
    const cases = [
      ['ENOSPC', 'no space left on device'],
      ['EIO', 'i/o error'],
      ['EDQUOT', 'disk quota exceeded'],
      ['EFBIG', 'file too large'],
    ] as const;
    for (const [code, words] of cases) {
      expect(writeFailure(systemError(code, words))).toEqual({
        exitCode: 1,
        message: `gaza-reader: cannot write the output: ${words} (${code})\n`,
      });
    }
  });

  it("names an error without Node's wording by its code, or its first line", () => {
    const bare = Object.assign(new Error('write failed\n    at somewhere'), { code: 'EBADF' });
    expect(writeFailure(bare).message).toBe('gaza-reader: cannot write the output: EBADF\n');
    expect(writeFailure(new Error('stream gone\n    at x')).message).toBe(
      'gaza-reader: cannot write the output: stream gone\n',
    );
  });
});
