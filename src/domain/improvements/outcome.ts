/**
 * The maths of continual improvement, without I/O: the monthly periods a KPI is judged over, how
 * long it has been off target (red) without a break, the windows an improvement's outcome is
 * measured in (before it was approved, after it was done) and whether the KPI moved the good way.
 */

import { addDays, DAY_MS } from '../../shared/time.ts';
import { type GoodWhen, type KpiTarget, type Rag, ragOf, type Window } from '../reports/kpi.ts';

/** The last `n` whole UTC calendar months before the one holding `now`, oldest first. */
export function monthlyPeriods(now: Date, n: number): Window[] {
  const out: Window[] = [];
  for (let i = n; i >= 1; i--) {
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i + 1, 1));
    out.push({ from, to });
  }
  return out;
}

/** How many periods, counted back from the latest, were red without a break. */
export function redStreak(rags: readonly (Rag | null)[]): number {
  let n = 0;
  for (let i = rags.length - 1; i >= 0 && rags[i] === 'red'; i--) n++;
  return n;
}

/**
 * Whether a KPI's values per period (oldest first) were red for the last `periods` periods: a
 * period without a value breaks the streak, as does an amber or green one.
 */
export function offTargetFor(
  values: readonly (number | null)[],
  target: KpiTarget,
  goodWhen: GoodWhen,
  periods: number,
): boolean {
  if (periods < 1 || values.length < periods) return false;
  return redStreak(values.map((v) => ragOf(v, target, goodWhen))) >= periods;
}

/** The window before an instant (the baseline, taken when a proposal is raised or approved). */
export function windowBefore(at: Date, days: number): Window {
  return { from: addDays(at, -days), to: new Date(at) };
}

/**
 * The window after an improvement was done: `days` long from the instant it was done, cut at
 * `now` while it runs (`complete` says whether it has ended).
 */
export function windowAfter(doneAt: Date, days: number, now: Date): (Window & { complete: boolean }) | null {
  if (now.getTime() <= doneAt.getTime()) return null;
  const end = doneAt.getTime() + days * DAY_MS;
  return {
    from: new Date(doneAt),
    to: new Date(Math.min(end, now.getTime())),
    complete: now.getTime() >= end,
  };
}

export type Verdict = 'improved' | 'worsened' | 'unchanged';

/** Whether the KPI moved the good way between before and after; null when either is missing. */
export function verdictOf(before: number | null, after: number | null, goodWhen: GoodWhen): Verdict | null {
  if (before === null || after === null) return null;
  const delta = after - before;
  if (Math.abs(delta) < 1e-9) return 'unchanged';
  return delta > 0 === (goodWhen === 'up') ? 'improved' : 'worsened';
}
