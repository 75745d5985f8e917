import { describe, expect, it } from 'vitest';
import { lastEnd, occurrencesOf, parseRule, type ScheduleWindow, validateWindow } from './windows.ts';

const win = (over: Partial<ScheduleWindow>): ScheduleWindow => ({
  id: 'w',
  kind: 'maintenance',
  name: 'w',
  ciId: 'ci',
  serviceId: null,
  timeZone: 'UTC',
  start: new Date('2026-01-03T02:00:00Z'),
  end: new Date('2026-01-03T06:00:00Z'),
  rrule: null,
  ...over,
});
const starts = (w: ScheduleWindow, from: string, to: string) =>
  occurrencesOf(w, new Date(from), new Date(to)).map(
    (o) => `${o.start.toISOString()}/${o.end.toISOString()}`,
  );

describe('window occurrences', () => {
  it('a one-off window occurs once, when it overlaps the range', () => {
    const w = win({});
    expect(starts(w, '2026-01-01T00:00:00Z', '2026-01-10T00:00:00Z')).toHaveLength(1);
    expect(starts(w, '2026-01-03T06:00:00Z', '2026-01-10T00:00:00Z')).toEqual([]);
    expect(lastEnd(w)).toEqual(w.end);
  });

  it('keeps 02:00 local across the spring and autumn changes in Europe/Paris', () => {
    // Saturday 7 March 2026, 02:00–06:00 Paris (UTC+1) = 01:00–05:00 UTC.
    const w = win({
      timeZone: 'Europe/Paris',
      start: new Date('2026-03-07T01:00:00Z'),
      end: new Date('2026-03-07T05:00:00Z'),
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
    });
    expect(starts(w, '2026-03-20T00:00:00Z', '2026-04-05T00:00:00Z')).toEqual([
      '2026-03-21T01:00:00.000Z/2026-03-21T05:00:00.000Z',
      '2026-03-28T01:00:00.000Z/2026-03-28T05:00:00.000Z',
      // Summer time from 29 March (UTC+2): still 02:00–06:00 local.
      '2026-04-04T00:00:00.000Z/2026-04-04T04:00:00.000Z',
    ]);
    expect(starts(w, '2026-10-20T00:00:00Z', '2026-11-02T00:00:00Z')).toEqual([
      '2026-10-24T00:00:00.000Z/2026-10-24T04:00:00.000Z',
      '2026-10-31T01:00:00.000Z/2026-10-31T05:00:00.000Z',
    ]);
  });

  it('keeps the wall-clock span on the night the clocks change, and moves a missing 02:00 past the gap', () => {
    // Sundays 01:00–04:00 in New York; on 8 March 2026 02:00 does not exist.
    const w = win({
      timeZone: 'America/New_York',
      start: new Date('2026-03-01T06:00:00Z'),
      end: new Date('2026-03-01T09:00:00Z'),
      rrule: 'FREQ=WEEKLY;BYDAY=SU',
    });
    expect(starts(w, '2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z')).toEqual([
      // 01:00 EST to 04:00 EDT: two hours elapsed.
      '2026-03-08T06:00:00.000Z/2026-03-08T08:00:00.000Z',
    ]);
    const at2 = win({
      timeZone: 'America/New_York',
      start: new Date('2026-03-01T07:00:00Z'),
      end: new Date('2026-03-01T08:00:00Z'),
      rrule: 'FREQ=WEEKLY;BYDAY=SU',
    });
    // 02:00–03:00 does not exist on 8 March: the occurrence starts at 03:00 EDT and keeps its hour.
    expect(starts(at2, '2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z')).toEqual([
      '2026-03-08T07:00:00.000Z/2026-03-08T08:00:00.000Z',
    ]);
  });

  it('expands in the window’s zone, not the process’s: Sydney’s Monday is Sunday in UTC', () => {
    const w = win({
      timeZone: 'Australia/Sydney',
      // Monday 5 January 2026 01:00 Sydney (UTC+11) = Sunday 4 January 14:00 UTC.
      start: new Date('2026-01-04T14:00:00Z'),
      end: new Date('2026-01-04T16:00:00Z'),
      rrule: 'FREQ=WEEKLY;BYDAY=MO',
    });
    expect(starts(w, '2026-03-25T00:00:00Z', '2026-04-07T00:00:00Z')).toEqual([
      '2026-03-29T14:00:00.000Z/2026-03-29T16:00:00.000Z',
      // Sydney leaves summer time on Sunday 5 April (UTC+10): Monday 01:00 is 15:00 UTC.
      '2026-04-05T15:00:00.000Z/2026-04-05T17:00:00.000Z',
    ]);
  });

  it('includes an occurrence that started before the range and ends in it', () => {
    const w = win({ rrule: 'FREQ=DAILY' });
    expect(starts(w, '2026-01-05T03:00:00Z', '2026-01-05T04:00:00Z')).toEqual([
      '2026-01-05T02:00:00.000Z/2026-01-05T06:00:00.000Z',
    ]);
  });

  it('ends a counted series at its last occurrence', () => {
    const w = win({ rrule: 'FREQ=DAILY;COUNT=3' });
    expect(lastEnd(w)?.toISOString()).toBe('2026-01-05T06:00:00.000Z');
    expect(lastEnd(win({ rrule: 'FREQ=DAILY' }))).toBeNull();
  });
});

describe('window validation', () => {
  it('names each problem', () => {
    const issues = validateWindow({
      kind: 'freeze',
      ciId: 'x',
      serviceId: 'y',
      timeZone: 'Nowhere/Else',
      start: new Date('2026-01-02T00:00:00Z'),
      end: new Date('2026-01-01T00:00:00Z'),
      rrule: 'FREQ=SECONDLY',
    });
    expect(issues.map((i) => i.field).sort()).toEqual(['ciId', 'end', 'rrule', 'serviceId', 'timeZone']);
    expect(validateWindow({ ...win({ kind: 'freeze', ciId: null }) })).toEqual([]);
  });

  it('parses rules and refuses nonsense', () => {
    expect('rule' in parseRule('RRULE:FREQ=WEEKLY;BYDAY=SA')).toBe(true);
    expect(parseRule('FREQ=WEEKLY;DTSTART=20260101T000000Z')).toHaveProperty('error');
    expect(parseRule('BYDAY=SA')).toHaveProperty('error');
    expect(parseRule('')).toHaveProperty('error');
  });
});
