import { describe, expect, it } from 'vitest';
import type { Pause } from './clock.ts';
import {
  alertPercents,
  applyClockCommand,
  type ClockCommand,
  type ClockFacts,
  measureClock,
  nextCheckAt,
  reachedThresholds,
} from './clock-state.ts';
import { at, BERLIN_8X5, HOUR } from './test-fixtures.ts';

// Monday 5 January 2026 09:00 in Berlin is 08:00 UTC; the calendar is Mon–Fri 09:00–17:00.
const started = at('2026-01-05T08:00:00Z');
const clock = (over: Partial<ClockFacts> = {}): ClockFacts => ({
  state: 'running',
  startedAt: started,
  stoppedAt: null,
  targetSeconds: 4 * HOUR,
  targetVersion: 1,
  ...over,
});
const percents = alertPercents([75, 90]);
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('the clock state machine', () => {
  const t = at('2026-01-05T09:00:00Z');
  const cases: [ClockFacts['state'], ClockCommand['type'], ClockFacts['state'] | null][] = [
    ['running', 'pause', 'paused'],
    ['paused', 'pause', null],
    ['paused', 'resume', 'running'],
    ['running', 'resume', null],
    ['running', 'meet', 'met'],
    ['paused', 'meet', 'met'],
    ['met', 'meet', null],
    ['running', 'stop', 'stopped'],
    ['stopped', 'stop', null],
    ['met', 'reopen', 'running'],
    ['stopped', 'reopen', null],
    ['running', 'reopen', null],
  ];
  for (const [from, type, to] of cases) {
    it(`${type} on a ${from} clock ${to ? `makes it ${to}` : 'does nothing'}`, () => {
      const cmd = (type === 'reopen' ? { type, at: t, paused: false } : { type, at: t }) as ClockCommand;
      const stoppedAt = from === 'met' || from === 'stopped' ? t : null;
      expect(applyClockCommand(clock({ state: from, stoppedAt }), cmd)?.clock.state ?? null).toBe(to);
    });
  }

  it('records the stop instant when met and clears it when reopened into a pause', () => {
    const met = applyClockCommand(clock(), { type: 'meet', at: t })!;
    expect(met).toMatchObject({ change: 'met', clock: { state: 'met', stoppedAt: t } });
    const reopened = applyClockCommand(met.clock, { type: 'reopen', at: t, paused: true })!;
    expect(reopened).toMatchObject({ change: 'reopened', clock: { state: 'paused', stoppedAt: null } });
  });

  it('bumps the target version on a target change, and only on a real change of a live clock', () => {
    const changed = applyClockCommand(clock(), { type: 'retarget', at: t, targetSeconds: HOUR })!;
    expect(changed.clock).toMatchObject({ targetSeconds: HOUR, targetVersion: 2, startedAt: started });
    expect(applyClockCommand(clock(), { type: 'retarget', at: t, targetSeconds: 4 * HOUR })).toBeNull();
    expect(
      applyClockCommand(clock({ state: 'met', stoppedAt: t }), {
        type: 'retarget',
        at: t,
        targetSeconds: HOUR,
      }),
    ).toBeNull();
  });
});

describe('measuring a clock', () => {
  it('reports due instant, elapsed and remaining working time while running', () => {
    const m = measureClock(clock(), BERLIN_8X5, [], at('2026-01-05T09:30:00Z'));
    expect(m).toMatchObject({ elapsedSeconds: 1.5 * HOUR, remainingSeconds: 2.5 * HOUR, breached: false });
    expect(iso(m.dueAt)).toBe('2026-01-05T12:00:00.000Z');
  });

  it('goes negative and reports the breach once overdue, counting only working time', () => {
    const m = measureClock(clock(), BERLIN_8X5, [], at('2026-01-06T09:00:00Z'));
    // Monday 08:00–16:00 UTC is 8 working hours, Tuesday 08:00–09:00 one more: 9 h against a 4 h target.
    expect(m).toMatchObject({ elapsedSeconds: 9 * HOUR, remainingSeconds: -5 * HOUR, breached: true });
  });

  it('freezes while paused and has no due instant until the pause ends', () => {
    const pauses: Pause[] = [{ start: at('2026-01-05T09:00:00Z'), end: null }];
    const m = measureClock(clock({ state: 'paused' }), BERLIN_8X5, pauses, at('2026-01-07T09:00:00Z'));
    expect(m).toMatchObject({
      elapsedSeconds: HOUR,
      remainingSeconds: 3 * HOUR,
      dueAt: null,
      breached: false,
    });
  });

  it('measures a met clock up to the instant it was met, ignoring later pauses', () => {
    const met = clock({ state: 'met', stoppedAt: at('2026-01-05T10:00:00Z') });
    const pauses: Pause[] = [{ start: at('2026-01-05T10:00:00Z'), end: null }];
    const m = measureClock(met, BERLIN_8X5, pauses, at('2026-02-01T00:00:00Z'));
    expect(m).toMatchObject({ elapsedSeconds: 2 * HOUR, remainingSeconds: 2 * HOUR, breached: false });
    expect(iso(m.dueAt)).toBe('2026-01-05T12:00:00.000Z');
  });

  it('counts meeting the target at the due instant itself as late', () => {
    const m = measureClock(
      clock({ state: 'met', stoppedAt: at('2026-01-05T12:00:00Z') }),
      BERLIN_8X5,
      [],
      started,
    );
    expect(m).toMatchObject({ remainingSeconds: 0, breached: true });
  });
});

describe('thresholds', () => {
  it('are reached at 75 %, 90 % and 100 % of the target in working time', () => {
    const reached = reachedThresholds(
      clock(),
      percents,
      new Set(),
      BERLIN_8X5,
      [],
      at('2026-01-06T00:00:00Z'),
    );
    expect(reached.map((r) => [r.percent, r.at.toISOString()])).toEqual([
      [75, '2026-01-05T11:00:00.000Z'],
      [90, '2026-01-05T11:36:00.000Z'],
      [100, '2026-01-05T12:00:00.000Z'],
    ]);
  });

  it('skips thresholds already fired and those not reached yet', () => {
    const reached = reachedThresholds(
      clock(),
      percents,
      new Set([75]),
      BERLIN_8X5,
      [],
      at('2026-01-05T11:40:00Z'),
    );
    expect(reached.map((r) => r.percent)).toEqual([90]);
  });

  it('does not count thresholds a met clock would only have reached later', () => {
    const met = clock({ state: 'met', stoppedAt: at('2026-01-05T11:30:00Z') });
    const reached = reachedThresholds(met, percents, new Set(), BERLIN_8X5, [], at('2026-01-09T00:00:00Z'));
    expect(reached.map((r) => r.percent)).toEqual([75]);
  });

  it('schedules the next check at the earliest unfired threshold of a running clock only', () => {
    expect(iso(nextCheckAt(clock(), percents, new Set([75]), BERLIN_8X5, []))).toBe(
      '2026-01-05T11:36:00.000Z',
    );
    expect(nextCheckAt(clock(), percents, new Set([75, 90, 100]), BERLIN_8X5, [])).toBeNull();
    expect(nextCheckAt(clock({ state: 'paused' }), percents, new Set(), BERLIN_8X5, [])).toBeNull();
  });

  it('moves thresholds later by the working time spent paused', () => {
    const pauses: Pause[] = [{ start: at('2026-01-05T09:00:00Z'), end: at('2026-01-05T10:00:00Z') }];
    expect(iso(nextCheckAt(clock(), percents, new Set(), BERLIN_8X5, pauses))).toBe(
      '2026-01-05T12:00:00.000Z',
    );
  });
});
