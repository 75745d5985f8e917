/** The calendar editor's working state and its conversion to the API's calendar shape. */
import type { Holiday, IsoWeekday, WeeklyInterval } from '../../../../src/domain/sla/calendar.ts';
import type { Calendar, CalendarInput } from '../../api/queries/serviceLevels.ts';
import { WEEKDAY_LABELS, WEEKDAYS } from './labels.ts';

export type Hours = { start: string; end: string };
export type WeekHours = Record<number, Hours[]>;
export type CalendarDraft = {
  name: string;
  description: string;
  timeZone: string;
  week: WeekHours;
  holidays: Holiday[];
};
/** Where each interval sent to the server came from, to place its errors back on the row. */
export type SentInterval = { day: number; index: number };

export const emptyWeek = (): WeekHours => Object.fromEntries(WEEKDAYS.map((d) => [d, []]));

export const officeHours = (): WeekHours =>
  Object.fromEntries(WEEKDAYS.map((d) => [d, d <= 5 ? [{ start: '09:00', end: '17:00' }] : []]));

export const aroundTheClock = (): WeekHours =>
  Object.fromEntries(WEEKDAYS.map((d) => [d, [{ start: '00:00', end: '24:00' }]]));

export function draftOf(c: Calendar | undefined, zone: string): CalendarDraft {
  if (!c) return { name: '', description: '', timeZone: zone, week: officeHours(), holidays: [] };
  const week = emptyWeek();
  for (const i of c.intervals) week[i.day]?.push({ start: i.start, end: i.end });
  return {
    name: c.name,
    description: c.description,
    timeZone: c.timeZone,
    week,
    holidays: c.holidays.map((h) => ({ ...h })),
  };
}

export function toInput(d: CalendarDraft): { input: CalendarInput; sent: SentInterval[] } {
  const intervals: WeeklyInterval[] = [];
  const sent: SentInterval[] = [];
  for (const day of WEEKDAYS)
    (d.week[day] ?? []).forEach((h, index) => {
      intervals.push({ day: day as IsoWeekday, start: h.start.trim(), end: h.end.trim() });
      sent.push({ day, index });
    });
  return {
    input: {
      name: d.name.trim(),
      description: d.description,
      timeZone: d.timeZone,
      intervals,
      holidays: d.holidays.map((h) => ({ ...h, name: h.name.trim() })),
    },
    sent,
  };
}

const minutesOf = (hhmm: string): number | null => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) return null;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return v <= 24 * 60 && Number(m[2]) < 60 ? v : null;
};

/** Working hours in a week without holidays (wall-clock, ignoring daylight saving shifts). */
export function weeklyHours(week: WeekHours): number {
  let minutes = 0;
  for (const day of WEEKDAYS)
    for (const h of week[day] ?? []) {
      const s = minutesOf(h.start);
      const e = minutesOf(h.end);
      if (s === null || e === null || s === e) continue;
      minutes += e > s ? e - s : 24 * 60 - s + e;
    }
  return minutes / 60;
}

/** A readable name for a field of the calendar the server complained about. */
export function describeField(field: string, sent: SentInterval[], d: CalendarDraft): string {
  if (field === 'timeZone') return 'Time zone';
  if (field === 'name') return 'Name';
  if (field === 'intervals') return 'Working hours';
  const iv = /^intervals\[(\d+)\]/.exec(field);
  if (iv) {
    const at = sent[Number(iv[1])];
    const h = at ? d.week[at.day]?.[at.index] : undefined;
    return at ? `${WEEKDAY_LABELS[at.day]} ${h ? `${h.start}–${h.end}` : `hours ${at.index + 1}`}` : field;
  }
  const hol = /^holidays\[(\d+)\]/.exec(field);
  if (hol) {
    const h = d.holidays[Number(hol[1])];
    return h ? `Holiday ${h.name || Number(hol[1]) + 1} (${h.date || 'no date'})` : field;
  }
  return field;
}

/** Time zones this browser knows (IANA names), with UTC first. */
export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return ['UTC', ...zones.filter((z) => z !== 'UTC')];
}
