/**
 * When a scheduled report runs and which period it covers. A schedule runs at the start of each
 * day, week (Monday) or month, in UTC, and reports the whole period that has just ended: a daily
 * report run on 3 March covers 2 March, a weekly one the week before, a monthly one the month
 * before. Pure.
 */
export const FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const startOfDay = (t: Date) => new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));

/** The start of the period holding `at`. */
export function periodStart(at: Date, f: Frequency): Date {
  const d = startOfDay(at);
  if (f === 'weekly') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (f === 'monthly') d.setUTCDate(1);
  return d;
}

export function addPeriod(start: Date, f: Frequency, n = 1): Date {
  const d = new Date(start);
  if (f === 'daily') d.setUTCDate(d.getUTCDate() + n);
  else if (f === 'weekly') d.setUTCDate(d.getUTCDate() + 7 * n);
  else d.setUTCMonth(d.getUTCMonth() + n);
  return d;
}

/** The first run after `at`: the next period boundary. */
export function nextRun(at: Date, f: Frequency): Date {
  return addPeriod(periodStart(at, f), f);
}

/** The period a run at `runAt` reports: the whole period before the one holding it. */
export function reportedPeriod(runAt: Date, f: Frequency): { from: Date; to: Date } {
  const to = periodStart(runAt, f);
  return { from: addPeriod(to, f, -1), to };
}
