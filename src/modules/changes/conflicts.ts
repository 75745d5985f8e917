/**
 * Scheduling conflicts of a change, through the change schedule's public face: change management
 * is a schedule source (its planned changes are on the calendar and in every conflict check), and
 * asks `checkConflicts` for a change's conflicts with the other changes, the freezes and the
 * maintenance windows. A conflict does not block silently: it is shown, and scheduling or starting
 * the change needs it gone (a free slot) or an explicit override with a reason by the change
 * manager. An override covers the conflicts it was given for; new ones need a new override, and
 * new planned dates drop it.
 */
import { and, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { ConflictView } from '../../contracts/change-schedule.ts';
import type { ConflictReport } from '../../contracts/changes.ts';
import type { Db } from '../../db/client.ts';
import { CHANGE_STATES } from '../../domain/changes/lifecycle.ts';
import type { Actor } from '../../domain/roles.ts';
import { conflict } from '../../errors.ts';
import { checkConflicts, registerScheduleSource, type ScheduledItem } from '../change-schedule/index.ts';
import { recordCis } from '../cmdb/index.ts';
import { CHANGE, loadRecord, type RecordRow, records } from '../records/index.ts';
import { assertChangeManager } from './access.ts';
import { type ChangeDetailRow, loadDetailRow, saveDetailEdit } from './details.ts';
import { notifyChangeConflicting } from './notifications.ts';
import { changeDetails } from './schema.ts';

/** The states in which a change holds its slot on the schedule. */
export const ON_SCHEDULE = [CHANGE_STATES.authorise, CHANGE_STATES.scheduled, CHANGE_STATES.implement];

async function cisOf(db: Db, recordIds: string[]): Promise<Map<string, string[]>> {
  if (recordIds.length === 0) return new Map();
  const rows = await db
    .select({ recordId: recordCis.recordId, ciId: recordCis.ciId })
    .from(recordCis)
    .where(inArray(recordCis.recordId, recordIds));
  const m = new Map<string, string[]>();
  for (const r of rows) m.set(r.recordId, [...(m.get(r.recordId) ?? []), r.ciId]);
  return m;
}

/** Changes holding a slot that overlaps the range, filtered by service, CI or group. */
export async function listScheduledChanges(
  db: Db,
  range: { from: Date; to: Date },
  filter: { serviceIds?: string[] | undefined; ciIds?: string[] | undefined; groupId?: string | undefined },
): Promise<ScheduledItem[]> {
  const conds = [
    eq(records.type, CHANGE.type),
    inArray(records.state, ON_SCHEDULE),
    lt(changeDetails.plannedStart, range.to),
    gt(changeDetails.plannedEnd, range.from),
  ];
  if (filter.groupId) conds.push(eq(records.groupId, filter.groupId));
  const byService = filter.serviceIds?.length ? inArray(records.serviceId, filter.serviceIds) : undefined;
  const byCi = filter.ciIds?.length
    ? sql`exists (select 1 from record_cis rc where rc.record_id = ${records.id} and rc.ci_id in (${sql.join(
        filter.ciIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}))`
    : undefined;
  const scope = byService && byCi ? or(byService, byCi) : (byService ?? byCi);
  if (scope) conds.push(scope);
  const rows = await db
    .select({ rec: records, d: changeDetails })
    .from(changeDetails)
    .innerJoin(records, eq(records.id, changeDetails.recordId))
    .where(and(...conds))
    .limit(5000);
  const cis = await cisOf(
    db,
    rows.map((r) => r.rec.id),
  );
  return rows.map(
    ({ rec, d }): ScheduledItem => ({
      recordId: rec.id,
      number: rec.number,
      title: rec.title,
      state: rec.state,
      changeType: d.changeType,
      start: d.plannedStart!,
      end: d.plannedEnd!,
      ciIds: cis.get(rec.id) ?? [],
      serviceIds: rec.serviceId ? [rec.serviceId] : [],
      groupId: rec.groupId,
    }),
  );
}

/** The schedule source: the changes on the schedule (see listScheduledChanges). */
export function registerChangeSchedule(): void {
  registerScheduleSource({ key: 'changes', listScheduled: listScheduledChanges });
}

/** The conflicts an override covers are named by kind and the change or window they are with. */
export function conflictKey(conflicts: ConflictView[]): string {
  return conflicts
    .map((c) => `${c.kind}:${c.otherRecordId ?? c.windowId ?? ''}`)
    .sort()
    .join(',');
}

/** The conflicts of a change as planned; none while it has no planned window. */
export async function conflictsOf(
  ctx: Pick<AppContext, 'db' | 'ciGraph'>,
  row: RecordRow,
  d: ChangeDetailRow,
): Promise<ConflictView[]> {
  if (!d.plannedStart || !d.plannedEnd) return [];
  const cis = await cisOf(ctx.db, [row.id]);
  return checkConflicts(ctx, {
    recordId: row.id,
    start: d.plannedStart,
    end: d.plannedEnd,
    ciIds: cis.get(row.id) ?? [],
    serviceIds: row.serviceId ? [row.serviceId] : [],
  });
}

function report(conflicts: ConflictView[], d: ChangeDetailRow): ConflictReport {
  const override = d.conflictOverrideReason
    ? {
        reason: d.conflictOverrideReason,
        by: d.conflictOverrideBy,
        at: d.conflictOverrideAt?.toISOString() ?? '',
      }
    : null;
  return {
    conflicts,
    overridden: conflicts.length > 0 && !!override && d.conflictOverrideKey === conflictKey(conflicts),
    override,
  };
}

export async function conflictReport(ctx: AppContext, actor: Actor, ref: string): Promise<ConflictReport> {
  const { row } = await loadRecord(ctx, actor, ref, { type: CHANGE.type });
  const d = await loadDetailRow(ctx.db, row.id);
  return report(await conflictsOf(ctx, row, d), d);
}

/** Refuse to schedule or start a change whose conflicts are neither gone nor overridden (409, with them). */
export async function assertScheduleClear(
  ctx: AppContext,
  row: RecordRow,
  d: ChangeDetailRow,
): Promise<void> {
  const r = report(await conflictsOf(ctx, row, d), d);
  if (r.conflicts.length === 0 || r.overridden) return;
  throw conflict(
    `${row.number} conflicts with the schedule: ${r.conflicts.map((c) => c.reason).join(' ')} Move it to a free slot, or the change manager overrides with a reason.`,
    { conflicts: r.conflicts },
  );
}

/** The change manager accepts the change's current conflicts, with a reason kept in its history. */
export async function overrideConflicts(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  reason: string,
): Promise<ConflictReport> {
  assertChangeManager(actor, 'override scheduling conflicts');
  const { row } = await loadRecord(ctx, actor, ref, { type: CHANGE.type, need: 'update' });
  const d = await loadDetailRow(ctx.db, row.id);
  const conflicts = await conflictsOf(ctx, row, d);
  if (conflicts.length === 0) throw conflict(`${row.number} has no scheduling conflicts to override.`);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await saveDetailEdit(
      tx,
      row,
      actor.userId,
      now,
      {
        conflictOverrideReason: reason,
        conflictOverrideKey: conflictKey(conflicts),
        conflictOverrideBy: actor.userId,
        conflictOverrideAt: now,
      },
      [
        {
          field: 'conflictOverride',
          oldValue: null,
          newValue: `${reason} (${conflicts.map((c) => c.otherNumber ?? c.kind).join(', ')})`,
        },
      ],
    );
    await notifyChangeConflicting(ctx, tx, row, conflicts, reason, actor.userId, now);
  });
  return conflictReport(ctx, actor, row.id);
}
