/**
 * Calendars and fast-check generators shared by the SLA clock specifications (test-only module).
 */

import fc from 'fast-check';
import type { BusinessCalendar, Holiday, IsoWeekday, WeeklyInterval } from './calendar.ts';

export const WEEKDAYS = [1, 2, 3, 4, 5] as const;
export const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function weekly(
  timeZone: string,
  days: readonly IsoWeekday[],
  start: string,
  end: string,
  holidays: Holiday[] = [],
): BusinessCalendar {
  return { timeZone, intervals: days.map((day) => ({ day, start, end })), holidays };
}

/** The typical office calendar: Mon–Fri 09:00–17:00 in Berlin with ten holidays. */
export const BERLIN_8X5: BusinessCalendar = weekly('Europe/Berlin', WEEKDAYS, '09:00', '17:00', [
  { date: '2026-01-01', name: 'New Year', recurring: true },
  { date: '2026-04-03', name: 'Good Friday', recurring: false },
  { date: '2026-04-06', name: 'Easter Monday', recurring: false },
  { date: '2026-05-01', name: 'Labour Day', recurring: true },
  { date: '2026-05-14', name: 'Ascension Day', recurring: false },
  { date: '2026-05-25', name: 'Whit Monday', recurring: false },
  { date: '2026-10-03', name: 'German Unity Day', recurring: true },
  { date: '2026-12-24', name: 'Christmas Eve', recurring: true },
  { date: '2026-12-25', name: 'Christmas Day', recurring: true },
  { date: '2026-12-26', name: 'Boxing Day', recurring: true },
]);

export const HOUR = 3600;
export const at = (iso: string): Date => new Date(iso);

/** Zones with DST of one hour, of 30 minutes, a 45-minute base offset, and none at all. */
export const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'UTC',
] as const;

const hhmm = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Turn sorted, distinct minute-of-week cut points into a valid calendar: consecutive pairs become
 * working stretches, split at midnights; where a stretch crosses one midnight it may be written
 * as a single overnight interval.
 */
export function calendarFromCuts(
  timeZone: string,
  cuts: number[],
  joinOvernight: boolean,
  holidays: Holiday[],
): BusinessCalendar {
  const intervals: WeeklyInterval[] = [];
  for (let i = 0; i + 1 < cuts.length; i += 2) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    const pieces: [number, number, number][] = [];
    for (let day = Math.floor(from / 1440); day * 1440 < to; day++) {
      const a = Math.max(from, day * 1440) - day * 1440;
      const b = Math.min(to, (day + 1) * 1440) - day * 1440;
      if (b > a) pieces.push([day, a, b]);
    }
    for (let p = 0; p < pieces.length; p++) {
      const [day, a, b] = pieces[p]!;
      const next = pieces[p + 1];
      if (joinOvernight && b === 1440 && next !== undefined && next[2] < a) {
        intervals.push({ day: (day + 1) as IsoWeekday, start: hhmm(a), end: hhmm(next[2]) });
        p++;
      } else {
        intervals.push({ day: (day + 1) as IsoWeekday, start: hhmm(a), end: b === 1440 ? '24:00' : hhmm(b) });
      }
    }
  }
  return { timeZone, intervals, holidays };
}

const holidayArb: fc.Arbitrary<Holiday> = fc
  .record({
    day: fc.integer({ min: 0, max: 3 * 366 }),
    recurring: fc.boolean(),
  })
  .map(({ day, recurring }) => ({
    date: new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10),
    name: 'Holiday',
    recurring,
  }));

/**
 * Random valid calendars. `avoid` keeps interval boundaries out of a range of minutes after
 * midnight (used where the DST policy for boundaries inside a gap or overlap would matter).
 */
export function calendarArb(avoid?: [number, number]): fc.Arbitrary<BusinessCalendar> {
  const granularity = 15;
  const point = fc
    .integer({ min: 0, max: (7 * 1440) / granularity })
    .map((n) => n * granularity)
    .filter((m) => avoid === undefined || m % 1440 <= avoid[0] || m % 1440 >= avoid[1]);
  return fc
    .record({
      timeZone: fc.constantFrom(...ZONES),
      cuts: fc.uniqueArray(point, { minLength: 2, maxLength: 12 }),
      joinOvernight: fc.boolean(),
      holidays: fc.array(holidayArb, { maxLength: 8 }),
    })
    .map(({ timeZone, cuts, joinOvernight, holidays }) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      if (sorted.length % 2 === 1) sorted.pop();
      return calendarFromCuts(timeZone, sorted, joinOvernight, holidays);
    });
}

/** Instants (whole seconds) between 2025 and the end of 2027. */
export const instantArb: fc.Arbitrary<Date> = fc
  .integer({ min: Date.UTC(2025, 0, 1) / 1000, max: Date.UTC(2028, 0, 1) / 1000 })
  .map((s) => new Date(s * 1000));

/** Targets from zero to two working weeks, in whole seconds. */
export const targetArb: fc.Arbitrary<number> = fc.integer({ min: 0, max: 80 * HOUR });
