/**
 * Business calendars: the weekly working hours and holidays an SLA clock counts against.
 *
 * - Times are local wall-clock times in the calendar's IANA time zone.
 * - An interval whose end is before its start runs past midnight into the next day
 *   (Friday 22:00–06:00 is Friday 22:00–24:00 plus Saturday 00:00–06:00).
 * - A holiday makes its whole local calendar day non-working, including the part of an
 *   overnight interval that falls after midnight on it.
 * - A recurring holiday repeats every year on the same month and day (the year is ignored);
 *   one on 02-29 applies in leap years only.
 */

import { isKnownTimeZone } from './zone.ts';

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export type WeeklyInterval = {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  day: IsoWeekday;
  /** 'HH:MM', 00:00–23:59. */
  start: string;
  /** 'HH:MM', 00:00–24:00; before `start` means the interval spans midnight into the next day. */
  end: string;
};

export type Holiday = {
  /** 'YYYY-MM-DD' */
  date: string;
  name: string;
  /** Repeats every year on the same month/day. */
  recurring: boolean;
};

export type BusinessCalendar = {
  /** IANA time zone, e.g. 'Europe/Berlin'. */
  timeZone: string;
  intervals: WeeklyInterval[];
  holidays: Holiday[];
};

export type CalendarIssue = { field: string; message: string };

export const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;

/** Round the clock, every day, in UTC. */
export const CALENDAR_24X7: BusinessCalendar = Object.freeze({
  timeZone: 'UTC',
  intervals: ([1, 2, 3, 4, 5, 6, 7] as const).map((day) => ({ day, start: '00:00', end: '24:00' })),
  holidays: [],
});

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after midnight for 'HH:MM' ('24:00' only when `allowMidnightEnd`), or null. */
export function parseTime(value: string, allowMidnightEnd = false): number | null {
  if (allowMidnightEnd && value === '24:00') return 1440;
  const m = HHMM.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** [year, month, day] of a 'YYYY-MM-DD' string that names a real date, or null. */
export function parseDate(value: string): [number, number, number] | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return [year, month, day];
}

/**
 * A working stretch within one local day, in minutes after that day's midnight. Intervals that
 * span midnight become two of these; `source` is the index of the interval they came from.
 */
export type DaySegment = { day: IsoWeekday; from: number; to: number; source: number };

/** Split an interval into same-day segments (assumes valid times and a non-zero length). */
export function intervalSegments(day: IsoWeekday, start: number, end: number, source: number): DaySegment[] {
  if (end > start) return [{ day, from: start, to: end, source }];
  const next = ((day % 7) + 1) as IsoWeekday;
  const segments: DaySegment[] = [{ day, from: start, to: 1440, source }];
  if (end > 0) segments.push({ day: next, from: 0, to: end, source });
  return segments;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const describe = (i: WeeklyInterval) => `${WEEKDAY_NAMES[i.day - 1]} ${i.start}–${i.end}`;

function validateInterval(raw: unknown, field: string, issues: CalendarIssue[]): WeeklyInterval | null {
  if (!isRecord(raw)) {
    issues.push({ field, message: 'Each interval must be an object with day, start and end.' });
    return null;
  }
  let ok = true;
  const { day, start, end } = raw;
  if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 7) {
    issues.push({
      field: `${field}.day`,
      message: 'The day must be an ISO weekday from 1 (Monday) to 7 (Sunday).',
    });
    ok = false;
  }
  const s = typeof start === 'string' ? parseTime(start) : null;
  if (s === null) {
    issues.push({
      field: `${field}.start`,
      message: `The start time ${JSON.stringify(start)} is not a valid time; use HH:MM between 00:00 and 23:59.`,
    });
    ok = false;
  }
  const e = typeof end === 'string' ? parseTime(end, true) : null;
  if (e === null) {
    issues.push({
      field: `${field}.end`,
      message: `The end time ${JSON.stringify(end)} is not a valid time; use HH:MM between 00:00 and 24:00.`,
    });
    ok = false;
  }
  if (!ok || s === null || e === null) return null;
  if (s === e) {
    issues.push({
      field,
      message: `The interval starts and ends at ${String(start)}, so it has no length. For a whole day use 00:00–24:00.`,
    });
    return null;
  }
  return { day: day as IsoWeekday, start: start as string, end: end as string };
}

function validateHoliday(raw: unknown, field: string, issues: CalendarIssue[]): void {
  if (!isRecord(raw)) {
    issues.push({ field, message: 'Each holiday must be an object with date, name and recurring.' });
    return;
  }
  const { date, name, recurring } = raw;
  if (typeof name !== 'string' || name.trim() === '') {
    issues.push({ field: `${field}.name`, message: 'Give the holiday a name.' });
  }
  if (typeof recurring !== 'boolean') {
    issues.push({
      field: `${field}.recurring`,
      message: 'Say whether the holiday recurs every year (true or false).',
    });
  }
  if (typeof date !== 'string' || !DATE.test(date)) {
    issues.push({
      field: `${field}.date`,
      message: `The date ${JSON.stringify(date)} is not in YYYY-MM-DD form.`,
    });
    return;
  }
  // A recurring 02-29 is fine whatever its year: it is observed in leap years.
  const leapProbe = recurring === true ? `2000${date.slice(4)}` : date;
  if (parseDate(leapProbe) === null) {
    issues.push({ field: `${field}.date`, message: `${date} is not a real date.` });
  }
}

/** Problems with a calendar, each tied to a field path; an empty list means it is usable. */
export function validateCalendar(input: unknown): CalendarIssue[] {
  const issues: CalendarIssue[] = [];
  if (!isRecord(input)) return [{ field: '', message: 'The calendar must be an object.' }];

  const { timeZone, intervals, holidays } = input;
  if (typeof timeZone !== 'string' || !isKnownTimeZone(timeZone)) {
    issues.push({
      field: 'timeZone',
      message: `${JSON.stringify(timeZone)} is not a known IANA time zone (for example Europe/Berlin or America/New_York).`,
    });
  }

  if (!Array.isArray(intervals)) {
    issues.push({ field: 'intervals', message: 'The intervals must be a list.' });
  } else {
    const segments: DaySegment[] = [];
    const valid: (WeeklyInterval | null)[] = intervals.map((raw: unknown, i) => {
      const interval = validateInterval(raw, `intervals[${i}]`, issues);
      if (interval) {
        const s = parseTime(interval.start)!;
        const e = parseTime(interval.end, true)!;
        segments.push(...intervalSegments(interval.day, s, e, i));
      }
      return interval;
    });
    segments.sort((a, b) => a.day - b.day || a.from - b.from);
    const reported = new Set<string>();
    for (let i = 1; i < segments.length; i++) {
      const prev = segments[i - 1]!;
      const cur = segments[i]!;
      if (cur.day !== prev.day || cur.from >= prev.to) continue;
      const [first, second] =
        prev.source < cur.source ? [prev.source, cur.source] : [cur.source, prev.source];
      const key = `${first}/${second}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const a = valid[first]!;
      const b = valid[second]!;
      const where =
        a.day === cur.day && b.day === cur.day ? '' : ` on ${WEEKDAY_NAMES[cur.day - 1]} after midnight`;
      issues.push({
        field: `intervals[${second}]`,
        message: `${describe(b)} overlaps ${describe(a)} (intervals[${first}])${where}.`,
      });
    }
    if (intervals.length === 0 || (segments.length === 0 && issues.length === 0)) {
      issues.push({
        field: 'intervals',
        message: 'The calendar has no working time: add at least one interval.',
      });
    }
  }

  if (!Array.isArray(holidays)) {
    issues.push({ field: 'holidays', message: 'The holidays must be a list (it may be empty).' });
  } else {
    holidays.forEach((raw: unknown, i) => {
      validateHoliday(raw, `holidays[${i}]`, issues);
    });
  }
  return issues;
}

/** Thrown when an invalid calendar is used for computation. */
export class InvalidCalendarError extends Error {
  readonly issues: CalendarIssue[];
  constructor(issues: CalendarIssue[]) {
    super(
      `Invalid business calendar: ${issues.map((i) => `${i.field || 'calendar'}: ${i.message}`).join(' ')}`,
    );
    this.name = 'InvalidCalendarError';
    this.issues = issues;
  }
}
