import { describe, expect, it } from 'vitest';
import { computeDueAt, elapsedWorkingTime, type Pause, remainingWorkingTime } from './clock.ts';
import { at, BERLIN_8X5, HOUR } from './test-fixtures.ts';

// Monday 5 January 2026, Berlin (UTC+1): 09:00 local is 08:00 UTC.
const opened = at('2026-01-05T08:00:00Z');
const pause = (start: string, end: string | null): Pause => ({
  start: at(start),
  end: end === null ? null : at(end),
});
const dueWith = (pauses: Pause[], start = opened, target = 8 * HOUR) =>
  computeDueAt(start, target, BERLIN_8X5, pauses)?.toISOString() ?? null;

describe('pausing the SLA clock', () => {
  it('pauses the resolution clock while awaiting the customer', () => {
    // Waiting 10:00–12:00 local: the 8 hours end 2 working hours later, Tuesday 11:00 local.
    expect(dueWith([pause('2026-01-05T09:00:00Z', '2026-01-05T11:00:00Z')])).toBe('2026-01-06T10:00:00.000Z');
  });

  it('ignores the part of a pause outside working hours', () => {
    expect(dueWith([pause('2026-01-05T17:00:00Z', '2026-01-06T07:00:00Z')], at('2026-01-05T12:00:00Z'))).toBe(
      '2026-01-06T12:00:00.000Z',
    );
    // Spilling one hour into Tuesday morning costs exactly that hour.
    expect(dueWith([pause('2026-01-05T17:00:00Z', '2026-01-06T09:00:00Z')], at('2026-01-05T12:00:00Z'))).toBe(
      '2026-01-06T13:00:00.000Z',
    );
  });

  it('counts overlapping pauses once', () => {
    const pauses = [
      pause('2026-01-05T09:00:00Z', '2026-01-05T11:00:00Z'),
      pause('2026-01-05T10:00:00Z', '2026-01-05T12:00:00Z'),
    ];
    expect(dueWith(pauses)).toBe('2026-01-06T11:00:00.000Z');
  });

  it('only counts the part of a pause after the clock started', () => {
    expect(dueWith([pause('2026-01-01T00:00:00Z', '2026-01-05T10:00:00Z')])).toBe('2026-01-06T10:00:00.000Z');
  });

  it('has no due time while a pause without end holds the clock before the target is reached', () => {
    expect(dueWith([pause('2026-01-05T11:00:00Z', null)])).toBeNull();
    expect(dueWith([pause('2026-01-04T00:00:00Z', null)])).toBeNull();
  });

  it('keeps the due time when the open pause only starts after it, or exactly at it', () => {
    expect(dueWith([pause('2026-01-05T18:00:00Z', null)])).toBe('2026-01-05T16:00:00.000Z');
    expect(dueWith([pause('2026-01-05T16:00:00Z', null)])).toBe('2026-01-05T16:00:00.000Z');
  });

  it('leaves out paused time from elapsed working time', () => {
    const pauses = [
      pause('2026-01-05T09:00:00Z', '2026-01-05T11:00:00Z'),
      pause('2026-01-05T14:00:00Z', null),
    ];
    expect(elapsedWorkingTime(opened, at('2026-01-07T00:00:00Z'), BERLIN_8X5, pauses)).toBe(4 * HOUR);
  });

  it('freezes the remaining time while paused and lets it go negative once overdue', () => {
    const waiting = [pause('2026-01-05T12:00:00Z', null)];
    const before = remainingWorkingTime(opened, 8 * HOUR, at('2026-01-06T09:00:00Z'), BERLIN_8X5, waiting);
    const later = remainingWorkingTime(opened, 8 * HOUR, at('2026-01-20T09:00:00Z'), BERLIN_8X5, waiting);
    expect(before).toBe(4 * HOUR);
    expect(later).toBe(4 * HOUR);
    expect(remainingWorkingTime(opened, 8 * HOUR, at('2026-01-06T09:00:00Z'), BERLIN_8X5)).toBe(-1 * HOUR);
  });

  it('resumes from the end of a long pause without walking every day in between', () => {
    expect(dueWith([pause('2026-01-05T09:00:00Z', '2036-01-05T09:00:00Z')], opened, 2 * HOUR)).toBe(
      '2036-01-07T09:00:00.000Z',
    );
  });

  it('rejects a pause that ends before it starts', () => {
    expect(() => dueWith([pause('2026-01-05T11:00:00Z', '2026-01-05T10:00:00Z')])).toThrow(RangeError);
  });
});
