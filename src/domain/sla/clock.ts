/**
 * The SLA clock: working time between instants and due instants, against a business calendar,
 * with pauses (e.g. "awaiting customer") stopping the clock.
 *
 * Working time is the set of instants inside the calendar's intervals, outside holidays and
 * outside every pause. All arithmetic is on integer epoch milliseconds; the walk visits one
 * cached calendar day at a time (never minute by minute). See docs/sla-clock.md for the contract.
 */

import { type CalendarLike, type CompiledCalendar, compileCalendar, type WorkDay } from './compile.ts';

export type { CalendarLike, CompiledCalendar, WorkDay } from './compile.ts';
export { compileCalendar } from './compile.ts';

/** A stretch during which the clock stands still; `end: null` means still paused. */
export type Pause = { start: Date; end: Date | null };

/** Give up after this many consecutive days without working time (e.g. everything a holiday). */
const MAX_IDLE_DAYS = 366 * 30;

const NO_PAUSES: number[] = [];

function instant(d: Date, what: string): number {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new RangeError(`${what} is not a valid date.`);
  return t;
}

function durationMs(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError(`A working-time target must be a finite number of seconds ≥ 0, got ${seconds}.`);
  }
  return Math.round(seconds * 1000);
}

/**
 * Pauses as sorted, merged, flat [start, end, …] ms clipped to begin no earlier than `from`;
 * an open pause ends at Infinity.
 */
function normalizePauses(pauses: readonly Pause[] | undefined, from: number): number[] {
  if (pauses === undefined || pauses.length === 0) return NO_PAUSES;
  const spans: [number, number][] = [];
  for (const p of pauses) {
    const s = instant(p.start, 'A pause start');
    const e = p.end === null ? Number.POSITIVE_INFINITY : instant(p.end, 'A pause end');
    if (e < s)
      throw new RangeError(
        `A pause ends (${p.end?.toISOString()}) before it starts (${p.start.toISOString()}).`,
      );
    if (e > from && e > s) spans.push([Math.max(s, from), e]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const flat: number[] = [];
  for (const [s, e] of spans) {
    const last = flat.length - 1;
    if (last > 0 && flat[last]! >= s) flat[last] = Math.max(flat[last]!, e);
    else flat.push(s, e);
  }
  return flat;
}

function idleGuard(info: WorkDay, idle: number): number {
  if (info.work > 0) return 0;
  if (idle >= MAX_IDLE_DAYS) {
    throw new RangeError('The calendar has no working time for 30 years; are all working days holidays?');
  }
  return idle + 1;
}

/** Instant (ms) at which `target` ms of unpaused working time have passed since `from`; NaN if an open pause stops the clock first. */
function dueMs(cc: CompiledCalendar, from: number, target: number, pauses: readonly number[]): number {
  if (target === 0) return from;
  let remaining = target;
  let cursor = from;
  let info = cc.dayAt(from);
  let pi = 0;
  const np = pauses.length;
  let idle = 0;
  for (;;) {
    const segs = info.segments;
    for (let i = 0; i < segs.length; i += 2) {
      const to = segs[i + 1]!;
      if (to <= cursor) continue;
      let a = Math.max(segs[i]!, cursor);
      while (a < to) {
        while (pi < np && pauses[pi + 1]! <= a) pi += 2;
        let stop = to;
        if (pi < np) {
          const ps = pauses[pi]!;
          if (ps <= a) {
            a = pauses[pi + 1]!; // inside a pause: resume at its end (Infinity when open)
            continue;
          }
          if (ps < to) stop = ps;
        }
        const available = stop - a;
        if (remaining <= available) return a + remaining;
        remaining -= available;
        a = stop;
      }
      cursor = a;
    }
    if (cursor === Number.POSITIVE_INFINITY) return Number.NaN;
    idle = idleGuard(info, idle);
    info = cursor >= info.end ? cc.dayAt(cursor) : cc.next(info);
  }
}

/** Unpaused working time (ms) in [from, to). */
function elapsedMs(cc: CompiledCalendar, from: number, to: number, pauses: readonly number[]): number {
  if (to <= from) return 0;
  let total = 0;
  let cursor = from;
  let info = cc.dayAt(from);
  let pi = 0;
  const np = pauses.length;
  for (;;) {
    const segs = info.segments;
    for (let i = 0; i < segs.length; i += 2) {
      const segFrom = segs[i]!;
      if (segFrom >= to) return total;
      const segTo = Math.min(segs[i + 1]!, to);
      if (segTo <= cursor) continue;
      let a = Math.max(segFrom, cursor);
      while (a < segTo) {
        while (pi < np && pauses[pi + 1]! <= a) pi += 2;
        let stop = segTo;
        if (pi < np) {
          const ps = pauses[pi]!;
          if (ps <= a) {
            a = pauses[pi + 1]!;
            continue;
          }
          if (ps < segTo) stop = ps;
        }
        total += stop - a;
        a = stop;
      }
      cursor = a;
    }
    if (cursor >= to || info.end >= to) return total;
    info = cursor >= info.end ? cc.dayAt(cursor) : cc.next(info);
  }
}

/**
 * When an SLA target of `targetSeconds` working seconds, started at `start`, falls due: the
 * earliest instant at which the unpaused working time since `start` reaches the target.
 * - A target of 0 is due at `start` itself.
 * - A target that is met exactly at the end of a working interval is due then (Friday 17:00),
 *   not at the start of the next one.
 * - Returns null when an open pause (`end: null`) begins before the target is reached: the clock
 *   is stopped and there is no due time until the pause ends.
 */
export function computeDueAt(start: Date, targetSeconds: number, calendar: CalendarLike): Date;
export function computeDueAt(
  start: Date,
  targetSeconds: number,
  calendar: CalendarLike,
  pauses: readonly Pause[] | undefined,
): Date | null;
export function computeDueAt(
  start: Date,
  targetSeconds: number,
  calendar: CalendarLike,
  pauses?: readonly Pause[],
): Date | null {
  const from = instant(start, 'The start');
  const due = dueMs(
    compileCalendar(calendar),
    from,
    durationMs(targetSeconds),
    normalizePauses(pauses, from),
  );
  return Number.isNaN(due) ? null : new Date(due);
}

/** `from` plus `seconds` of working time (no pauses); the inverse of elapsedWorkingTime. */
export function addWorkingTime(from: Date, seconds: number, calendar: CalendarLike): Date {
  return computeDueAt(from, seconds, calendar);
}

/**
 * Working seconds in [start, end) that are not inside a pause; 0 when end ≤ start.
 * Fractional only when the instants carry milliseconds.
 */
export function elapsedWorkingTime(
  start: Date,
  end: Date,
  calendar: CalendarLike,
  pauses?: readonly Pause[],
): number {
  const from = instant(start, 'The start');
  const to = instant(end, 'The end');
  return elapsedMs(compileCalendar(calendar), from, to, normalizePauses(pauses, from)) / 1000;
}

/** Working seconds left until the target is met at `now`; negative once overdue. */
export function remainingWorkingTime(
  start: Date,
  targetSeconds: number,
  now: Date,
  calendar: CalendarLike,
  pauses?: readonly Pause[],
): number {
  const from = instant(start, 'The start');
  const elapsed = elapsedMs(
    compileCalendar(calendar),
    from,
    instant(now, 'Now'),
    normalizePauses(pauses, from),
  );
  return (durationMs(targetSeconds) - elapsed) / 1000;
}

/** Whether `at` lies inside working time (interval start inclusive, end exclusive). */
export function isWorkingInstant(at: Date, calendar: CalendarLike): boolean {
  const t = instant(at, 'The instant');
  const segs = compileCalendar(calendar).dayAt(t).segments;
  for (let i = 0; i < segs.length; i += 2) if (segs[i]! <= t && t < segs[i + 1]!) return true;
  return false;
}

/** The earliest working instant at or after `from`. */
export function nextWorkingInstant(from: Date, calendar: CalendarLike): Date {
  const t = instant(from, 'The instant');
  const cc = compileCalendar(calendar);
  let info = cc.dayAt(t);
  let idle = 0;
  for (;;) {
    const segs = info.segments;
    for (let i = 0; i < segs.length; i += 2) if (segs[i + 1]! > t) return new Date(Math.max(segs[i]!, t));
    idle = idleGuard(info, idle);
    info = cc.next(info);
  }
}
