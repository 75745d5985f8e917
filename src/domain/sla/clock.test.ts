import { afterEach, describe, expect, it } from 'vitest';
import { CALENDAR_24X7 } from './calendar.ts';
import {
  addWorkingTime,
  compileCalendar,
  computeDueAt,
  elapsedWorkingTime,
  isWorkingInstant,
  nextWorkingInstant,
  remainingWorkingTime,
} from './clock.ts';
import { ALL_DAYS, at, BERLIN_8X5, HOUR, WEEKDAYS, weekly } from './test-fixtures.ts';

const due = (start: string, seconds: number, ...rest: [Parameters<typeof computeDueAt>[2]]) =>
  computeDueAt(at(start), seconds, ...rest).toISOString();

describe('SLA clock on an office calendar', () => {
  // January 2026: Berlin is on CET (UTC+1); 5 January is a Monday.
  it('counts only working hours: 8 working hours from Monday 09:00 are due Monday 17:00', () => {
    expect(due('2026-01-05T08:00:00Z', 8 * HOUR, BERLIN_8X5)).toBe('2026-01-05T16:00:00.000Z');
  });

  it('carries what is left at closing time over to the next working morning', () => {
    // Monday 15:00 local + 4 h = 2 h on Monday, 2 h on Tuesday → Tuesday 11:00 local.
    expect(due('2026-01-05T14:00:00Z', 4 * HOUR, BERLIN_8X5)).toBe('2026-01-06T10:00:00.000Z');
  });

  it('skips the weekend', () => {
    // Friday 16:00 local + 2 h → Monday 10:00 local.
    expect(due('2026-01-09T15:00:00Z', 2 * HOUR, BERLIN_8X5)).toBe('2026-01-12T09:00:00.000Z');
  });

  it('starts the clock at opening time for a ticket logged out of hours', () => {
    expect(due('2026-01-10T12:00:00Z', 1 * HOUR, BERLIN_8X5)).toBe('2026-01-12T09:00:00.000Z');
    expect(due('2026-01-06T05:00:00Z', 30 * 60, BERLIN_8X5)).toBe('2026-01-06T08:30:00.000Z');
  });

  it('is due at closing time when the target is used up exactly then, not at the next opening', () => {
    expect(due('2026-01-09T12:00:00Z', 4 * HOUR, BERLIN_8X5)).toBe('2026-01-09T16:00:00.000Z');
  });

  it('is due at once for a zero target', () => {
    expect(due('2026-01-10T12:00:00Z', 0, BERLIN_8X5)).toBe('2026-01-10T12:00:00.000Z');
  });

  it('is exact to the second (and keeps milliseconds of the start)', () => {
    expect(due('2026-01-05T08:00:00.250Z', 1, BERLIN_8X5)).toBe('2026-01-05T08:00:01.250Z');
    expect(due('2026-01-05T15:59:59Z', 2, BERLIN_8X5)).toBe('2026-01-06T08:00:01.000Z');
  });

  it('measures elapsed working time and what remains, negative once overdue', () => {
    const start = at('2026-01-09T15:00:00Z'); // Friday 16:00 local
    expect(elapsedWorkingTime(start, at('2026-01-12T09:00:00Z'), BERLIN_8X5)).toBe(2 * HOUR);
    expect(remainingWorkingTime(start, 4 * HOUR, at('2026-01-12T09:00:00Z'), BERLIN_8X5)).toBe(2 * HOUR);
    expect(remainingWorkingTime(start, 1 * HOUR, at('2026-01-12T09:00:00Z'), BERLIN_8X5)).toBe(-1 * HOUR);
    expect(elapsedWorkingTime(start, at('2026-01-01T00:00:00Z'), BERLIN_8X5)).toBe(0);
  });

  it('adds working time and finds the next working instant', () => {
    expect(addWorkingTime(at('2026-01-09T15:00:00Z'), 2 * HOUR, BERLIN_8X5).toISOString()).toBe(
      '2026-01-12T09:00:00.000Z',
    );
    expect(nextWorkingInstant(at('2026-01-09T16:00:00Z'), BERLIN_8X5).toISOString()).toBe(
      '2026-01-12T08:00:00.000Z',
    );
    expect(nextWorkingInstant(at('2026-01-09T10:00:00Z'), BERLIN_8X5).toISOString()).toBe(
      '2026-01-09T10:00:00.000Z',
    );
    expect(isWorkingInstant(at('2026-01-09T08:00:00Z'), BERLIN_8X5)).toBe(true);
    expect(isWorkingInstant(at('2026-01-09T16:00:00Z'), BERLIN_8X5)).toBe(false);
  });

  it('accepts a compiled calendar and compiles each calendar object only once', () => {
    const compiled = compileCalendar(BERLIN_8X5);
    expect(compileCalendar(BERLIN_8X5)).toBe(compiled);
    expect(compileCalendar(compiled)).toBe(compiled);
    // A calendar rebuilt with equal content (say, from a database row) reuses the compilation.
    expect(compileCalendar(structuredClone(BERLIN_8X5))).toBe(compiled);
    expect(compileCalendar({ ...BERLIN_8X5, holidays: [] })).not.toBe(compiled);
    expect(due('2026-01-05T08:00:00Z', 8 * HOUR, compiled)).toBe('2026-01-05T16:00:00.000Z');
  });

  it('rejects negative or non-finite targets and invalid dates', () => {
    expect(() => computeDueAt(at('2026-01-05T08:00:00Z'), -1, BERLIN_8X5)).toThrow(RangeError);
    expect(() => computeDueAt(at('2026-01-05T08:00:00Z'), Number.NaN, BERLIN_8X5)).toThrow(RangeError);
    expect(() => computeDueAt(new Date(Number.NaN), 60, BERLIN_8X5)).toThrow(RangeError);
  });
});

describe('holidays', () => {
  it('treats a one-off holiday as a whole non-working day', () => {
    // Thursday 2 April 2026 16:00 CEST + 2 h: 1 h Thursday, Good Friday, weekend, Easter Monday → Tuesday 10:00.
    expect(due('2026-04-02T14:00:00Z', 2 * HOUR, BERLIN_8X5)).toBe('2026-04-07T08:00:00.000Z');
  });

  it('repeats a recurring holiday every year', () => {
    const cal = weekly('Europe/Berlin', WEEKDAYS, '09:00', '17:00', [
      { date: '2020-12-25', name: 'Christmas Day', recurring: true },
    ]);
    // Friday 25 December 2026 and Wednesday 25 December 2030 are both off.
    expect(elapsedWorkingTime(at('2026-12-24T23:00:00Z'), at('2026-12-25T23:00:00Z'), cal)).toBe(0);
    expect(elapsedWorkingTime(at('2030-12-24T23:00:00Z'), at('2030-12-25T23:00:00Z'), cal)).toBe(0);
    expect(elapsedWorkingTime(at('2030-12-25T23:00:00Z'), at('2030-12-26T23:00:00Z'), cal)).toBe(8 * HOUR);
  });

  it('observes a recurring 29 February holiday in leap years only', () => {
    const cal = weekly('UTC', ALL_DAYS, '00:00', '24:00', [
      { date: '2024-02-29', name: 'Leap day', recurring: true },
    ]);
    expect(elapsedWorkingTime(at('2028-02-28T00:00:00Z'), at('2028-03-01T00:00:00Z'), cal)).toBe(24 * HOUR);
    expect(elapsedWorkingTime(at('2027-02-28T00:00:00Z'), at('2027-03-01T00:00:00Z'), cal)).toBe(24 * HOUR);
  });

  it('cuts the after-midnight part of an overnight shift when the next day is a holiday', () => {
    const nights = weekly('Europe/Berlin', WEEKDAYS, '22:00', '06:00', [
      { date: '2026-01-06', name: 'Epiphany', recurring: false },
    ]);
    // Monday 5 – Thursday 8 January, local midnight to midnight. Without the holiday:
    // Mon 22–24, Tue 00–06, Tue 22–24, Wed 00–06, Wed 22–24 = 18 h. With Tuesday off, Tuesday's
    // 00–06 (Monday's shift) and 22–24 go, but Wednesday 00–06 (Tuesday's shift) stays: 10 h.
    const from = at('2026-01-04T23:00:00Z');
    const to = at('2026-01-07T23:00:00Z');
    expect(elapsedWorkingTime(from, to, { ...nights, holidays: [] })).toBe(18 * HOUR);
    expect(elapsedWorkingTime(from, to, nights)).toBe(10 * HOUR);
  });

  it('gives up instead of looping when no working day can ever come', () => {
    const holidays = Array.from({ length: 366 }, (_, i) => ({
      date: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10),
      name: `Day ${i}`,
      recurring: true,
    }));
    const never = weekly('UTC', ALL_DAYS, '09:00', '17:00', holidays);
    expect(() => computeDueAt(at('2026-01-01T00:00:00Z'), 60, never)).toThrow(/no working time/);
  });
});

describe('overnight and round-the-clock calendars', () => {
  const nightDesk = weekly('Europe/Berlin', WEEKDAYS, '22:00', '06:00');

  it('counts an overnight shift across midnight', () => {
    // Monday 5 January 23:00 local + 4 h → Tuesday 03:00 local.
    expect(due('2026-01-05T22:00:00Z', 4 * HOUR, nightDesk)).toBe('2026-01-06T02:00:00.000Z');
  });

  it('runs Friday’s night shift into Saturday morning, then waits for Monday night', () => {
    // Friday 9 January 22:00 local + 10 h: 8 h until Saturday 06:00, 2 h from Monday 22:00.
    expect(due('2026-01-09T21:00:00Z', 10 * HOUR, nightDesk)).toBe('2026-01-12T23:00:00.000Z');
  });

  it('counts real time on a 24×7 calendar', () => {
    expect(due('2026-03-28T12:34:56Z', 50 * HOUR, CALENDAR_24X7)).toBe('2026-03-30T14:34:56.000Z');
    expect(elapsedWorkingTime(at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'), CALENDAR_24X7)).toBe(
      365 * 24 * HOUR,
    );
  });
});

describe('calendars in other zones than UTC and than the process', () => {
  const kolkata = weekly('Asia/Kolkata', WEEKDAYS, '09:00', '17:00');
  const tokyo = weekly('Asia/Tokyo', WEEKDAYS, '09:00', '18:00');
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('reads working hours in the calendar’s zone (Kolkata, UTC+05:30)', () => {
    // Monday 09:00 IST is 03:30 UTC; 8 h later is 11:30 UTC.
    expect(due('2026-01-05T03:30:00Z', 8 * HOUR, kolkata)).toBe('2026-01-05T11:30:00.000Z');
    // Monday 02:00 UTC is 07:30 IST, before opening.
    expect(due('2026-01-05T02:00:00Z', 1 * HOUR, kolkata)).toBe('2026-01-05T04:30:00.000Z');
  });

  it('uses the calendar’s local date: Sunday evening in UTC is already Monday in Tokyo', () => {
    // Sunday 4 January 23:30 UTC is Monday 08:30 JST.
    expect(due('2026-01-04T23:30:00Z', 1 * HOUR, tokyo)).toBe('2026-01-05T01:00:00.000Z');
  });

  it('gives the same answers whatever the process time zone', () => {
    const compute = () => [
      due('2026-03-27T15:00:00Z', 10 * HOUR, { ...BERLIN_8X5 }),
      due('2026-10-30T21:00:00Z', 5 * HOUR, weekly('America/New_York', WEEKDAYS, '20:00', '04:00')),
      elapsedWorkingTime(
        at('2026-01-01T00:00:00Z'),
        at('2026-02-01T00:00:00Z'),
        weekly('Asia/Kolkata', WEEKDAYS, '09:00', '17:00'),
      ),
    ];
    process.env.TZ = 'UTC';
    const reference = compute();
    for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'Australia/Lord_Howe']) {
      process.env.TZ = tz;
      expect(compute()).toEqual(reference);
    }
  });
});
