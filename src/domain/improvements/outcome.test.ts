import { describe, expect, it } from 'vitest';
import { monthlyPeriods, offTargetFor, redStreak, verdictOf, windowAfter, windowBefore } from './outcome.ts';

const compliance = { target: 95, tolerance: 5 };

describe('monthly periods', () => {
  it('are the whole months before the current one, oldest first', () => {
    const p = monthlyPeriods(new Date('2026-03-15T10:00:00Z'), 3);
    expect(p.map((w) => [w.from.toISOString().slice(0, 10), w.to.toISOString().slice(0, 10)])).toEqual([
      ['2025-12-01', '2026-01-01'],
      ['2026-01-01', '2026-02-01'],
      ['2026-02-01', '2026-03-01'],
    ]);
  });
});

describe('red streak', () => {
  it('counts red periods back from the latest until a break', () => {
    expect(redStreak(['red', 'green', 'red', 'red'])).toBe(2);
    expect(redStreak(['red', 'red', 'amber'])).toBe(0);
    expect(redStreak(['red', null, 'red'])).toBe(1);
    expect(redStreak([])).toBe(0);
  });

  it('judges values against the target in the KPI’s good direction', () => {
    // 95 % target, amber down to 90 %: 80, 85, 89 are red three months running.
    expect(offTargetFor([80, 85, 89], compliance, 'up', 3)).toBe(true);
    // 91 is amber: the streak is broken.
    expect(offTargetFor([80, 91, 85], compliance, 'up', 3)).toBe(false);
    expect(offTargetFor([80, 91, 85], compliance, 'up', 1)).toBe(true);
    // Fewer periods than asked for is never a streak; a missing value breaks one.
    expect(offTargetFor([80, 85], compliance, 'up', 3)).toBe(false);
    expect(offTargetFor([80, null, 85], compliance, 'up', 2)).toBe(false);
    // Down is good (time to resolve, target 8 h with 2 h tolerance): 11 h is red.
    const ttr = { target: 8 * 3600, tolerance: 2 * 3600 };
    expect(offTargetFor([11 * 3600, 12 * 3600], ttr, 'down', 2)).toBe(true);
    expect(offTargetFor([11 * 3600, 9 * 3600], ttr, 'down', 2)).toBe(false);
  });
});

describe('outcome windows and verdict', () => {
  it('takes the baseline before and the outcome after, cut at now while it runs', () => {
    const at = new Date('2026-02-01T00:00:00Z');
    expect(windowBefore(at, 30).from.toISOString()).toBe('2026-01-02T00:00:00.000Z');
    expect(windowAfter(at, 30, new Date('2026-01-20T00:00:00Z'))).toBeNull();
    const running = windowAfter(at, 30, new Date('2026-02-11T00:00:00Z'))!;
    expect(running.to.toISOString()).toBe('2026-02-11T00:00:00.000Z');
    expect(running.complete).toBe(false);
    const done = windowAfter(at, 30, new Date('2026-05-01T00:00:00Z'))!;
    expect(done.to.toISOString()).toBe('2026-03-03T00:00:00.000Z');
    expect(done.complete).toBe(true);
  });

  it('says improved when the KPI moved the good way', () => {
    expect(verdictOf(80, 92, 'up')).toBe('improved');
    expect(verdictOf(80, 70, 'up')).toBe('worsened');
    expect(verdictOf(3600, 1800, 'down')).toBe('improved');
    expect(verdictOf(5, 5, 'down')).toBe('unchanged');
    expect(verdictOf(null, 5, 'down')).toBeNull();
  });
});
