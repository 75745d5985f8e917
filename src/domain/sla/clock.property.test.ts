/**
 * Laws of the SLA clock, checked with fast-check on random valid calendars (overnight intervals,
 * holidays, zones with 60-, 30- and no-minute DST shifts and odd base offsets).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './calendar.ts';
import {
  computeDueAt,
  elapsedWorkingTime,
  isWorkingInstant,
  nextWorkingInstant,
  type Pause,
} from './clock.ts';
import { calendarArb, HOUR, instantArb, targetArb } from './test-fixtures.ts';

const due = (start: Date, seconds: number, cal: BusinessCalendar) =>
  computeDueAt(start, seconds, cal).getTime();
const shifted = (d: Date, seconds: number) => new Date(d.getTime() + seconds * 1000);

describe('SLA clock laws', () => {
  it('measures exactly the target between the start and the due time', () => {
    fc.assert(
      fc.property(calendarArb(), instantArb, targetArb, (cal, start, target) => {
        expect(elapsedWorkingTime(start, computeDueAt(start, target, cal), cal)).toBe(target);
      }),
    );
  });

  it('is never due before it starts', () => {
    fc.assert(
      fc.property(calendarArb(), instantArb, targetArb, (cal, start, target) => {
        expect(due(start, target, cal)).toBeGreaterThanOrEqual(start.getTime());
      }),
    );
  });

  it('falls due no earlier for a larger target', () => {
    fc.assert(
      fc.property(calendarArb(), instantArb, targetArb, targetArb, (cal, start, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(due(start, small, cal)).toBeLessThanOrEqual(due(start, large, cal));
      }),
    );
  });

  it('may split a target into two consecutive parts', () => {
    fc.assert(
      fc.property(calendarArb(), instantArb, targetArb, targetArb, (cal, start, a, b) => {
        expect(due(computeDueAt(start, a, cal), b, cal)).toBe(due(start, a + b, cal));
      }),
    );
  });

  it('adds up elapsed working time over consecutive spans', () => {
    fc.assert(
      fc.property(calendarArb(), instantArb, targetArb, targetArb, (cal, a, x, y) => {
        const b = shifted(a, x);
        const c = shifted(b, y);
        expect(elapsedWorkingTime(a, b, cal) + elapsedWorkingTime(b, c, cal)).toBe(
          elapsedWorkingTime(a, c, cal),
        );
      }),
    );
  });

  it('finds a working instant with no working time before it', () => {
    fc.assert(
      fc.property(calendarArb(), instantArb, (cal, t) => {
        const next = nextWorkingInstant(t, cal);
        expect(isWorkingInstant(next, cal)).toBe(true);
        expect(elapsedWorkingTime(t, next, cal)).toBe(0);
      }),
    );
  });

  const closedPausesArb = fc.array(
    fc.record({
      offset: fc.integer({ min: -24 * HOUR, max: 100 * HOUR }),
      length: fc.integer({ min: 0, max: 48 * HOUR }),
    }),
    { maxLength: 5 },
  );

  it('only ever delays the due time, by at most the paused working time', () => {
    fc.assert(
      fc.property(calendarArb(), instantArb, targetArb, closedPausesArb, (cal, start, target, raw) => {
        const pauses: Pause[] = raw.map(({ offset, length }) => ({
          start: shifted(start, offset),
          end: shifted(start, offset + length),
        }));
        const paused = pauses.reduce((sum, p) => sum + elapsedWorkingTime(p.start, p.end!, cal), 0);
        const withPauses = computeDueAt(start, target, cal, pauses);
        expect(withPauses).not.toBeNull();
        const t = withPauses!.getTime();
        expect(t).toBeGreaterThanOrEqual(due(start, target, cal));
        expect(t).toBeLessThanOrEqual(due(start, target + paused, cal));
        expect(elapsedWorkingTime(start, withPauses!, cal, pauses)).toBe(target);
      }),
    );
  });

  it('has no due time exactly when an open pause starts before the target is reached', () => {
    fc.assert(
      fc.property(
        calendarArb(),
        instantArb,
        targetArb,
        fc.integer({ min: -24 * HOUR, max: 200 * HOUR }),
        (cal, start, target, offset) => {
          const pausedFrom = shifted(start, offset);
          const result = computeDueAt(start, target, cal, [{ start: pausedFrom, end: null }]);
          const reachable = offset <= 0 ? 0 : elapsedWorkingTime(start, pausedFrom, cal);
          expect(result === null).toBe(target > reachable);
        },
      ),
    );
  });
});

/** Independent model: is the minute starting at `t` working, judged from Intl's wall clock? */
function oracle(cal: BusinessCalendar): (t: number) => boolean {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone: cal.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const toMin = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  return (t) => {
    const p = Object.fromEntries(fmt.formatToParts(t).map((x) => [x.type, x.value]));
    const date = `${p.year}-${p.month}-${p.day}`;
    if (cal.holidays.some((h) => (h.recurring ? h.date.slice(5) === date.slice(5) : h.date === date)))
      return false;
    const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const minute = Number(p.hour) * 60 + Number(p.minute);
    return cal.intervals.some((i) => {
      const s = toMin(i.start);
      const e = toMin(i.end);
      if (e > s) return i.day === weekday && minute >= s && minute < e;
      return (i.day === weekday && minute >= s) || ((i.day % 7) + 1 === weekday && minute < e);
    });
  };
}

const TRANSITIONS_2026 = [
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z',
  '2026-03-08T07:00:00Z',
  '2026-11-01T06:00:00Z',
  '2026-04-04T15:00:00Z',
  '2026-10-03T15:30:00Z',
  '2026-04-04T14:00:00Z',
  '2026-09-26T14:00:00Z',
].map((s) => Date.parse(s));

describe('SLA clock against a minute-by-minute wall-clock model', () => {
  it('agrees on working time around DST transitions, overnight intervals and holidays', () => {
    // Interval boundaries are kept out of 01:00–04:00, where the engine's gap/overlap policy
    // (jump to the transition, first occurrence) deliberately differs from naive wall-clock reading.
    const windowArb = fc.record({
      anchor: fc.constantFrom(...TRANSITIONS_2026),
      shiftMinutes: fc.integer({ min: -48 * 60, max: 24 * 60 }),
      lengthMinutes: fc.integer({ min: 0, max: 36 * 60 }),
      // Holidays near the window, so they actually cut into it.
      nearHolidays: fc.array(fc.record({ days: fc.integer({ min: -3, max: 2 }), recurring: fc.boolean() }), {
        maxLength: 2,
      }),
    });
    fc.assert(
      fc.property(
        calendarArb([60, 240]),
        windowArb,
        (base, { anchor, shiftMinutes, lengthMinutes, nearHolidays }) => {
          const holidays = nearHolidays.map(({ days, recurring }) => ({
            date: new Date(anchor + days * 86_400_000).toISOString().slice(0, 10),
            name: 'Near',
            recurring,
          }));
          const cal = { ...base, holidays: [...base.holidays, ...holidays] };
          const isWorking = oracle(cal);
          const from = anchor + shiftMinutes * 60_000;
          let expected = 0;
          for (let m = 0; m < lengthMinutes; m++) if (isWorking(from + m * 60_000)) expected += 60;
          const to = from + lengthMinutes * 60_000;
          expect(elapsedWorkingTime(new Date(from), new Date(to), cal)).toBe(expected);
        },
      ),
      { numRuns: 60 },
    );
  });
});
