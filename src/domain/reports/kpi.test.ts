import { describe, expect, it } from 'vitest';
import {
  ageBand,
  bucketFor,
  bucketStarts,
  formatKpiValue,
  median,
  percentChange,
  previousWindow,
  ragOf,
  rate,
} from './kpi.ts';

describe('KPI maths', () => {
  it('rates red, amber and green against a target in both directions', () => {
    const compliance = { target: 95, tolerance: 5 };
    expect(ragOf(96, compliance, 'up')).toBe('green');
    expect(ragOf(95, compliance, 'up')).toBe('green');
    expect(ragOf(91, compliance, 'up')).toBe('amber');
    expect(ragOf(89.9, compliance, 'up')).toBe('red');
    const resolve = { target: 3600, tolerance: 1800 };
    expect(ragOf(3000, resolve, 'down')).toBe('green');
    expect(ragOf(5000, resolve, 'down')).toBe('amber');
    expect(ragOf(5401, resolve, 'down')).toBe('red');
    expect(ragOf(null, resolve, 'down')).toBeNull();
  });

  it('compares with the previous period', () => {
    expect(percentChange(120, 100)).toBe(20);
    expect(percentChange(80, 100)).toBe(-20);
    expect(percentChange(5, 0)).toBeNull();
    expect(percentChange(null, 3)).toBeNull();
    const w = { from: new Date('2026-04-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z') };
    expect(previousWindow(w)).toEqual({
      from: new Date('2025-12-31T00:00:00Z'),
      to: new Date('2026-04-01T00:00:00Z'),
    });
  });

  it('draws trends in days, weeks or months by the window', () => {
    const month = { from: new Date('2026-03-01T00:00:00Z'), to: new Date('2026-03-31T00:00:00Z') };
    expect(bucketFor(month)).toBe('day');
    expect(bucketStarts(month, 'day')).toHaveLength(30);
    const quarter = { from: new Date('2026-04-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z') };
    expect(bucketFor(quarter)).toBe('week');
    const weeks = bucketStarts(quarter, 'week');
    // 2026-04-01 is a Wednesday: the first week starts on Monday 2026-03-30.
    expect(weeks[0]).toEqual(new Date('2026-03-30T00:00:00Z'));
    expect(weeks).toHaveLength(14);
    const year = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z') };
    expect(bucketStarts(year, bucketFor(year))).toHaveLength(12);
  });

  it('takes medians and rates like the database does', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(rate(1, 4)).toBe(25);
    expect(rate(0, 0)).toBeNull();
  });

  it('bands backlog ages and writes values in words', () => {
    expect(ageBand(3600)).toBe('lt1d');
    expect(ageBand(86_400 * 2)).toBe('1to3d');
    expect(ageBand(86_400 * 45)).toBe('gt30d');
    expect(formatKpiValue(93.456, 'percent')).toBe('93.5 %');
    expect(formatKpiValue(5400, 'seconds')).toBe('1 h 30 min');
    expect(formatKpiValue(1234.56, 'hours')).toBe('1,234.6 h');
    expect(formatKpiValue(4.2149, 'score')).toBe('4.21 / 5');
    expect(formatKpiValue(90_000, 'seconds')).toBe('1 d 1 h');
    expect(formatKpiValue(1234, 'count')).toBe('1,234');
    expect(formatKpiValue(null, 'count')).toBe('—');
  });
});
