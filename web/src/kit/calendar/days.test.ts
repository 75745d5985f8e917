import { describe, expect, it } from 'vitest';
import { dayInZone, monthWeeks, weekDays } from './days.ts';

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
