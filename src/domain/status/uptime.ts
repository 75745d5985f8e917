/**
 * Uptime of a service from its recorded status periods. Each period says the service was in a
 * status from `start` until `end` (null: still is). Time in a major outage counts as down, time
 * in a partial outage as half down, every other status as up; time before the first period or
 * between periods is unknown and counts neither way. Pure.
 */

import { DAY_MS, isoDate } from '../../shared/time.ts';
import type { ServiceStatus } from './derive.ts';
import { SEVERITY } from './derive.ts';

export type StatusPeriod = { status: ServiceStatus; start: Date; end: Date | null };

/** The share of an instant in a status that counts as downtime. */
export const DOWN_WEIGHT: Record<ServiceStatus, number> = {
  operational: 0,
  under_maintenance: 0,
  degraded: 0,
  partial_outage: 0.5,
  major_outage: 1,
};

export type Uptime = {
  /** 0..100, or null when nothing in the window was recorded. */
  percent: number | null;
  /** Milliseconds covered by periods within the window. */
  knownMs: number;
  /** Weighted milliseconds of downtime within the window. */
  downMs: number;
};

function clip(p: StatusPeriod, from: number, to: number): [number, number] | null {
  const s = Math.max(p.start.getTime(), from);
  const e = Math.min(p.end ? p.end.getTime() : to, to);
  return e > s ? [s, e] : null;
}

/**
 * Uptime over [from, to). Overlapping periods (which the recorder does not write, but data may
 * hold) are not counted twice: each instant takes the worst status any period gives it.
 */
export function uptime(periods: readonly StatusPeriod[], from: Date, to: Date): Uptime {
  const f = from.getTime();
  const t = to.getTime();
  if (t <= f) return { percent: null, knownMs: 0, downMs: 0 };
  // Sweep over the boundaries; between two boundaries the set of covering periods is constant.
  const pieces = periods.flatMap((p) => {
    const c = clip(p, f, t);
    return c ? [{ s: c[0], e: c[1], w: DOWN_WEIGHT[p.status] }] : [];
  });
  const points = [...new Set(pieces.flatMap((p) => [p.s, p.e]))].sort((a, b) => a - b);
  let knownMs = 0;
  let downMs = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    let covered = false;
    let w = 0;
    for (const p of pieces)
      if (p.s <= a && p.e >= b) {
        covered = true;
        w = Math.max(w, p.w);
      }
    if (!covered) continue;
    knownMs += b - a;
    downMs += (b - a) * w;
  }
  return { percent: knownMs === 0 ? null : (100 * (knownMs - downMs)) / knownMs, knownMs, downMs };
}

export type DayBar = {
  /** The day's first instant (UTC) as YYYY-MM-DD. */
  day: string;
  /** The worst status recorded on that day, or null when nothing was recorded. */
  worst: ServiceStatus | null;
  uptime: number | null;
};

/** One bar per UTC day for the `days` days ending with the day of `now`, oldest first. */
export function dailyBars(periods: readonly StatusPeriod[], now: Date, days: number): DayBar[] {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const bars: DayBar[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const start = today - i * DAY_MS;
    const end = Math.min(start + DAY_MS, now.getTime());
    let w: ServiceStatus | null = null;
    for (const p of periods) {
      if (!clip(p, start, end)) continue;
      if (w === null || SEVERITY[p.status] > SEVERITY[w]) w = p.status;
    }
    bars.push({
      day: isoDate(new Date(start)),
      worst: w,
      uptime: uptime(periods, new Date(start), new Date(end)).percent,
    });
  }
  return bars;
}
