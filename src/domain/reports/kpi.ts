/**
 * The maths of key performance indicators, without I/O: how a value compares with its target
 * (red, amber, green), how it moved since the previous period, the previous period of a window,
 * the buckets a trend is drawn in, means, medians and rates. The reports module's KPI catalog
 * (which SQL measures what) uses these; the web app shows their answers.
 */
import { DAY_MS } from '../../shared/time.ts';

/** score: a mean of 1–5 answers (customer satisfaction), shown with two decimals. */
export type KpiUnit = 'count' | 'percent' | 'seconds' | 'hours' | 'score';
/** Whether a higher value is good news (compliance) or bad news (breaches, time to resolve). */
export type GoodWhen = 'up' | 'down';
export type Rag = 'green' | 'amber' | 'red';

export type KpiTarget = {
  /** The value aimed at. */
  target: number;
  /**
   * How far on the wrong side of the target is still amber, in the KPI's unit: a compliance
   * target of 95 % with tolerance 5 is amber from 90 % to just under 95 %, red below 90 %.
   */
  tolerance: number;
};

/** Green on or beyond the target, amber within the tolerance on the wrong side, red beyond it. */
export function ragOf(value: number | null, t: KpiTarget, goodWhen: GoodWhen): Rag | null {
  if (value === null || !Number.isFinite(value)) return null;
  const shortfall = goodWhen === 'up' ? t.target - value : value - t.target;
  if (shortfall <= 0) return 'green';
  return shortfall <= t.tolerance ? 'amber' : 'red';
}

/** Percent change from the previous value; null when there is nothing to compare with. */
export function percentChange(value: number | null, previous: number | null): number | null {
  if (value === null || previous === null || previous === 0) return null;
  return ((value - previous) / Math.abs(previous)) * 100;
}

export type Window = { from: Date; to: Date };

/** The window of the same length just before this one. */
export function previousWindow(w: Window): Window {
  const length = w.to.getTime() - w.from.getTime();
  return { from: new Date(w.from.getTime() - length), to: new Date(w.from) };
}

export type Bucket = 'day' | 'week' | 'month';

/** The bucket a trend over this window is drawn in: days up to 5 weeks, weeks up to 6 months, months beyond. */
export function bucketFor(w: Window): Bucket {
  const days = (w.to.getTime() - w.from.getTime()) / DAY_MS;
  if (days <= 35) return 'day';
  if (days <= 190) return 'week';
  return 'month';
}

/** The start of the UTC bucket holding `at` (weeks start on Monday, as PostgreSQL's date_trunc does). */
export function bucketStart(at: Date, bucket: Bucket): Date {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  if (bucket === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (bucket === 'month') d.setUTCDate(1);
  return d;
}

/** Every bucket start from the one holding `from` up to (excluding) `to`. */
export function bucketStarts(w: Window, bucket: Bucket): Date[] {
  const out: Date[] = [];
  const d = bucketStart(w.from, bucket);
  while (d.getTime() < w.to.getTime()) {
    out.push(new Date(d));
    if (bucket === 'day') d.setUTCDate(d.getUTCDate() + 1);
    else if (bucket === 'week') d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** The median (the mean of the two middle values for an even count), as PostgreSQL's percentile_cont(0.5). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Share of `hits` in `total` as a percentage; null when there is no total. */
export function rate(hits: number, total: number): number | null {
  return total > 0 ? (hits / total) * 100 : null;
}

/** Age bands of open records (backlog ageing), by age in whole days. */
export const AGE_BANDS = [
  { key: 'lt1d', label: 'Under 1 day', maxDays: 1 },
  { key: '1to3d', label: '1–3 days', maxDays: 3 },
  { key: '3to7d', label: '3–7 days', maxDays: 7 },
  { key: '7to30d', label: '7–30 days', maxDays: 30 },
  { key: 'gt30d', label: 'Over 30 days', maxDays: Number.POSITIVE_INFINITY },
] as const;
export type AgeBand = (typeof AGE_BANDS)[number]['key'];

export function ageBand(ageSeconds: number): AgeBand {
  const days = ageSeconds / 86_400;
  return AGE_BANDS.find((b) => days < b.maxDays)!.key;
}

/** "3 h 20 min", "2 d 4 h", "45 s": a calendar duration in words for KPI values. */
export function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** A KPI value in words: counts as integers, percentages with one decimal, durations in words, scores of 5 with two decimals. */
export function formatKpiValue(value: number | null, unit: KpiUnit): string {
  if (value === null) return '—';
  if (unit === 'percent') return `${value.toFixed(1)} %`;
  if (unit === 'score') return `${value.toFixed(2)} / 5`;
  if (unit === 'seconds') return formatSeconds(value);
  if (unit === 'hours') return `${value.toLocaleString('en', { maximumFractionDigits: 1 })} h`;
  return Math.round(value).toLocaleString('en');
}
