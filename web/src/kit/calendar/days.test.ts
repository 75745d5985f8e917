import { describe, expect, it } from 'vitest';
import {
  dayInZone,
  daysSpanned,
  instantOf,
  monthWeeks,
  shiftDay,
  shiftMonth,
  wallTimeIn,
  weekDays,
} from './days.ts';

describe('calendar days', () => {
  it('puts an instant on the day it falls on in the zone, not in UTC', () => {
    expect(dayInZone('2026-03-28T23:30:00Z', 'Europe/Berlin')).toBe('2026-03-29');
    expect(dayInZone('2026-03-28T23:30:00Z', 'America/New_York')).toBe('2026-03-28');
  });

  it('starts weeks on Monday', () => {
    expect(weekDays('2026-03-29')).toEqual([
      '2026-03-23',
      '2026-03-24',
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
    ]);
  });

  it('covers a month with whole weeks', () => {
    const weeks = monthWeeks(2026, 2);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.[0]).toBe('2026-01-26');
    expect(weeks.at(-1)?.at(-1)).toBe('2026-03-01');
    expect(monthWeeks(2026, 3)).toHaveLength(6);
  });
});

describe('spans and wall times', () => {
  it('lists every day an event touches in the zone, not the day after a midnight end', () => {
    expect(daysSpanned('2026-12-20T00:00:00Z', '2026-12-23T00:00:00Z', 'UTC')).toEqual([
      '2026-12-20',
      '2026-12-21',
      '2026-12-22',
    ]);
    expect(daysSpanned('2026-03-28T23:30:00Z', '2026-03-29T00:30:00Z', 'Europe/Berlin')).toEqual([
      '2026-03-29',
    ]);
  });

  it('moves by days and months, clamping to the month’s end', () => {
    expect(shiftDay('2026-02-28', 1)).toBe('2026-03-01');
    expect(shiftMonth('2026-01-31', 1)).toBe('2026-02-28');
    expect(shiftMonth('2026-01-15', -1)).toBe('2025-12-15');
  });

  it('turns wall times in a zone into instants and back, across the clock change', () => {
    expect(instantOf('2026-03-07T02:00', 'Europe/Paris')).toBe('2026-03-07T01:00:00.000Z');
    expect(instantOf('2026-04-04T02:00', 'Europe/Paris')).toBe('2026-04-04T00:00:00.000Z');
    expect(wallTimeIn('2026-04-04T00:00:00Z', 'Europe/Paris')).toBe('2026-04-04T02:00');
    expect(wallTimeIn('2026-12-05T01:00:00Z', 'America/New_York')).toBe('2026-12-04T20:00');
    // 02:30 does not exist in Paris on 29 March: the instant after the gap.
    expect(instantOf('2026-03-29T02:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
  });
});
