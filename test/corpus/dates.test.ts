import { describe, expect, it } from 'vitest';
import { parseDate } from '../../source/corpus/dates.js';

describe('parseDate', () => {
  it('reads ISO-8601 calendar dates, extended and basic, with or without a time and offset', () => {
    for (const text of [
      '2025-12-19',
      '20251219',
      '2025-12-19T08:00:00Z',
      '2025-12-19T08:00Z',
      '2025-12-19T08Z',
      '2025-12-19T08:00:00.123+02:00',
      '2025-12-19T08:00:00,5-0500',
      '2025-12-19 08:00:00+01',
      '20251219T080000Z',
      ' 2025-12-19 ',
    ]) {
      expect(parseDate(text), text).toBe('2025-12-19');
    }
  });

  it('keeps the day as written, in its own offset, not the day in UTC', () => {
    expect(parseDate('2025-12-19T23:30:00-05:00')).toBe('2025-12-19');
    expect(parseDate('2025-12-20T00:30:00+09:00')).toBe('2025-12-20');
  });

  it('reads ISO-8601 ordinal and week dates', () => {
    expect(parseDate('2025-353')).toBe('2025-12-19');
    expect(parseDate('2025353')).toBe('2025-12-19');
    expect(parseDate('2024-366')).toBe('2024-12-31');
    expect(parseDate('2025-W51-5')).toBe('2025-12-19');
    expect(parseDate('2025W515')).toBe('2025-12-19');
    // Week 1 of 2026 starts on Monday 29 December 2025.
    expect(parseDate('2026-W01-1')).toBe('2025-12-29');
    expect(parseDate('2020-W53-7')).toBe('2021-01-03');
  });

  it('reads RFC 2822 dates, with their obsolete forms', () => {
    for (const text of [
      'Fri, 19 Dec 2025 08:00:00 +0000',
      'Fri, 19 Dec 2025 08:00 GMT',
      '19 Dec 2025 23:59:59 -0800',
      'Friday, 19 December 2025 08:00:00 +0000',
      'Fri, 19 Dec 25 08:00:00 EST',
      'Fri, 19 Dec 2025 08:00:00 +0100 (CET)',
      '19 Dec 2025',
    ]) {
      expect(parseDate(text), text).toBe('2025-12-19');
    }
    expect(parseDate('1 Jan 99 00:00 GMT')).toBe('1999-01-01');
    expect(parseDate('1 Jan 125 00:00 GMT')).toBe('2025-01-01');
  });

  it('refuses what is not a whole, real day', () => {
    for (const text of [
      '',
      'yesterday',
      '2025-02-29',
      '2025-13-01',
      '2025-12',
      '2025',
      '2025-W54-1',
      '2025-W53-1',
      '2025-366',
      '2025-12-19T25:00',
      '2025-12-19 and more',
      '32 Dec 2025',
      '19 Foo 2025',
      '0999-01-01',
    ]) {
      expect(parseDate(text), text).toBeNull();
    }
  });
});
