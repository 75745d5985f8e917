/**
 * The life of one SLA clock on a record, as pure functions: which commands move it between
 * running, paused, met and stopped, and what it measures (elapsed and remaining working time,
 * due instant, breach, the instants at which warning thresholds are reached).
 *
 * Pauses belong to the record (a paused lifecycle state, or the time a record spent resolved
 * before it was reopened); every clock of the record sees the same pauses, clipped to its own
 * start. A threshold of p % is reached at the earliest instant at which the unpaused working time
 * since the start reaches p % of the target; the breach is the 100 % threshold. Meeting the
 * target at the due instant itself is late: the whole target has been used.
 */
import { BREACH_PERCENT } from './agreement.ts';
import { computeDueAt, elapsedWorkingTime, type Pause } from './clock.ts';
import type { CalendarLike } from './compile.ts';

export const CLOCK_STATES = ['running', 'paused', 'met', 'stopped'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

export type ClockFacts = {
  state: ClockState;
  startedAt: Date;
  /** When the clock was met or stopped; null while it runs or is paused. */
  stoppedAt: Date | null;
  targetSeconds: number;
  /** Incremented on every target change, so the thresholds of a new target fire afresh. */
  targetVersion: number;
};

export type ClockCommand =
  | { type: 'pause'; at: Date }
  | { type: 'resume'; at: Date }
  | { type: 'meet'; at: Date }
  | { type: 'stop'; at: Date }
  | { type: 'reopen'; at: Date; paused: boolean }
  | { type: 'retarget'; at: Date; targetSeconds: number };

export type ClockChange = 'paused' | 'resumed' | 'met' | 'stopped' | 'reopened' | 'target_changed';

export const isActive = (c: Pick<ClockFacts, 'state'>): boolean =>
  c.state === 'running' || c.state === 'paused';

/**
 * The clock after a command, and what changed; null when the command does not apply in the
 * clock's state (pausing a paused clock, meeting a stopped one…), so callers may send commands
 * to every clock of a record without checking each one first.
 */
export function applyClockCommand(
  c: ClockFacts,
  cmd: ClockCommand,
): { clock: ClockFacts; change: ClockChange } | null {
  switch (cmd.type) {
    case 'pause':
      return c.state === 'running' ? { clock: { ...c, state: 'paused' }, change: 'paused' } : null;
    case 'resume':
      return c.state === 'paused' ? { clock: { ...c, state: 'running' }, change: 'resumed' } : null;
    case 'meet':
      return isActive(c) ? { clock: { ...c, state: 'met', stoppedAt: cmd.at }, change: 'met' } : null;
    case 'stop':
      return isActive(c) ? { clock: { ...c, state: 'stopped', stoppedAt: cmd.at }, change: 'stopped' } : null;
    case 'reopen':
      return c.state === 'met'
        ? { clock: { ...c, state: cmd.paused ? 'paused' : 'running', stoppedAt: null }, change: 'reopened' }
        : null;
    case 'retarget':
      if (!isActive(c) || cmd.targetSeconds === c.targetSeconds) return null;
      return {
        clock: { ...c, targetSeconds: cmd.targetSeconds, targetVersion: c.targetVersion + 1 },
        change: 'target_changed',
      };
  }
}

/**
 * The pauses that count for this clock. A finished clock measures up to the instant it stopped,
 * so pauses that began later (e.g. the record's time spent resolved) are none of its business and
 * one still open at that instant ends there.
 */
export function clockPauses(c: ClockFacts, pauses: readonly Pause[]): Pause[] {
  if (c.stoppedAt === null) return [...pauses];
  const stop = c.stoppedAt.getTime();
  return pauses
    .filter((p) => p.start.getTime() < stop)
    .map((p) => (p.end === null || p.end.getTime() > stop ? { start: p.start, end: c.stoppedAt } : p));
}

/** The instant the clock's measure is taken at: now while it is live, its stop once finished. */
export const measuredAt = (c: ClockFacts, now: Date): Date => c.stoppedAt ?? now;

/** When p % of the target is reached; null while an open pause keeps it from being reached. */
export function thresholdInstant(
  c: ClockFacts,
  percent: number,
  calendar: CalendarLike,
  pauses: readonly Pause[],
): Date | null {
  return computeDueAt(c.startedAt, (c.targetSeconds * percent) / 100, calendar, clockPauses(c, pauses));
}

export type ClockMeasure = {
  elapsedSeconds: number;
  /** Working seconds left; negative once overdue. */
  remainingSeconds: number;
  /** The due instant; null while paused before reaching it. */
  dueAt: Date | null;
  breached: boolean;
};

export function measureClock(
  c: ClockFacts,
  calendar: CalendarLike,
  pauses: readonly Pause[],
  now: Date,
): ClockMeasure {
  const own = clockPauses(c, pauses);
  const until = measuredAt(c, now);
  const elapsed = elapsedWorkingTime(c.startedAt, until, calendar, own);
  const dueAt = computeDueAt(c.startedAt, c.targetSeconds, calendar, own);
  return {
    elapsedSeconds: elapsed,
    remainingSeconds: c.targetSeconds - elapsed,
    dueAt,
    breached: dueAt !== null && dueAt.getTime() <= until.getTime(),
  };
}

/** Threshold percentages in firing order: the warnings, then the breach. */
export function alertPercents(warningThresholds: readonly number[]): number[] {
  return [...warningThresholds.filter((p) => p > 0 && p < BREACH_PERCENT), BREACH_PERCENT];
}

export type ReachedThreshold = { percent: number; at: Date };

/**
 * The thresholds of `percents` not in `fired`, with the instant each is reached; one that a
 * still-open pause keeps from being reached is left out.
 */
function unfiredThresholds(
  c: ClockFacts,
  percents: readonly number[],
  fired: ReadonlySet<number>,
  calendar: CalendarLike,
  pauses: readonly Pause[],
): ReachedThreshold[] {
  const out: ReachedThreshold[] = [];
  for (const percent of percents) {
    if (fired.has(percent)) continue;
    const at = thresholdInstant(c, percent, calendar, pauses);
    if (at !== null) out.push({ percent, at });
  }
  return out;
}

/**
 * Thresholds reached by `upTo` (or by the clock's stop, if earlier) that are not in `fired`,
 * with the instant each was reached.
 */
export function reachedThresholds(
  c: ClockFacts,
  percents: readonly number[],
  fired: ReadonlySet<number>,
  calendar: CalendarLike,
  pauses: readonly Pause[],
  upTo: Date,
): ReachedThreshold[] {
  const limit = Math.min(upTo.getTime(), measuredAt(c, upTo).getTime());
  return unfiredThresholds(c, percents, fired, calendar, pauses).filter((t) => t.at.getTime() <= limit);
}

/**
 * When the clock next needs looking at: the earliest instant of a threshold not yet fired, for a
 * running clock. Null for a paused or finished clock, or once every threshold has fired.
 */
export function nextCheckAt(
  c: ClockFacts,
  percents: readonly number[],
  fired: ReadonlySet<number>,
  calendar: CalendarLike,
  pauses: readonly Pause[],
): Date | null {
  if (c.state !== 'running') return null;
  let next: Date | null = null;
  for (const { at } of unfiredThresholds(c, percents, fired, calendar, pauses))
    if (next === null || at.getTime() < next.getTime()) next = at;
  return next;
}
