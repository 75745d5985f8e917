/**
 * A business calendar compiled for fast clock arithmetic: the weekly template as minute offsets,
 * holidays as sets, and a lazily filled cache of the working stretches of each local day as
 * absolute instants (epoch ms). Compiling validates; compiled calendars are memoised per calendar
 * object, so treat calendars as immutable once used.
 */

import {
  type BusinessCalendar,
  InvalidCalendarError,
  type IsoWeekday,
  intervalSegments,
  parseDate,
  parseTime,
  validateCalendar,
} from './calendar.ts';
import { MS_PER_DAY, type ZoneRules, zoneRules } from './zone.ts';

/** One local calendar day of a compiled calendar. */
export type WorkDay = {
  /** Local date as days since 1970-01-01. */
  readonly day: number;
  /** Instant (epoch ms) of this local day's midnight; the day covers [start, end). */
  readonly start: number;
  /** Instant of the next local midnight. */
  readonly end: number;
  /** Working stretches as flat [from, to, from, to, …] instants, ascending and disjoint. */
  readonly segments: readonly number[];
  /** Total working time of the day in ms. */
  readonly work: number;
  readonly holiday: boolean;
  /** The following day, linked on first use. */
  next: WorkDay | undefined;
};

const MAX_CACHED_DAYS = 200_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** [year, month, day] of a day number (H. Hinnant's civil_from_days). */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

/** ISO weekday (1 = Monday) of a day number; day 0 (1970-01-01) was a Thursday. */
export function isoWeekday(days: number): IsoWeekday {
  return (((((days + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

export class CompiledCalendar {
  readonly calendar: BusinessCalendar;
  readonly zone: ZoneRules;
  /** Working minutes per week, before holidays. */
  readonly weeklyMinutes: number;
  /** Index 0–6 = ISO weekday 1–7: flat [from, to, …] minutes after local midnight. */
  readonly #week: number[][];
  readonly #oneOff: Set<number>;
  readonly #recurring: Set<number>;
  readonly #days = new Map<number, WorkDay>();
  #offsetGuess = 0;

  constructor(calendar: BusinessCalendar) {
    this.calendar = calendar;
    this.zone = zoneRules(calendar.timeZone);
    const perDay: [number, number][][] = [[], [], [], [], [], [], []];
    calendar.intervals.forEach((interval, i) => {
      const start = parseTime(interval.start)!;
      const end = parseTime(interval.end, true)!;
      for (const s of intervalSegments(interval.day, start, end, i)) perDay[s.day - 1]!.push([s.from, s.to]);
    });
    let minutes = 0;
    this.#week = perDay.map((segs) => {
      segs.sort((a, b) => a[0] - b[0]);
      const flat: number[] = [];
      for (const [from, to] of segs) {
        minutes += to - from;
        if (flat.length > 0 && flat[flat.length - 1]! >= from) flat[flat.length - 1] = to;
        else flat.push(from, to);
      }
      return flat;
    });
    this.weeklyMinutes = minutes;
    this.#oneOff = new Set();
    this.#recurring = new Set();
    for (const h of calendar.holidays) {
      const [year, month, day] = parseDate(h.recurring ? `2000${h.date.slice(4)}` : h.date)!;
      if (h.recurring) this.#recurring.add(month * 100 + day);
      else this.#oneOff.add(daysFromCivil(year, month, day));
    }
  }

  get timeZone(): string {
    return this.calendar.timeZone;
  }

  /** Whether the local date (days since 1970-01-01) is a holiday. */
  isHoliday(day: number): boolean {
    if (this.#oneOff.has(day)) return true;
    if (this.#recurring.size === 0) return false;
    const [, month, d] = civilFromDays(day);
    return this.#recurring.has(month * 100 + d);
  }

  /** The local day with the given number. */
  day(day: number): WorkDay {
    const cached = this.#days.get(day);
    if (cached !== undefined) return cached;
    if (this.#days.size >= MAX_CACHED_DAYS) this.#days.clear();
    const info = this.#build(day);
    this.#days.set(day, info);
    return info;
  }

  /** The day after `info`. */
  next(info: WorkDay): WorkDay {
    let next = info.next;
    if (next === undefined) {
      next = this.day(info.day + 1);
      info.next = next;
    }
    return next;
  }

  /** The local day containing the instant `t` (epoch ms). */
  dayAt(t: number): WorkDay {
    let info = this.day(Math.floor((t + this.#offsetGuess) / MS_PER_DAY));
    while (t < info.start) info = this.day(info.day - 1);
    while (t >= info.end) info = this.next(info);
    this.#offsetGuess = info.day * MS_PER_DAY - info.start;
    return info;
  }

  #build(day: number): WorkDay {
    const zone = this.zone;
    const local = day * MS_PER_DAY;
    const start = zone.resolve(local);
    const end = zone.resolve(local + MS_PER_DAY);
    const holiday = this.isHoliday(day);
    const template = holiday ? [] : this.#week[isoWeekday(day) - 1]!;
    const segments: number[] = [];
    let work = 0;
    if (template.length > 0) {
      // Without an offset change inside the day, every wall time is midnight plus its minutes.
      const uniform = end - start === MS_PER_DAY && zone.offsetAt(start) === zone.offsetAt(end - 1);
      for (let i = 0; i < template.length; i += 2) {
        const fromLocal = local + template[i]! * 60_000;
        const toLocal = local + template[i + 1]! * 60_000;
        const from = uniform ? fromLocal - (local - start) : zone.resolve(fromLocal);
        const to = uniform ? toLocal - (local - start) : zone.resolve(toLocal);
        if (to <= from) continue; // swallowed by a spring-forward gap
        work += to - from;
        if (segments.length > 0 && segments[segments.length - 1]! >= from) segments[segments.length - 1] = to;
        else segments.push(from, to);
      }
    }
    return { day, start, end, segments, work, holiday, next: undefined };
  }
}

export type CalendarLike = BusinessCalendar | CompiledCalendar;

const byObject = new WeakMap<BusinessCalendar, CompiledCalendar>();
/** Calendars rebuilt per request (e.g. from a database row) share the compilation of equal content. */
const byContent = new Map<string, CompiledCalendar>();
const MAX_BY_CONTENT = 512;

/**
 * Validate and compile a calendar, memoised per calendar object and, failing that, per content.
 * Throws InvalidCalendarError when validateCalendar reports problems.
 */
export function compileCalendar(calendar: CalendarLike): CompiledCalendar {
  if (calendar instanceof CompiledCalendar) return calendar;
  let result = byObject.get(calendar);
  if (result !== undefined) return result;
  const key = JSON.stringify([calendar.timeZone, calendar.intervals, calendar.holidays]);
  result = byContent.get(key);
  if (result === undefined) {
    const issues = validateCalendar(calendar);
    if (issues.length > 0) throw new InvalidCalendarError(issues);
    result = new CompiledCalendar(structuredClone(calendar));
    if (byContent.size >= MAX_BY_CONTENT) byContent.delete(byContent.keys().next().value!);
    byContent.set(key, result);
  }
  byObject.set(calendar, result);
  return result;
}
