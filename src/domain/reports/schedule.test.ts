import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FREQUENCIES, nextRun, reportedPeriod } from './schedule.ts';

describe('report schedules', () => {
  it('runs at the next day, Monday or first of the month and reports the period just ended', () => {
    const at = new Date('2026-03-04T15:20:00Z'); // a Wednesday
    expect(nextRun(at, 'daily')).toEqual(new Date('2026-03-05T00:00:00Z'));
    expect(nextRun(at, 'weekly')).toEqual(new Date('2026-03-09T00:00:00Z'));
    expect(nextRun(at, 'monthly')).toEqual(new Date('2026-04-01T00:00:00Z'));
    expect(reportedPeriod(new Date('2026-03-09T00:00:00Z'), 'weekly')).toEqual({
      from: new Date('2026-03-02T00:00:00Z'),
      to: new Date('2026-03-09T00:00:00Z'),
    });
    expect(reportedPeriod(new Date('2026-03-01T00:05:00Z'), 'monthly')).toEqual({
      from: new Date('2026-02-01T00:00:00Z'),
      to: new Date('2026-03-01T00:00:00Z'),
    });
  });

  it('never reports a period twice nor skips one: consecutive runs tile time', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        fc.constantFrom(...FREQUENCIES),
        (at, f) => {
          const first = nextRun(at, f);
          const second = nextRun(first, f);
          const a = reportedPeriod(first, f);
          const b = reportedPeriod(second, f);
          expect(b.from).toEqual(a.to);
          expect(a.to).toEqual(first);
          expect(a.from.getTime()).toBeLessThanOrEqual(at.getTime());
        },
      ),
    );
  });
});
