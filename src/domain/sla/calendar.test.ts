import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, CALENDAR_24X7, InvalidCalendarError, validateCalendar } from './calendar.ts';
import { compileCalendar } from './compile.ts';
import { BERLIN_8X5, weekly } from './test-fixtures.ts';

const office = (overrides: Partial<BusinessCalendar>): BusinessCalendar => ({
  ...weekly('Europe/Berlin', [1, 2, 3, 4, 5], '09:00', '17:00'),
  ...overrides,
});

const fields = (input: unknown) => validateCalendar(input).map((i) => i.field);
/** The issues of the office calendar with these working intervals instead of its own. */
const withIntervals = (...intervals: BusinessCalendar['intervals']) =>
  validateCalendar(office({ intervals }));

describe('business calendar validation', () => {
  it('accepts the typical office calendar and the 24×7 calendar', () => {
    expect(validateCalendar(BERLIN_8X5)).toEqual([]);
    expect(validateCalendar(CALENDAR_24X7)).toEqual([]);
  });

  it.each<[string, BusinessCalendar['intervals']]>([
    [
      'several intervals on the same day, including ones that touch',
      [
        { day: 1, start: '08:00', end: '12:00' },
        { day: 1, start: '13:00', end: '17:00' },
        { day: 1, start: '17:00', end: '19:30' },
      ],
    ],
    [
      'overnight intervals that end before the next day starts',
      [
        { day: 1, start: '22:00', end: '06:00' },
        { day: 2, start: '06:00', end: '14:00' },
        { day: 7, start: '23:00', end: '01:00' },
      ],
    ],
  ])('accepts %s', (_, intervals) => {
    expect(withIntervals(...intervals)).toEqual([]);
  });

  it('rejects an unknown time zone', () => {
    const issues = validateCalendar(office({ timeZone: 'Mars/Olympus_Mons' }));
    expect(issues).toEqual([
      { field: 'timeZone', message: expect.stringContaining('not a known IANA time zone') },
    ]);
    expect(fields(office({ timeZone: '' }))).toEqual(['timeZone']);
  });

  it.each([
    ['9:00', '17:00', 'intervals[0].start'],
    ['09:60', '17:00', 'intervals[0].start'],
    ['24:00', '17:00', 'intervals[0].start'],
    ['09:00', '25:00', 'intervals[0].end'],
    ['09:00', '24:01', 'intervals[0].end'],
    ['09:00', '5pm', 'intervals[0].end'],
  ])('rejects the malformed time in %s–%s', (start, end, field) => {
    const issues = withIntervals({ day: 1, start, end });
    expect(issues.map((i) => i.field)).toEqual([field]);
    expect(issues[0]?.message).toMatch(/is not a valid time; use HH:MM/);
  });

  it('rejects a weekday outside 1–7', () => {
    const bad = { ...office({}), intervals: [{ day: 0, start: '09:00', end: '17:00' }] };
    expect(validateCalendar(bad)).toEqual([
      { field: 'intervals[0].day', message: 'The day must be an ISO weekday from 1 (Monday) to 7 (Sunday).' },
    ]);
  });

  it('rejects a zero-length interval', () => {
    const issues = withIntervals({ day: 3, start: '10:00', end: '10:00' });
    expect(issues).toEqual([
      {
        field: 'intervals[0]',
        message:
          'The interval starts and ends at 10:00, so it has no length. For a whole day use 00:00–24:00.',
      },
    ]);
  });

  it('rejects overlapping intervals on the same day', () => {
    const issues = withIntervals(
      { day: 2, start: '09:00', end: '12:00' },
      { day: 2, start: '11:30', end: '14:00' },
    );
    expect(issues).toEqual([
      { field: 'intervals[1]', message: 'Tuesday 11:30–14:00 overlaps Tuesday 09:00–12:00 (intervals[0]).' },
    ]);
  });

  it('rejects an overnight interval that runs into the next day’s hours', () => {
    const issues = withIntervals(
      { day: 1, start: '22:00', end: '06:00' },
      { day: 2, start: '05:00', end: '09:00' },
    );
    expect(issues).toEqual([
      {
        field: 'intervals[1]',
        message: 'Tuesday 05:00–09:00 overlaps Monday 22:00–06:00 (intervals[0]) on Tuesday after midnight.',
      },
    ]);
  });

  it('rejects a Sunday overnight interval that runs into Monday’s hours', () => {
    const issues = withIntervals(
      { day: 1, start: '00:00', end: '08:00' },
      { day: 7, start: '20:00', end: '02:00' },
    );
    expect(issues.map((i) => i.field)).toEqual(['intervals[1]']);
    expect(issues[0]?.message).toContain('on Monday after midnight');
  });

  it('rejects a calendar without any working time', () => {
    expect(withIntervals()).toEqual([
      { field: 'intervals', message: 'The calendar has no working time: add at least one interval.' },
    ]);
  });

  it.each(['2026-02-30', '2026-04-31', '2026-13-01', '2027-02-29'])(
    'rejects the holiday date %s that does not exist',
    (date) => {
      const issues = validateCalendar(office({ holidays: [{ date, name: 'Bogus', recurring: false }] }));
      expect(issues).toEqual([{ field: 'holidays[0].date', message: `${date} is not a real date.` }]);
    },
  );

  it('rejects a holiday date that is not written YYYY-MM-DD', () => {
    expect(fields(office({ holidays: [{ date: '26-1-1', name: 'New Year', recurring: true }] }))).toEqual([
      'holidays[0].date',
    ]);
  });

  it('allows 29 February as a recurring holiday whatever its year, and as a one-off in a leap year', () => {
    const issues = validateCalendar(
      office({
        holidays: [
          { date: '2027-02-29', name: 'Leap day', recurring: true },
          { date: '2028-02-29', name: 'Leap day 2028', recurring: false },
        ],
      }),
    );
    expect(issues).toEqual([]);
  });

  it('asks for a holiday name and a recurring flag', () => {
    const bad = { ...office({}), holidays: [{ date: '2026-12-25', name: ' ' }] };
    expect(fields(bad)).toEqual(['holidays[0].name', 'holidays[0].recurring']);
  });

  it('reports every problem at once for data that is not a calendar', () => {
    expect(fields(null)).toEqual(['']);
    expect(fields({ timeZone: 'UTC', intervals: 'Mon-Fri', holidays: {} })).toEqual([
      'intervals',
      'holidays',
    ]);
  });

  it('refuses to compute with an invalid calendar', () => {
    const bad = office({ timeZone: 'Nowhere/Land', intervals: [] });
    expect(() => compileCalendar(bad)).toThrow(InvalidCalendarError);
    try {
      compileCalendar(bad);
    } catch (error) {
      expect(error instanceof InvalidCalendarError && error.issues.map((i) => i.field)).toEqual([
        'timeZone',
        'intervals',
      ]);
    }
  });
});
