/**
 * Calendar arithmetic on plain days (`2026-03-29`): which days a month or week view shows
 * (weeks start on Monday, ISO 8601), and on which day an instant falls in a given time zone.
 */
import { zoneRules } from '../../../../src/domain/sla/zone.ts';

export type DayKey = string;

const pad = (n: number) => String(n).padStart(2, '0');
const keyOf = (d: Date): DayKey => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const parse = (day: DayKey) => new Date(`${day}T00:00:00Z`);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
/** 0 = Monday … 6 = Sunday. */
const isoWeekday = (d: Date) => (d.getUTCDay() + 6) % 7;

/** The day an instant falls on in a time zone (an IANA name such as Europe/Berlin). */
export function dayInZone(iso: string, timeZone: string): DayKey {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The seven days of the week holding `day`, Monday first. */
export function weekDays(day: DayKey): DayKey[] {
  const start = addDays(parse(day), -isoWeekday(parse(day)));
  return Array.from({ length: 7 }, (_, i) => keyOf(addDays(start, i)));
}

/** Whole weeks covering a month (`month` is 1–12): 4 to 6 rows of seven days. */
export function monthWeeks(year: number, month: number): DayKey[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const last = new Date(Date.UTC(year, month, 0));
  const weeks: DayKey[][] = [];
  for (let d = addDays(first, -isoWeekday(first)); d <= last; d = addDays(d, 7))
    weeks.push(weekDays(keyOf(d)));
  return weeks;
}

/** The day after (or `n` days after) a day. */
export function shiftDay(day: DayKey, n: number): DayKey {
  return keyOf(addDays(parse(day), n));
}

/** The same day of the month `n` months away (clamped to the month's last day). */
export function shiftMonth(day: DayKey, n: number): DayKey {
  const d = parse(day);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return keyOf(target);
}

/**
 * Every day an event from `start` to `end` touches in a zone, first to last (an event ending at
 * midnight does not touch the next day). At most `max` days.
 */
export function daysSpanned(start: string, end: string, timeZone: string, max = 62): DayKey[] {
  const first = dayInZone(start, timeZone);
  const endMs = Date.parse(end);
  const last = endMs > Date.parse(start) ? dayInZone(new Date(endMs - 1).toISOString(), timeZone) : first;
  const out: DayKey[] = [first];
  while (out.at(-1)! < last && out.length < max) out.push(shiftDay(out.at(-1)!, 1));
  return out;
}

/** Offset of a zone at an instant (local wall time minus UTC, ms). */
const offsetAt = (t: number, timeZone: string): number => zoneRules(timeZone).offsetAt(t);

/** An instant as wall time in a zone, `2026-12-05T02:00` (what a datetime-local input holds). */
export function wallTimeIn(iso: string, timeZone: string): string {
  const t = Date.parse(iso);
  return new Date(t + offsetAt(t, timeZone)).toISOString().slice(0, 16);
}

/**
 * The instant a wall time (`2026-12-05T02:00`) stands for in a zone, as ISO 8601 UTC. A wall time
 * the clocks skip resolves to the instant after the gap; a repeated one to the first.
 */
export function instantOf(wall: string, timeZone: string): string {
  const asUtc = Date.parse(`${wall.length === 16 ? `${wall}:00` : wall}Z`);
  if (!Number.isFinite(asUtc)) return '';
  const first = asUtc - offsetAt(asUtc, timeZone);
  const second = asUtc - offsetAt(first, timeZone);
  const fits = (t: number) => t + offsetAt(t, timeZone) === asUtc;
  const candidates = [first, second].filter(fits).sort((a, b) => a - b);
  return new Date(candidates[0] ?? Math.max(first, second)).toISOString();
}
