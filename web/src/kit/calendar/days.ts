/**
 * Calendar arithmetic on plain days (`2026-03-29`): which days a month or week view shows
 * (weeks start on Monday, ISO 8601), and on which day an instant falls in a given time zone.
 */
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
