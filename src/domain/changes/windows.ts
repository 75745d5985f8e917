/**
 * Maintenance and freeze windows and their occurrences. A window is one interval, or the first of
 * a series described by an iCalendar recurrence rule (RFC 5545 RRULE, through the `rrule`
 * package). Series are expanded in the window's IANA time zone on wall-clock time: a window that
 * starts Saturday 02:00 in Europe/Paris starts at 02:00 local every Saturday, summer or winter,
 * and lasts the same wall-clock span (02:00–06:00 stays 02:00–06:00 local on the night the
 * clocks change, which makes it an hour shorter or longer in elapsed time). A wall time that does
 * not exist on the day the clocks go forward moves to the first instant after the gap.
 */
import { createRequire } from 'node:module';
import type * as Luxon from 'luxon';
import type * as Rrule from 'rrule';
import { onFirstUse } from '../../on-first-use.ts';
import { DAY_MS } from '../../shared/time.ts';
import type { WindowKind } from './kinds.ts';

// Luxon through its CommonJS build: the job queue's schedule parser loads that one at start, and
// importing the ES module build beside it would hold a second copy of the library.
const { DateTime } = createRequire(import.meta.url)('luxon') as typeof Luxon;
/** The recurrence library, loaded when a window first has a rule to read (not at start). */
const rrule = onFirstUse((load) => load('rrule') as typeof Rrule);
type RRule = InstanceType<typeof Rrule.RRule>;
type RuleOptions = ReturnType<typeof Rrule.RRule.parseString>;

export { WINDOW_KINDS, type WindowKind } from './kinds.ts';

export type ScheduleWindow = {
  id: string;
  kind: WindowKind;
  name: string;
  /** A maintenance window of one CI. */
  ciId: string | null;
  /** A maintenance window of a service, or a freeze of one service; null with no CI: a global freeze. */
  serviceId: string | null;
  timeZone: string;
  /** The first (or only) occurrence. */
  start: Date;
  end: Date;
  /** RRULE body (`FREQ=WEEKLY;BYDAY=SA`), null for a one-off window. */
  rrule: string | null;
};

export type Occurrence = { windowId: string; start: Date; end: Date };

/** At most this many occurrences come out of one expansion, however long the range. */
export const MAX_OCCURRENCES = 5000;

export type WindowIssue = { field: string; message: string };

function isKnownZone(timeZone: string): boolean {
  return timeZone.length > 0 && DateTime.local().setZone(timeZone).isValid;
}

/** A parsed rule or the reason it is refused. Finer than hourly is refused: a window is not a tick. */
export function parseRule(text: string): { rule: Partial<RuleOptions> } | { error: string } {
  const body = text.trim().replace(/^RRULE:/i, '');
  if (body.length === 0) return { error: 'the recurrence rule is empty' };
  if (/DTSTART|TZID/i.test(body))
    return { error: 'the rule takes its start and time zone from the window: leave DTSTART and TZID out' };
  const { Frequency, RRule } = rrule();
  let options: RuleOptions;
  try {
    options = RRule.parseString(body);
  } catch (e) {
    return { error: `not a recurrence rule (${(e as Error).message})` };
  }
  if (options.freq === undefined) return { error: 'the rule needs a FREQ, e.g. FREQ=WEEKLY;BYDAY=SA' };
  if (options.freq === Frequency.MINUTELY || options.freq === Frequency.SECONDLY)
    return { error: 'a window recurs at most hourly' };
  try {
    new RRule({ ...options, dtstart: new Date(0) }).after(new Date(0));
  } catch (e) {
    return { error: `not a recurrence rule (${(e as Error).message})` };
  }
  return { rule: options };
}

/** What is wrong with a window's definition; empty when it is valid. */
export function validateWindow(w: Omit<ScheduleWindow, 'id' | 'name'>): WindowIssue[] {
  const issues: WindowIssue[] = [];
  if (!isKnownZone(w.timeZone))
    issues.push({ field: 'timeZone', message: `"${w.timeZone}" is not an IANA time zone` });
  if (!(w.end.getTime() > w.start.getTime()))
    issues.push({ field: 'end', message: 'the window must end after it starts' });
  if (w.kind === 'maintenance' && !w.ciId && !w.serviceId)
    issues.push({ field: 'ciId', message: 'a maintenance window belongs to a CI or a service' });
  if (w.ciId && w.serviceId)
    issues.push({ field: 'serviceId', message: 'a window belongs to a CI or a service, not both' });
  if (w.kind === 'freeze' && w.ciId)
    issues.push({ field: 'ciId', message: 'a freeze is global or on a service, not on one CI' });
  if (w.rrule !== null) {
    const parsed = parseRule(w.rrule);
    if ('error' in parsed) issues.push({ field: 'rrule', message: parsed.error });
    else if (w.end.getTime() - w.start.getTime() > 366 * DAY_MS)
      issues.push({ field: 'end', message: 'a recurring window lasts at most a year' });
  }
  return issues;
}

/** Wall-clock fields of an instant in a zone, as a "floating" UTC date (what rrule computes on). */
function floating(t: Date, zone: string): Date {
  const d = DateTime.fromJSDate(t, { zone });
  return new Date(Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute, d.second, d.millisecond));
}

/** The instant a floating wall-clock date stands for in a zone. */
function unfloat(f: Date, zone: string): Date {
  return DateTime.fromObject(
    {
      year: f.getUTCFullYear(),
      month: f.getUTCMonth() + 1,
      day: f.getUTCDate(),
      hour: f.getUTCHours(),
      minute: f.getUTCMinutes(),
      second: f.getUTCSeconds(),
      millisecond: f.getUTCMilliseconds(),
    },
    { zone },
  ).toJSDate();
}

function ruleOf(w: ScheduleWindow): RRule | null {
  if (w.rrule === null) return null;
  const parsed = parseRule(w.rrule);
  if ('error' in parsed) return null;
  return new (rrule().RRule)({ ...parsed.rule, dtstart: floating(w.start, w.timeZone) });
}

/**
 * The occurrences of a window that overlap [from, to), in start order, at most MAX_OCCURRENCES.
 * A window with an invalid rule has its first occurrence only.
 */
export function occurrencesOf(w: ScheduleWindow, from: Date, to: Date): Occurrence[] {
  const rule = ruleOf(w);
  const overlaps = (s: Date, e: Date) => s.getTime() < to.getTime() && e.getTime() > from.getTime();
  if (!rule) return overlaps(w.start, w.end) ? [{ windowId: w.id, start: w.start, end: w.end }] : [];
  const startF = floating(w.start, w.timeZone);
  const span = floating(w.end, w.timeZone).getTime() - startF.getTime();
  // Floating bounds, widened by the span (an occurrence may start before `from`) and a day for offsets.
  const lo = new Date(floating(from, w.timeZone).getTime() - span - DAY_MS);
  const hi = new Date(floating(to, w.timeZone).getTime() + DAY_MS);
  const out: Occurrence[] = [];
  rule.between(lo, hi, true, (f) => {
    const start = unfloat(f, w.timeZone);
    let end = unfloat(new Date(f.getTime() + span), w.timeZone);
    // A window inside the hour the clocks skip would vanish: it keeps its length instead.
    if (end.getTime() <= start.getTime()) end = new Date(start.getTime() + span);
    if (overlaps(start, end)) out.push({ windowId: w.id, start, end });
    return out.length < MAX_OCCURRENCES;
  });
  return out;
}

/** When the last occurrence ends; null for a series without end (no COUNT or UNTIL). */
export function lastEnd(w: ScheduleWindow): Date | null {
  const rule = ruleOf(w);
  if (!rule) return w.end;
  if (!rule.options.count && !rule.options.until) return null;
  const span = floating(w.end, w.timeZone).getTime() - floating(w.start, w.timeZone).getTime();
  let last: Date | null = null;
  let n = 0;
  rule.all((f) => {
    last = f;
    n += 1;
    return n < 100_000;
  });
  const f = last as Date | null;
  return f ? unfloat(new Date(f.getTime() + span), w.timeZone) : w.end;
}

/** Occurrences of many windows over a range, in start order. */
export function expandWindows(windows: readonly ScheduleWindow[], from: Date, to: Date): Occurrence[] {
  return windows
    .flatMap((w) => occurrencesOf(w, from, to))
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.windowId.localeCompare(b.windowId));
}
