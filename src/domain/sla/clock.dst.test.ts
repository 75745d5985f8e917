/**
 * Daylight-saving transitions. Working hours are wall-clock times; the working time they give is
 * real elapsed time, so an interval containing the shift is shorter or longer by the shift.
 */
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './calendar.ts';
import { computeDueAt, elapsedWorkingTime } from './clock.ts';
import { ALL_DAYS, at, HOUR, WEEKDAYS, weekly } from './test-fixtures.ts';

const hours = (from: string, to: string, cal: BusinessCalendar) =>
  elapsedWorkingTime(at(from), at(to), cal) / HOUR;
const due = (start: string, seconds: number, cal: BusinessCalendar) =>
  computeDueAt(at(start), seconds, cal).toISOString();

describe('Europe/Berlin (spring forward 2026-03-29 02:00→03:00, fall back 2026-10-25 03:00→02:00)', () => {
  const daily = weekly('Europe/Berlin', ALL_DAYS, '09:00', '17:00');
  const office = weekly('Europe/Berlin', WEEKDAYS, '09:00', '17:00');
  const saturdayNight = weekly('Europe/Berlin', [6], '22:00', '06:00');
  const allDay = weekly('Europe/Berlin', ALL_DAYS, '00:00', '24:00');

  it('keeps a 09:00–17:00 day at 8 hours when the shift happens before opening', () => {
    expect(hours('2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', daily)).toBe(8);
    expect(hours('2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', daily)).toBe(8);
    // Saturday 16:00 CET + 2 h: 1 h on Saturday, then Sunday opens at 09:00 CEST (07:00 UTC).
    expect(due('2026-03-28T15:00:00Z', 2 * HOUR, daily)).toBe('2026-03-29T08:00:00.000Z');
  });

  it('moves opening time with the clocks over a DST weekend', () => {
    // Friday 16:00 CET + 2 h → Monday 10:00 CEST; Friday 16:00 CEST + 2 h → Monday 10:00 CET.
    expect(due('2026-03-27T15:00:00Z', 2 * HOUR, office)).toBe('2026-03-30T08:00:00.000Z');
    expect(due('2026-10-23T14:00:00Z', 2 * HOUR, office)).toBe('2026-10-26T09:00:00.000Z');
  });

  it('gives an overnight shift containing the shift 7 hours in spring and 9 in autumn', () => {
    expect(hours('2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z', saturdayNight)).toBe(7);
    expect(due('2026-03-28T21:00:00Z', 7 * HOUR, saturdayNight)).toBe('2026-03-29T04:00:00.000Z');
    expect(hours('2026-10-24T00:00:00Z', '2026-10-26T00:00:00Z', saturdayNight)).toBe(9);
    expect(due('2026-10-24T20:00:00Z', 9 * HOUR, saturdayNight)).toBe('2026-10-25T05:00:00.000Z');
  });

  it('makes the local days of the transitions 23 and 25 hours long', () => {
    expect(hours('2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', allDay)).toBe(23);
    expect(hours('2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', allDay)).toBe(25);
  });

  it('opens at the jump when opening time falls in the spring-forward gap', () => {
    const cal = weekly('Europe/Berlin', [7], '02:30', '03:30');
    expect(hours('2026-03-22T00:00:00Z', '2026-03-23T00:00:00Z', cal)).toBe(1);
    expect(hours('2026-03-29T00:00:00Z', '2026-03-30T00:00:00Z', cal)).toBe(0.5); // 03:00–03:30 CEST
  });

  it('takes the first occurrence of a repeated wall time in the autumn', () => {
    const cal = weekly('Europe/Berlin', [7], '02:30', '03:30');
    // 02:30 CEST (00:30 UTC) to 03:30 CET (02:30 UTC).
    expect(hours('2026-10-25T00:00:00Z', '2026-10-26T00:00:00Z', cal)).toBe(2);
    expect(due('2026-10-24T12:00:00Z', 60, cal)).toBe('2026-10-25T00:31:00.000Z');
  });
});

describe('America/New_York (spring forward 2026-03-08 02:00→03:00, fall back 2026-11-01 02:00→01:00)', () => {
  const allDay = weekly('America/New_York', ALL_DAYS, '00:00', '24:00');
  const nights = weekly('America/New_York', ALL_DAYS, '20:00', '04:00');

  it('counts real hours on a round-the-clock desk across the transitions', () => {
    expect(due('2026-03-07T17:00:00Z', 24 * HOUR, allDay)).toBe('2026-03-08T17:00:00.000Z');
    expect(hours('2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', allDay)).toBe(23);
    expect(hours('2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', allDay)).toBe(25);
  });

  it('gives the night shift over the transition 7 and 9 hours', () => {
    // Saturday 20:00 EST → Sunday 04:00 EDT; Saturday 20:00 EDT → Sunday 04:00 EST.
    expect(hours('2026-03-08T01:00:00Z', '2026-03-08T12:00:00Z', nights)).toBe(7);
    expect(hours('2026-11-01T00:00:00Z', '2026-11-01T12:00:00Z', nights)).toBe(9);
    expect(due('2026-11-01T00:00:00Z', 9 * HOUR, nights)).toBe('2026-11-01T09:00:00.000Z');
  });

  it('applies the gap and overlap policy to opening times at 02:00 and 01:30', () => {
    const springOpen = weekly('America/New_York', [7], '02:00', '10:00');
    expect(hours('2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z', springOpen)).toBe(7); // 03:00–10:00 EDT
    const autumnOpen = weekly('America/New_York', [7], '01:30', '09:00');
    expect(hours('2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', autumnOpen)).toBe(8.5); // 01:30 EDT–09:00 EST
  });

  it('moves an office’s opening time with the clocks', () => {
    const office = weekly('America/New_York', WEEKDAYS, '09:00', '17:00');
    // Friday 16:00 EST + 2 h → Monday 10:00 EDT.
    expect(due('2026-03-06T21:00:00Z', 2 * HOUR, office)).toBe('2026-03-09T14:00:00.000Z');
  });
});

describe('Australia/Lord_Howe (30-minute shift: 2026-04-05 02:00→01:30, 2026-10-04 02:00→02:30)', () => {
  const earlyHours = weekly('Australia/Lord_Howe', ALL_DAYS, '00:00', '06:00');
  const office = weekly('Australia/Lord_Howe', ALL_DAYS, '09:00', '17:00');
  const allDay = weekly('Australia/Lord_Howe', ALL_DAYS, '00:00', '24:00');

  it('lengthens an interval containing the April shift by half an hour', () => {
    // 00:00 LHDT (UTC+11) = 13:00 UTC; 06:00 LHST (UTC+10:30) = 19:30 UTC.
    expect(hours('2026-04-04T13:00:00Z', '2026-04-05T13:00:00Z', earlyHours)).toBe(6.5);
    expect(due('2026-04-04T13:00:00Z', 6.5 * HOUR, earlyHours)).toBe('2026-04-04T19:30:00.000Z');
    expect(hours('2026-04-04T13:00:00Z', '2026-04-05T13:30:00Z', allDay)).toBe(24.5);
  });

  it('shortens an interval containing the October shift by half an hour', () => {
    expect(hours('2026-10-03T13:30:00Z', '2026-10-04T13:00:00Z', earlyHours)).toBe(5.5);
    expect(hours('2026-10-03T13:30:00Z', '2026-10-04T13:00:00Z', allDay)).toBe(23.5);
  });

  it('leaves office hours on the transition days at 8 hours', () => {
    expect(hours('2026-04-04T13:00:00Z', '2026-04-05T13:30:00Z', office)).toBe(8);
    expect(hours('2026-10-03T13:30:00Z', '2026-10-04T13:00:00Z', office)).toBe(8);
  });
});
