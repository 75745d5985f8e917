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
import { cis, type RecordCisChange, recordCis } from '../cmdb/index.ts';
import { CHANGE, findRecord, loadRecord, type RecordRow, records, writeHistory } from '../records/index.ts';
import { statusSourceChanged } from '../status-page/index.ts';
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
    // Served by the GiST index on the planned window (change_details_planned_range_idx): only the
    // changes overlapping the range are read, however long the schedule's history.
    sql`tstzrange(${changeDetails.plannedStart}, greatest(${changeDetails.plannedStart}, ${changeDetails.plannedEnd})) && tstzrange(${range.from}::timestamptz, ${range.to}::timestamptz)`,
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

/** What a change's place on the schedule rested on before an edit. */
export type SlotBasis = {
  ciIds: string[];
  serviceId: string | null;
  plannedStart: Date | null;
  plannedEnd: Date | null;
};

/** The CIs a change names now. */
export async function changeCiIds(db: Db, recordId: string): Promise<string[]> {
  return (await cisOf(db, [recordId])).get(recordId) ?? [];
}

/**
 * Re-check the conflicts of a change after what its slot rests on changed (planned dates, CIs,
 * service), once that edit committed. A change holding a slot on the schedule (before the board,
 * scheduled or being implemented) that gained conflicts its override does not cover has them
 * written to its history, and its people are told (`change.conflicting`) with `why`.
 */
export async function recheckConflicts(
  ctx: AppContext,
  actorId: string | null,
  recordId: string,
  before: SlotBasis,
  why: string,
): Promise<ConflictView[]> {
  const row = await findRecord(ctx.db, recordId);
  if (!row || row.type !== CHANGE.type || !(ON_SCHEDULE as readonly string[]).includes(row.state)) return [];
  const d = await loadDetailRow(ctx.db, row.id);
  const after = await conflictsOf(ctx, row, d);
  if (after.length === 0 || report(after, d).overridden) return [];
  const old =
    before.plannedStart && before.plannedEnd && before.plannedEnd > before.plannedStart
      ? await checkConflicts(ctx, {
          recordId: row.id,
          start: before.plannedStart,
          end: before.plannedEnd,
          ciIds: before.ciIds,
          serviceIds: before.serviceId ? [before.serviceId] : [],
        })
      : [];
  const known = new Set(old.map((c) => conflictKey([c])));
  const fresh = after.filter((c) => !known.has(conflictKey([c])));
  if (fresh.length === 0) return [];
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await writeHistory(tx, row.id, actorId, now, [
      { field: 'conflicts', oldValue: null, newValue: fresh.map((c) => c.reason).join(' ') },
    ]);
    await notifyChangeConflicting(ctx, tx, row, fresh, why, actorId, now);
  });
  return fresh;
}

/**
 * CIs linked to or unlinked from a change (through the CMDB's routes): its version moves on (its
 * page and conflict panel follow at once, as after new dates) and its conflicts are re-checked.
 */
export async function onChangeCisChanged(change: RecordCisChange): Promise<void> {
  const { ctx, record, added, removed, at } = change;
  if (record.type !== CHANGE.type) return;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(records)
      .set({ version: sql`${records.version} + 1`, updatedAt: at })
      .where(eq(records.id, record.id));
    await statusSourceChanged(ctx, tx);
  });
  const lower = (ids: string[]) => new Set(ids.map((id) => id.toLowerCase()));
  const gained = lower(added);
  const lost = lower(removed);
  const now = (await changeCiIds(ctx.db, record.id)).map((id) => id.toLowerCase());
  const d = await loadDetailRow(ctx.db, record.id);
  const names = await ctx.db
    .select({ id: cis.id, name: cis.name })
    .from(cis)
    .where(inArray(cis.id, [...gained, ...lost]));
  const name = (id: string) => names.find((n) => n.id.toLowerCase() === id)?.name ?? id;
  const said = [
    gained.size ? `linked ${[...gained].map(name).join(', ')}` : '',
    lost.size ? `unlinked ${[...lost].map(name).join(', ')}` : '',
  ].filter(Boolean);
  await recheckConflicts(
    ctx,
    change.actor.userId,
    record.id,
    {
      ciIds: [...now.filter((id) => !gained.has(id)), ...lost],
      serviceId: record.serviceId,
      plannedStart: d.plannedStart,
      plannedEnd: d.plannedEnd,
    },
    `The CIs the change affects changed (${said.join('; ')}).`,
  );
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
