import { describe, expect, it } from 'vitest';
import { formatMinutes, parseDuration, summariseTimeReport, timerMinutes } from './duration.ts';

describe('parseDuration', () => {
  it.each([
    ['1h 30m', 90],
    ['1h30m', 90],
    ['2 hours 15 min', 135],
    ['45m', 45],
    ['45 min', 45],
    ['1.5h', 90],
    ['1,5 h', 90],
    ['0.25h', 15],
    ['1:30', 90],
    ['0:05', 5],
    ['90', 90],
    ['  2H  ', 120],
    ['1d', 1440],
    ['1 hour', 60],
  ])('reads %j as %i minutes', (text, minutes) => {
    expect(parseDuration(text)).toBe(minutes);
  });

  it.each(['', '   ', '0', '0h', '0:00', 'abc', '1x', 'h', '1h 2h', '-30m', '1:75', '30m 1', '1h, 30m'])(
    'refuses %j',
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );

  it('rounds fractions of a minute', () => {
    expect(parseDuration('0.01h')).toBe(1);
    expect(parseDuration('0.001h')).toBeNull();
  });
});

describe('formatMinutes', () => {
  it('writes hours and minutes', () => {
    expect(formatMinutes(0)).toBe('0m');
    expect(formatMinutes(45)).toBe('45m');
    expect(formatMinutes(60)).toBe('1h');
    expect(formatMinutes(90)).toBe('1h 30m');
    expect(formatMinutes(1500)).toBe('25h');
  });

  it('round-trips with parseDuration', () => {
    for (const m of [1, 59, 60, 61, 135, 600, 1439]) expect(parseDuration(formatMinutes(m))).toBe(m);
  });
});

describe('timerMinutes', () => {
  const at = (s: string) => new Date(`2026-03-02T${s}Z`);
  it('books whole minutes, at least one and at most a day', () => {
    expect(timerMinutes(at('09:00:00'), at('09:44:40'))).toBe(45);
    expect(timerMinutes(at('09:00:00'), at('09:00:10'))).toBe(1);
    expect(timerMinutes(at('09:00:00'), at('09:00:00'))).toBe(1);
    expect(timerMinutes(new Date('2026-03-01T08:00:00Z'), at('09:00:00'))).toBe(1440);
  });
});

describe('summariseTimeReport', () => {
  it('orders by time, puts "none" last, totals and shares', () => {
    const s = summariseTimeReport([
      { key: null, label: 'No service', totalMinutes: 500, billableMinutes: 0, entries: 5, records: 2 },
      { key: 'b', label: 'Email', totalMinutes: 100, billableMinutes: 60, entries: 2, records: 1 },
      { key: 'a', label: 'ERP', totalMinutes: 400, billableMinutes: 400, entries: 4, records: 3 },
      { key: 'c', label: 'Desk', totalMinutes: 100, billableMinutes: 0, entries: 1, records: 1 },
    ]);
    expect(s.rows.map((r) => r.label)).toEqual(['ERP', 'Desk', 'Email', 'No service']);
    expect(s.totalMinutes).toBe(1100);
    expect(s.billableMinutes).toBe(460);
    expect(s.entries).toBe(12);
    expect(s.rows[0]!.share).toBe(36.4);
  });

  it('has no shares of nothing', () => {
    expect(summariseTimeReport([])).toEqual({ rows: [], totalMinutes: 0, billableMinutes: 0, entries: 0 });
  });
});
