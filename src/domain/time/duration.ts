/**
 * Work time as people type and read it: "1h 30m", "90m", "1.5h", "1:30" or a plain number of
 * minutes, parsed into whole minutes; minutes shown back as "1h 30m". What a stopped timer books,
 * and the totals of a time report. Pure: no I/O.
 */

/** The longest single time entry: one day. Longer work is booked as several entries. */
export const MAX_ENTRY_MINUTES = 24 * 60;

const UNIT_MINUTES: Record<string, number> = {
  d: 24 * 60,
  day: 24 * 60,
  days: 24 * 60,
  h: 60,
  hr: 60,
  hrs: 60,
  hour: 60,
  hours: 60,
  m: 1,
  min: 1,
  mins: 1,
  minute: 1,
  minutes: 1,
};

const PART = /(\d+(?:[.,]\d+)?)\s*([a-z]+)/gy;

/**
 * Whole minutes from a duration as typed, or null when it is not one (or is zero). Accepts
 * "1h 30m", "1h30m", "2 hours 15 min", "45m", "1.5h", "1,5 h", "1:30" (hours:minutes) and a
 * bare number of minutes ("90"). Fractions of a minute round to the nearest minute.
 */
export function parseDuration(text: string): number | null {
  const s = text.trim().toLowerCase();
  if (s === '') return null;
  let minutes: number;
  const clock = /^(\d{1,3}):([0-5]\d)$/.exec(s);
  if (clock) {
    minutes = Number(clock[1]) * 60 + Number(clock[2]);
  } else if (/^\d+$/.test(s)) {
    minutes = Number(s);
  } else {
    const compact = s.replace(/\s+/g, ' ');
    PART.lastIndex = 0;
    let total = 0;
    let pos = 0;
    const seen = new Set<number>();
    while (pos < compact.length) {
      if (compact[pos] === ' ') {
        pos++;
        continue;
      }
      PART.lastIndex = pos;
      const m = PART.exec(compact);
      if (!m) return null;
      const unit = UNIT_MINUTES[m[2]!];
      if (unit === undefined || seen.has(unit)) return null;
      seen.add(unit);
      total += Number(m[1]!.replace(',', '.')) * unit;
      pos = PART.lastIndex;
    }
    minutes = total;
  }
  const rounded = Math.round(minutes);
  return Number.isFinite(rounded) && rounded > 0 ? rounded : null;
}

/** Minutes as people read them: "45m", "2h", "1h 30m"; zero is "0m". */
export function formatMinutes(total: number): string {
  const m = Math.max(0, Math.round(total));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest}m`;
  return rest === 0 ? `${h}h` : `${h}h ${rest}m`;
}

/**
 * What a timer books when it stops: the elapsed time in whole minutes, at least one, at most a
 * day (a timer forgotten overnight books a day; the entry can be corrected afterwards).
 */
export function timerMinutes(startedAt: Date, stoppedAt: Date): number {
  const elapsed = Math.round((stoppedAt.getTime() - startedAt.getTime()) / 60_000);
  return Math.min(MAX_ENTRY_MINUTES, Math.max(1, elapsed));
}

export type TimeReportRow = {
  key: string | null;
  label: string;
  totalMinutes: number;
  billableMinutes: number;
  entries: number;
  records: number;
};

/**
 * The rows of a time report in the order shown (most time first, then by label; "none" last)
 * with the totals over all of them and each row's share of the total, in percent.
 */
export function summariseTimeReport(rows: readonly TimeReportRow[]): {
  rows: (TimeReportRow & { share: number })[];
  totalMinutes: number;
  billableMinutes: number;
  entries: number;
} {
  const totalMinutes = rows.reduce((a, r) => a + r.totalMinutes, 0);
  const billableMinutes = rows.reduce((a, r) => a + r.billableMinutes, 0);
  const entries = rows.reduce((a, r) => a + r.entries, 0);
  const sorted = [...rows].sort(
    (a, b) =>
      Number(a.key === null) - Number(b.key === null) ||
      b.totalMinutes - a.totalMinutes ||
      a.label.localeCompare(b.label),
  );
  return {
    rows: sorted.map((r) => ({
      ...r,
      share: totalMinutes === 0 ? 0 : Math.round((1000 * r.totalMinutes) / totalMinutes) / 10,
    })),
    totalMinutes,
    billableMinutes,
    entries,
  };
}
