/**
 * Publication dates as people and tools write them: any ISO-8601 date that names a day (calendar,
 * ordinal or week date, extended or basic, with or without a time and offset), or an RFC 2822
 * date as e-mail and RSS carry it. A version's date is the day as written, in the offset it was
 * written in: `2025-12-19T23:30-05:00` is the 19th, as its outlet dated it, not the 20th in UTC.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `YYYY-MM-DD` when the year, month and day make a real day from year 1000 to 9999, else null. */
function ymd(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar day of a UTC time value, as YYYY-MM-DD. */
function dayOf(time: number): string | null {
  const date = new Date(time);
  return ymd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Day `ordinal` (from 1) of `year`, when the year has it. */
function ordinalDay(year: number, ordinal: number): string | null {
  const days = ymd(year, 2, 29) === null ? 365 : 366;
  if (ordinal < 1 || ordinal > days) return null;
  return dayOf(Date.UTC(year, 0, ordinal));
}

/** Day `weekday` (1 = Monday) of ISO week `week` of `year`: week 1 holds the year's first Thursday. */
function weekDay(year: number, week: number, weekday: number): string | null {
  if (week < 1 || weekday < 1 || weekday > 7) return null;
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = Date.UTC(year, 0, 4 - ((jan4.getUTCDay() + 6) % 7));
  const time = mondayOfWeek1 + ((week - 1) * 7 + weekday - 1) * 86_400_000;
  // Week 53 exists only in years whose last week holds a Thursday: its Thursday stays in the year.
  const thursday = new Date(mondayOfWeek1 + ((week - 1) * 7 + 3) * 86_400_000);
  if (thursday.getUTCFullYear() !== year) return null;
  return dayOf(time);
}

// The time of day and offset that may follow an ISO date: checked, then set aside.
const ISO_TIME = String.raw`(?:[T ](?:\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d+)?)?)?)(?:Z|[+-]\d{2}(?::?\d{2})?)?)?`;
const ISO_CALENDAR = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${ISO_TIME}$`, 'i');
const ISO_CALENDAR_BASIC = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})${ISO_TIME}$`, 'i');
const ISO_ORDINAL = new RegExp(String.raw`^(\d{4})-?(\d{3})${ISO_TIME}$`, 'i');
const ISO_WEEK = new RegExp(String.raw`^(\d{4})-?W(\d{2})-?([1-7])${ISO_TIME}$`, 'i');

// The same time again, its parts captured, to check their ranges.
const TIME_PARTS =
  /[T ](\d{2})(?::?(\d{2})(?::?(\d{2}))?)?(?:[.,]\d+)?(?:Z|[+-](\d{2})(?::?(\d{2}))?)?$/i;

/** Whether the time of day and offset after a date, if any, are in range (24:00 ends a day). */
function validTime(text: string): boolean {
  const m = TIME_PARTS.exec(text);
  if (!m) return true;
  const [hour, minute, second, offsetHours, offsetMinutes] = m.slice(1).map((p) => Number(p ?? 0));
  if (hour! > 24 || minute! > 59 || second! > 60 || offsetHours! > 23 || offsetMinutes! > 59) {
    return false;
  }
  return hour! < 24 || (minute === 0 && second === 0);
}

function parseIso(text: string): string | null {
  if (!validTime(text)) return null;
  let m = ISO_CALENDAR.exec(text) ?? ISO_CALENDAR_BASIC.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = ISO_WEEK.exec(text);
  if (m) return weekDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = ISO_ORDINAL.exec(text);
  if (m) return ordinalDay(Number(m[1]), Number(m[2]));
  return null;
}

// RFC 2822 section 3.3, with its obsolete forms: an optional day name, a one- or two-digit day,
// a month name, a two-, three- or four-digit year, and an optional time and zone.
const RFC_2822 =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\s*,?\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2,4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[+-]\d{4}|[a-z]{1,5}))?)?$/i;

function parseRfc2822(text: string): string | null {
  // Comments, "(CET)", are allowed anywhere and mean nothing.
  const m = RFC_2822.exec(
    text
      .replace(/\([^()]*\)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  if (month === 0) return null;
  let year = Number(m[3]);
  // Obsolete years: two digits are 1950–2049, three digits count from 1900.
  if (m[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  else if (m[3]!.length === 3) year += 1900;
  return ymd(year, month, Number(m[1]));
}

/** A date as `YYYY-MM-DD`, from any ISO-8601 form that names a day or an RFC 2822 date; else null. */
export function parseDate(text: string): string | null {
  const trimmed = text.trim();
  return parseIso(trimmed) ?? parseRfc2822(trimmed);
}
