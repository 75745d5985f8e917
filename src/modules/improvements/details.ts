/**
 * The improvement's own columns (`improvement_details`) as the records core's detail: which body
 * fields are the proposal's, how views load them and how a patch saves them (with history). A
 * patch that changes the linked KPIs or the outcome window takes the baseline again, at the
 * instant it was first taken, so before and after stay comparable.
 */
import { eq, inArray } from 'drizzle-orm';
import type { ImprovementDetails, MeasuredValue } from '../../contracts/improvements.ts';
import type { Db } from '../../db/client.ts';
import { invalid } from '../../errors.ts';
import type { RecordDetail } from '../records/index.ts';
import { kpiDefinition } from '../reports/index.ts';
import { measureBaseline } from './measure.ts';
import { improvementDetails } from './schema.ts';

type Row = typeof improvementDetails.$inferSelect;

export function presentDetails(d: Row): ImprovementDetails {
  return {
    sourceKind: d.sourceKind as ImprovementDetails['sourceKind'],
    sourceRef: d.sourceRef,
    kpiFilter: d.kpiFilter ?? null,
    expectedBenefit: d.expectedBenefit,
    serviceIds: d.serviceIds,
    kpiKeys: d.kpiKeys,
    outcomeDays: d.outcomeDays,
    baselineAt: d.baselineAt?.toISOString() ?? null,
    baseline: d.baseline,
  };
}

export const DETAIL_FIELDS = [
  'sourceKind',
  'sourceRef',
  'kpiFilter',
  'expectedBenefit',
  'serviceIds',
  'kpiKeys',
  'outcomeDays',
  'baselineAt',
  'baseline',
] as const satisfies readonly (keyof ImprovementDetails)[];

/** The fields a patch may change; the source and the baseline are set by their use cases. */
const EDITABLE = ['expectedBenefit', 'serviceIds', 'kpiKeys', 'outcomeDays'] as const;

/** KPI keys the catalog knows, without repeats; an unknown one answers 422 on `field`. */
export function checkKpiKeys(keys: readonly string[], field = 'kpiKeys'): string[] {
  keys.forEach((k, i) => {
    if (!kpiDefinition(k)) throw invalid([{ field: `${field}.${i}`, message: `no KPI ${k}` }]);
  });
  return [...new Set(keys)];
}

export async function loadDetailRow(db: Db, recordId: string): Promise<Row | undefined> {
  const [row] = await db.select().from(improvementDetails).where(eq(improvementDetails.recordId, recordId));
  return row;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export const improvementDetail: RecordDetail = {
  fields: DETAIL_FIELDS,
  async load(db, recordIds) {
    const rows = await db
      .select()
      .from(improvementDetails)
      .where(inArray(improvementDetails.recordId, recordIds));
    return new Map(rows.map((r) => [r.recordId, presentDetails(r)]));
  },
  async save(tx, recordId, values, before) {
    const row = await loadDetailRow(tx, recordId);
    if (!row) return [];
    const set: Partial<Row> = {};
    const changes = [];
    for (const f of EDITABLE) {
      if (!(f in values)) continue;
      let next = values[f];
      if (f === 'kpiKeys') next = checkKpiKeys(next as string[]);
      if (f === 'serviceIds') next = [...new Set(next as string[])];
      const old = before?.[f] ?? row[f];
      if (same(next, old)) continue;
      (set as Record<string, unknown>)[f] = next;
      changes.push({
        field: f,
        oldValue: Array.isArray(old) ? old.join(', ') : old,
        newValue: Array.isArray(next) ? next.join(', ') : next,
      });
    }
    if (changes.length === 0) return [];
    if (('kpiKeys' in set || 'outcomeDays' in set) && row.baselineAt) {
      const keys = set.kpiKeys ?? row.kpiKeys;
      const days = set.outcomeDays ?? row.outcomeDays;
      set.baseline = await measureBaseline(tx, keys, row.kpiFilter, days, row.baselineAt);
    }
    await tx.update(improvementDetails).set(set).where(eq(improvementDetails.recordId, recordId));
    return changes;
  },
};

export type { MeasuredValue };
