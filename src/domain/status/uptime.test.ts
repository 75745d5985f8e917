import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERVICE_STATUSES } from './derive.ts';
import { dailyBars, type StatusPeriod, uptime } from './uptime.ts';

const d = (s: string) => new Date(s);
const from = d('2026-03-01T00:00:00Z');
const to = d('2026-03-02T00:00:00Z');

describe('uptime', () => {
  it('is 100 % when operational all the time and null when nothing was recorded', () => {
    expect(
      uptime([{ status: 'operational', start: d('2026-02-01T00:00:00Z'), end: null }], from, to).percent,
    ).toBe(100);
    expect(uptime([], from, to).percent).toBeNull();
  });

  it('counts a major outage fully and a partial outage half', () => {
    const periods: StatusPeriod[] = [
      { status: 'operational', start: from, end: d('2026-03-01T06:00:00Z') },
      { status: 'major_outage', start: d('2026-03-01T06:00:00Z'), end: d('2026-03-01T12:00:00Z') },
      { status: 'partial_outage', start: d('2026-03-01T12:00:00Z'), end: d('2026-03-01T18:00:00Z') },
      { status: 'under_maintenance', start: d('2026-03-01T18:00:00Z'), end: null },
    ];
    const u = uptime(periods, from, to);
    expect(u.percent).toBeCloseTo(62.5);
    expect(u.knownMs).toBe(86_400_000);
  });

  it('leaves unrecorded time out of the share', () => {
    const u = uptime([{ status: 'major_outage', start: d('2026-03-01T23:00:00Z'), end: null }], from, to);
    expect(u.percent).toBe(0);
    expect(u.knownMs).toBe(3_600_000);
  });

  it('takes the worst status where periods overlap', () => {
    const u = uptime(
      [
        { status: 'operational', start: from, end: to },
        { status: 'major_outage', start: d('2026-03-01T12:00:00Z'), end: to },
      ],
      from,
      to,
    );
    expect(u.percent).toBeCloseTo(50);
  });

  const period = fc
    .record({
      status: fc.constantFrom(...SERVICE_STATUSES),
      start: fc.integer({ min: 0, max: 200 }),
      len: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
    })
    .map(({ status, start, len }) => ({
      status,
      start: new Date(from.getTime() + start * 600_000),
      end: len === null ? null : new Date(from.getTime() + (start + len) * 600_000),
    }));

  it('stays within 0..100 and adds up over a split window', () => {
    fc.assert(
      fc.property(fc.array(period, { maxLength: 8 }), fc.integer({ min: 1, max: 143 }), (ps, cut) => {
        const mid = new Date(from.getTime() + cut * 600_000);
        const all = uptime(ps, from, to);
        if (all.percent !== null) expect(all.percent).toBeGreaterThanOrEqual(0);
        if (all.percent !== null) expect(all.percent).toBeLessThanOrEqual(100);
        const a = uptime(ps, from, mid);
        const b = uptime(ps, mid, to);
        expect(a.knownMs + b.knownMs).toBe(all.knownMs);
        expect(a.downMs + b.downMs).toBeCloseTo(all.downMs, 3);
      }),
    );
  });
});

describe('dailyBars', () => {
  it('gives one bar per day with the worst status of the day', () => {
    const bars = dailyBars(
      [
        { status: 'operational', start: d('2026-02-27T00:00:00Z'), end: d('2026-03-01T10:00:00Z') },
        { status: 'major_outage', start: d('2026-03-01T10:00:00Z'), end: d('2026-03-01T11:00:00Z') },
        { status: 'operational', start: d('2026-03-01T11:00:00Z'), end: null },
      ],
      d('2026-03-02T12:00:00Z'),
      4,
    );
    expect(bars.map((b) => [b.day, b.worst])).toEqual([
      ['2026-02-27', 'operational'],
      ['2026-02-28', 'operational'],
      ['2026-03-01', 'major_outage'],
      ['2026-03-02', 'operational'],
    ]);
    expect(bars[2]!.uptime).toBeCloseTo((23 / 24) * 100);
    expect(dailyBars([], d('2026-03-02T12:00:00Z'), 2).map((b) => b.worst)).toEqual([null, null]);
  });
});
