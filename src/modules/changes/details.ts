/**
 * The change's own columns (`change_details`) as the records core's detail: which body fields are
 * the change's, how views load them and how a patch saves them (with history). Instants are ISO
 * strings on the wire and timestamps in the table.
 */
import { eq, getTableColumns, inArray } from 'drizzle-orm';
import type { ChangeDetails } from '../../contracts/changes.ts';
import type { Db } from '../../db/client.ts';
import { invalid } from '../../errors.ts';
import {
  type DetailValues,
  type RecordDetail,
  type RecordRow,
  records,
  writeHistory,
} from '../records/index.ts';
import { changeDetails } from './schema.ts';

export type ChangeDetailRow = typeof changeDetails.$inferSelect;

const INSTANTS = [
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'reviewedAt',
  'conflictOverrideAt',
] as const;

/** The fields a patch may change; the others change through their own use cases. */
export const PLAN_FIELDS = [
  'plannedStart',
  'plannedEnd',
  'implementationPlan',
  'backoutPlan',
  'testPlan',
  'cabId',
] as const;

export function presentDetails(d: ChangeDetailRow): ChangeDetails {
  const iso = (v: Date | null) => v?.toISOString() ?? null;
  return {
    changeType: d.changeType,
    templateId: d.templateId,
    riskAnswers: d.riskAnswers,
    riskScore: d.riskScore,
    riskLevel: d.riskLevel,
    plannedStart: iso(d.plannedStart),
    plannedEnd: iso(d.plannedEnd),
    actualStart: iso(d.actualStart),
    actualEnd: iso(d.actualEnd),
    implementationPlan: d.implementationPlan,
    backoutPlan: d.backoutPlan,
    testPlan: d.testPlan,
    cabId: d.cabId,
    outcome: d.outcome,
    pirLessons: d.pirLessons,
    reviewedAt: iso(d.reviewedAt),
    conflictOverrideReason: d.conflictOverrideReason,
    conflictOverrideAt: iso(d.conflictOverrideAt),
  };
}

export const DETAIL_FIELDS = Object.keys(
  presentDetails({ changeType: 'normal' } as ChangeDetailRow),
) as (keyof ChangeDetails)[];

/** A change without a detail row (raised by other means than change management): a normal change with nothing planned. */
function emptyDetails(recordId: string): ChangeDetailRow {
  const none = Object.fromEntries(Object.keys(getTableColumns(changeDetails)).map((k) => [k, null]));
  return { ...(none as unknown as ChangeDetailRow), recordId, changeType: 'normal' };
}

export async function loadDetailRow(db: Db, recordId: string, lock = false): Promise<ChangeDetailRow> {
  const q = db.select().from(changeDetails).where(eq(changeDetails.recordId, recordId));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? emptyDetails(recordId);
}

/** Stored value of a plan field from its wire value. */
function toColumn(field: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  return (INSTANTS as readonly string[]).includes(field) ? new Date(v as string) : v;
}

export const changeDetail: RecordDetail = {
  fields: DETAIL_FIELDS,
  async load(db, recordIds) {
    const rows = await db.select().from(changeDetails).where(inArray(changeDetails.recordId, recordIds));
    return new Map(rows.map((r) => [r.recordId, presentDetails(r) as DetailValues]));
  },
  async save(tx, recordId, values, before) {
    const set: Record<string, unknown> = {};
    const changes = [];
    for (const f of PLAN_FIELDS) {
      if (!(f in values)) continue;
      const next = values[f] ?? null;
      const old = before?.[f] ?? null;
      const same =
        (INSTANTS as readonly string[]).includes(f) && next && old
          ? new Date(next as string).getTime() === new Date(old as string).getTime()
          : next === old;
      if (same) continue;
      set[f] = toColumn(f, next);
      changes.push({ field: f, oldValue: old, newValue: next });
    }
    if (changes.length === 0) return [];
    const start = 'plannedStart' in set ? set.plannedStart : toColumn('plannedStart', before?.plannedStart);
    const end = 'plannedEnd' in set ? set.plannedEnd : toColumn('plannedEnd', before?.plannedEnd);
    if (start instanceof Date && end instanceof Date && end <= start)
      throw invalid([{ field: 'plannedEnd', message: 'must be after the planned start' }]);
    // New dates make a different schedule: an override given for the old one no longer holds.
    if (('plannedStart' in set || 'plannedEnd' in set) && before?.conflictOverrideReason) {
      Object.assign(set, {
        conflictOverrideReason: null,
        conflictOverrideKey: null,
        conflictOverrideBy: null,
        conflictOverrideAt: null,
      });
      changes.push({ field: 'conflictOverride', oldValue: before.conflictOverrideReason, newValue: null });
    }
    await tx
      .insert(changeDetails)
      .values({ recordId, changeType: 'normal', ...set })
      .onConflictDoUpdate({ target: changeDetails.recordId, set });
    return changes;
  },
};

/**
 * Write some of a change's own columns as one edit of the record, inside `tx`: the record's
 * version moves on (its ETag covers its details) and the history says what changed.
 */
export async function saveDetailEdit(
  tx: Db,
  row: RecordRow,
  actorId: string,
  now: Date,
  set: Partial<Omit<ChangeDetailRow, 'recordId'>>,
  history: { field: string; oldValue: unknown; newValue: unknown }[],
): Promise<void> {
  await tx.update(changeDetails).set(set).where(eq(changeDetails.recordId, row.id));
  await tx
    .update(records)
    .set({ updatedAt: now, version: row.version + 1 })
    .where(eq(records.id, row.id));
  await writeHistory(tx, row.id, actorId, now, history);
}
