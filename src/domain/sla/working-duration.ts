/**
 * SLA targets as people enter and read them: in working days, hours and minutes of the business
 * calendar the agreement counts in, not in minutes and 24-hour days. A working day is the
 * calendar's working hours per working day (its weekly working time over the days that have
 * any): 8 h for Monday to Friday 09:00–17:00, 24 h round the clock. The API keeps storing
 * minutes; these convert both ways. Pure; the web app imports it as a value.
 */
import { type BusinessCalendar, intervalSegments, parseTime } from './calendar.ts';

/** Working minutes in one working day of the calendar; null when it has no working time. */
export function workingDayMinutes(calendar: Pick<BusinessCalendar, 'intervals'>): number | null {
  const perDay = new Map<number, number>();
  calendar.intervals.forEach((iv, i) => {
    const start = parseTime(iv.start);
    const end = parseTime(iv.end, true);
    if (start === null || end === null || start === end) return;
    for (const seg of intervalSegments(iv.day, start, end, i))
      perDay.set(seg.day, (perDay.get(seg.day) ?? 0) + seg.to - seg.from);
  });
  const total = [...perDay.values()].reduce((a, b) => a + b, 0);
  return perDay.size ? Math.round(total / perDay.size) : null;
}

/** "2 d 4 h 30 min" for minutes, a day being `dayMinutes` (days are left out when null). */
export function formatWorkingDuration(minutes: number, dayMinutes: number | null): string {
  let rest = Math.max(0, Math.round(minutes));
  const parts: string[] = [];
  if (dayMinutes && rest >= dayMinutes) {
    parts.push(`${Math.floor(rest / dayMinutes)} d`);
    rest %= dayMinutes;
  }
  if (rest >= 60) parts.push(`${Math.floor(rest / 60)} h`);
  if (rest % 60 || parts.length === 0) parts.push(`${rest % 60} min`);
  return parts.join(' ');
}

const PART = /(\d+(?:[.,]\d+)?)\s*(d|days?|h|hours?|m|min|mins|minutes?)\b/gi;

export type ParsedDuration = { minutes: number } | { error: string };

/**
 * Minutes for what someone typed: "4 h", "1 d 2 h", "1.5 d", "90 min"; a bare number is hours.
 * Days need a calendar (`dayMinutes`). Answers whole minutes above zero, or why not.
 */
export function parseWorkingDuration(text: string, dayMinutes: number | null): ParsedDuration {
  const t = text.trim();
  if (!t) return { error: 'Enter a duration, e.g. 4 h, 1 d 2 h or 30 min.' };
  let total = 0;
  if (/^\d+(?:[.,]\d+)?$/.test(t)) total = Number(t.replace(',', '.')) * 60;
  else {
    const leftover = t.replace(PART, '').trim();
    if (leftover) return { error: `“${t}” is not a duration: write e.g. 4 h, 1 d 2 h or 30 min.` };
    for (const m of t.matchAll(PART)) {
      const n = Number(m[1]!.replace(',', '.'));
      const unit = m[2]!.toLowerCase()[0];
      if (unit === 'd') {
        if (!dayMinutes) return { error: 'Choose a calendar to enter working days; or enter hours.' };
        total += n * dayMinutes;
      } else total += unit === 'h' ? n * 60 : n;
    }
  }
  const minutes = Math.round(total);
  if (minutes <= 0) return { error: 'The target must be at least one minute.' };
  return { minutes };
}
