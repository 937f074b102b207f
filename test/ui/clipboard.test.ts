import { describe, expect, it } from 'vitest';
import { versionFromText } from '../../source/corpus/build.js';
import { NO_FIELDS } from '../../source/corpus/fields.js';
import { citation, clipboardText, osc52 } from '../../source/ui/clipboard.js';

describe('OSC 52', () => {
  it('is ESC ] 52 ; c ; base64 of the UTF-8 text, ended by BEL, byte for byte', () => {
    const bytes = Buffer.from(osc52('Türkiye ¶4'), 'utf8');
    expect([...bytes]).toEqual([
      0x1b,
      0x5d,
      ...Buffer.from('52;c;'),
      ...Buffer.from(Buffer.from('Türkiye ¶4', 'utf8').toString('base64')),
      0x07,
    ]);
    expect(osc52('hi')).toBe('\u001B]52;c;aGk=\u0007');
    expect(osc52('')).toBe('\u001B]52;c;\u0007');
  });
});

describe('the copied text', () => {
  it('holds no control character but the newline', () => {
    const text = clipboardText('a\u001B]52;c;aGk=\u0007b\tc\r\nd\u009B\u202Ee');
    expect(text).toBe('a^[]52;c;aGk=^Gb c\nd\uFFFD\uFFFDe');
    expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
  });

  it('cites outlet, date, paragraph and URL, each only when stated', () => {
    const version = versionFromText('ledger.md', '/c/ledger.md', 'The talks went on.\n', {
      ...NO_FIELDS,
      outlet: 'Daily Ledger',
      url: 'https://ledger.example/a',
      date: '2025-12-19',
    });
    expect(citation({ text: ' The talks went on. ', version, paragraph: 3 }, 'Daily Ledger')).toBe(
      'The talks went on.\n\n— Daily Ledger, 2025-12-19, ¶4, https://ledger.example/a',
    );
    const bare = versionFromText('000.txt', '/c/000.txt', 'Text.\n');
    expect(citation({ text: 'Text.', version: bare, paragraph: 0 }, '000')).toBe(
      'Text.\n\n— 000, ¶1',
    );
  });
});
