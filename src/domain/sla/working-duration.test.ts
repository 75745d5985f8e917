import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALENDAR_24X7 } from './calendar.ts';
import { BERLIN_8X5 } from './test-fixtures.ts';
import { formatWorkingDuration, parseWorkingDuration, workingDayMinutes } from './working-duration.ts';

describe('a working day of a calendar', () => {
  it('is 8 h for weekdays 09:00–17:00 and 24 h round the clock', () => {
    expect(workingDayMinutes(BERLIN_8X5)).toBe(8 * 60);
    expect(workingDayMinutes(CALENDAR_24X7)).toBe(24 * 60);
  });

  it('averages uneven days and counts an overnight shift on both days it touches', () => {
    expect(
      workingDayMinutes({
        intervals: [
          { day: 1, start: '08:00', end: '18:00' },
          { day: 2, start: '08:00', end: '14:00' },
        ],
      }),
    ).toBe(8 * 60);
    expect(workingDayMinutes({ intervals: [{ day: 5, start: '22:00', end: '06:00' }] })).toBe(4 * 60);
  });

  it('does not exist without working time', () => {
    expect(workingDayMinutes({ intervals: [] })).toBeNull();
  });
});

describe('working durations', () => {
  it('read in working days of the calendar', () => {
    expect(formatWorkingDuration(960, 480)).toBe('2 d');
    expect(formatWorkingDuration(960, 1440)).toBe('16 h');
    expect(formatWorkingDuration(600, 480)).toBe('1 d 2 h');
    expect(formatWorkingDuration(615, 480)).toBe('1 d 2 h 15 min');
    expect(formatWorkingDuration(45, 480)).toBe('45 min');
    expect(formatWorkingDuration(2880, null)).toBe('48 h');
  });

  it('are entered in days, hours and minutes; a bare number is hours', () => {
    expect(parseWorkingDuration('2 d', 480)).toEqual({ minutes: 960 });
    expect(parseWorkingDuration('1 d 2 h 15 min', 480)).toEqual({ minutes: 615 });
    expect(parseWorkingDuration('1.5 days', 480)).toEqual({ minutes: 720 });
    expect(parseWorkingDuration('4', 480)).toEqual({ minutes: 240 });
    expect(parseWorkingDuration('0,5 h', null)).toEqual({ minutes: 30 });
    expect(parseWorkingDuration('90 min', null)).toEqual({ minutes: 90 });
  });

  it('say why what was typed is no target', () => {
    expect(parseWorkingDuration('', 480)).toHaveProperty('error');
    expect(parseWorkingDuration('soon', 480)).toHaveProperty('error');
    expect(parseWorkingDuration('0 h', 480)).toHaveProperty('error');
    expect(parseWorkingDuration('2 d', null)).toEqual({
      error: 'Choose a calendar to enter working days; or enter hours.',
    });
  });

  it('read back as they were written', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 366 * 24 * 60 }),
        fc.constantFrom(null, 480, 450, 1440),
        (minutes, day) => {
          expect(parseWorkingDuration(formatWorkingDuration(minutes, day), day)).toEqual({ minutes });
        },
      ),
    );
  });
});
