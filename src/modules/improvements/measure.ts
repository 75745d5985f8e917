/**
 * Measuring an improvement with the reports engine: the baseline (each linked KPI over the
 * window before the proposal was raised or approved) and the outcome (over the window after it
 * was done, cut at now while that window runs), with the verdict in the KPI's good direction.
 */
import type {
  ImprovementKpiFilter,
  ImprovementOutcome,
  MeasuredValue,
} from '../../contracts/improvements.ts';
import type { Db } from '../../db/client.ts';
import { verdictOf, windowAfter, windowBefore } from '../../domain/improvements/outcome.ts';
import { formatKpiValue } from '../../domain/reports/kpi.ts';
import { kpiDefinition, kpiValueOver } from '../reports/index.ts';

const filterOf = (f: ImprovementKpiFilter | null | undefined) => ({
  ...(f?.serviceId && { serviceId: f.serviceId }),
  ...(f?.groupId && { groupId: f.groupId }),
  ...(f?.priority && { priority: f.priority }),
  ...(f?.type?.length && { type: f.type }),
});

/** Each KPI over the `days` before `at`, as the engine computes it at that instant. */
export async function measureBaseline(
  db: Db,
  keys: readonly string[],
  filter: ImprovementKpiFilter | null | undefined,
  days: number,
  at: Date,
): Promise<Record<string, MeasuredValue>> {
  const w = windowBefore(at, days);
  const entries = await Promise.all(
    keys.map(async (key) => {
      const m = await kpiValueOver(db, key, filterOf(filter), w, at);
      return [key, { ...m, from: w.from.toISOString(), to: w.to.toISOString() }] as const;
    }),
  );
  return Object.fromEntries(entries);
}

export type Measurable = {
  kpiKeys: readonly string[];
  kpiFilter: ImprovementKpiFilter | null;
  outcomeDays: number;
  baseline: Record<string, MeasuredValue>;
  /** When the improvement was done; null while it is not. */
  doneAt: Date | null;
};

/** Before and after of every linked KPI the catalog still knows. */
export async function measureOutcomes(db: Db, m: Measurable, now: Date): Promise<ImprovementOutcome[]> {
  const after = m.doneAt ? windowAfter(m.doneAt, m.outcomeDays, now) : null;
  const out = await Promise.all(
    m.kpiKeys.map(async (key): Promise<ImprovementOutcome | null> => {
      const d = kpiDefinition(key);
      if (!d) return null;
      const before = m.baseline[key] ?? null;
      const measured = after
        ? {
            ...(await kpiValueOver(db, key, filterOf(m.kpiFilter), after, now)),
            from: after.from.toISOString(),
            to: after.to.toISOString(),
            complete: after.complete,
          }
        : null;
      return {
        kpi: { key, label: d.label, unit: d.unit, goodWhen: d.goodWhen, target: d.target.target },
        before,
        beforeFormatted: formatKpiValue(before?.value ?? null, d.unit),
        after: measured,
        afterFormatted: formatKpiValue(measured?.value ?? null, d.unit),
        verdict: verdictOf(before?.value ?? null, measured?.value ?? null, d.goodWhen),
      };
    }),
  );
  return out.filter((o) => o !== null);
}
