import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALENDAR_24X7 } from './calendar.ts';
import { computeDueAt, elapsedWorkingTime } from './clock.ts';
import { BERLIN_8X5, calendarArb, HOUR, instantArb, targetArb } from './test-fixtures.ts';
import { workingSecondsLeft } from './time-left.ts';

const at = (iso: string) => new Date(iso);

describe('SLA time left', () => {
  it('counts wall-clock time on a round-the-clock calendar', () => {
    expect(workingSecondsLeft(at('2026-03-02T12:00:00Z'), at('2026-03-02T08:00:00Z'), CALENDAR_24X7)).toBe(
      4 * HOUR,
    );
  });

  it('counts only working hours: due Monday 10:00, seen Friday 16:00 in Berlin, is 2 working hours away', () => {
    // Friday 2026-03-06 16:00 Berlin = 15:00 UTC; Monday 10:00 Berlin = 09:00 UTC.
    expect(workingSecondsLeft(at('2026-03-09T09:00:00Z'), at('2026-03-06T15:00:00Z'), BERLIN_8X5)).toBe(
      2 * HOUR,
    );
  });

  it('is negative by the working time since the due instant once overdue', () => {
    expect(workingSecondsLeft(at('2026-03-06T15:00:00Z'), at('2026-03-09T09:00:00Z'), BERLIN_8X5)).toBe(
      -2 * HOUR,
    );
  });

  it('agrees with the clock: target less working time used, at any instant', () => {
    fc.assert(
      fc.property(
        calendarArb(),
        instantArb,
        targetArb,
        fc.integer({ min: 0, max: 200 * HOUR }),
        (cal, start, target, after) => {
          const due = computeDueAt(start, target, cal);
          const now = new Date(start.getTime() + after * 1000);
          expect(workingSecondsLeft(due, now, cal)).toBeCloseTo(
            target - elapsedWorkingTime(start, now, cal),
            3,
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
