/**
 * Change management on the records core: raising a change (a standard one from its pre-approved
 * template), editing its plans and schedule, and the detail view with its board review and the
 * records it is linked to. Lifecycle rules are in `./lifecycle.ts`, the board in `./cab.ts`, the
 * post-implementation review in `./review.ts`.
 */
import { and, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { ChangeCreate, ChangePatch, ChangeView } from '../../contracts/changes.ts';
import type { Db } from '../../db/client.ts';
import { typeTakes } from '../../domain/changes/lifecycle.ts';
import type { Actor } from '../../domain/roles.ts';
import { invalid } from '../../errors.ts';
import { assertCanLinkCis, linkCis } from '../cmdb/index.ts';
import {
  CHANGE,
  createRecord,
  getRecordView,
  INCIDENT,
  linkedRecordIds,
  loadRecord,
  PROBLEM,
  type RecordRow,
  recordHistory,
  recordLinks,
  records,
  recordsNamed,
  updateRecord,
} from '../records/index.ts';
import { assertChangeWorker } from './access.ts';
import { latestReview } from './cab.ts';
import { changeCiIds, recheckConflicts, type SlotBasis } from './conflicts.ts';
import { changeDetail, loadDetailRow, PLAN_FIELDS, presentDetails } from './details.ts';
import { changeDetails } from './schema.ts';
import { templateRow } from './templates.ts';

/** Link kinds: an incident is `caused_by` the change; a change `relates_to` the problem it fixes. */
export const CAUSED_BY = 'caused_by' as const;
export const FIXES = 'relates_to' as const;

/** Link two records inside `tx`, with a history line on both; an existing link is left alone. */
export async function linkRecords(
  tx: Db,
  actorId: string,
  from: RecordRow,
  to: RecordRow,
  kind: string,
  at: Date,
): Promise<void> {
  const added = await tx
    .insert(recordLinks)
    .values({ fromId: from.id, toId: to.id, kind, createdBy: actorId, createdAt: at })
    .onConflictDoNothing()
    .returning({ id: recordLinks.id });
  if (added.length === 0) return;
  await tx.insert(recordHistory).values([
    { recordId: from.id, actorId, at, field: `link.${kind}`, oldValue: null, newValue: to.number },
    { recordId: to.id, actorId, at, field: `link.${kind}`, oldValue: null, newValue: from.number },
  ]);
}

export async function createChange(ctx: AppContext, actor: Actor, input: ChangeCreate): Promise<ChangeView> {
  assertChangeWorker(actor);
  const { changeType, templateId, ciIds, problemIds, ...rest } = input;
  const template = templateId ? await templateRow(ctx.db, templateId) : undefined;
  if (changeType === 'standard' && !templateId)
    throw invalid([{ field: 'templateId', message: 'a standard change comes from a pre-approved template' }]);
  if (templateId && changeType !== 'standard')
    throw invalid([{ field: 'templateId', message: 'only standard changes come from templates' }]);
  if (templateId && !template?.active)
    throw invalid([
      { field: 'templateId', message: template ? 'the template is retired' : 'no such template' },
    ]);
  const title = rest.title ?? template?.name;
  if (!title) throw invalid([{ field: 'title', message: 'is required' }]);
  if (ciIds?.length) assertCanLinkCis(actor);
  const problems = await recordsNamed(ctx.db, problemIds ?? [], PROBLEM.type, 'problemIds');
  const start = rest.plannedStart ? new Date(rest.plannedStart) : null;
  let end = rest.plannedEnd ? new Date(rest.plannedEnd) : null;
  if (!end && start && template) end = new Date(start.getTime() + template.durationMinutes * 60_000);
  if (start && end && end <= start)
    throw invalid([{ field: 'plannedEnd', message: 'must be after the planned start' }]);
  const created = await createRecord(
    ctx,
    actor,
    CHANGE,
    {
      title,
      description: rest.description ?? template?.description,
      impact: rest.impact,
      urgency: rest.urgency,
      category: rest.category ?? template?.category,
      assigneeId: rest.assigneeId,
      groupId: rest.groupId ?? template?.groupId,
      serviceId: rest.serviceId ?? template?.serviceId,
    },
    {
      withRecord: async (tx, row) => {
        await tx.insert(changeDetails).values({
          recordId: row.id,
          changeType,
          templateId: template?.id ?? null,
          riskLevel: template ? (template.riskLevel as 'low' | 'medium' | 'high') : null,
          plannedStart: start,
          plannedEnd: end,
          implementationPlan: rest.implementationPlan ?? template?.implementationPlan ?? null,
          backoutPlan: rest.backoutPlan ?? template?.backoutPlan ?? null,
          testPlan: rest.testPlan ?? template?.testPlan ?? null,
          cabId: rest.cabId ?? null,
        });
        await linkCis(tx, actor.userId, row.id, ciIds ?? [], row.createdAt);
        for (const p of problems) await linkRecords(tx, actor.userId, row, p, FIXES, row.createdAt);
      },
    },
  );
  return getChangeView(ctx, actor, created.id);
}

/** Records of `types` linked to the change, either way, with `kinds`. */
export async function linkedRecords(db: Db, changeId: string, types: string[], kinds: string[]) {
  const ids = await linkedRecordIds(db, changeId, kinds);
  if (ids.length === 0) return [];
  return db
    .select({
      id: records.id,
      number: records.number,
      title: records.title,
      state: records.state,
      type: records.type,
    })
    .from(records)
    .where(and(inArray(records.id, ids), inArray(records.type, types)))
    .orderBy(records.number);
}

export async function getChangeView(ctx: AppContext, actor: Actor, ref: string): Promise<ChangeView> {
  const base = await getRecordView(ctx, actor, CHANGE, ref);
  const d = await loadDetailRow(ctx.db, base.id);
  const details = presentDetails(d);
  return {
    ...base,
    ...details,
    transitions: base.transitions.filter((t) => typeTakes(d.changeType, t)),
    cab: await latestReview(ctx.db, base.id),
    causedIncidents: await linkedRecords(ctx.db, base.id, [INCIDENT.type], [CAUSED_BY]),
    problems: await linkedRecords(ctx.db, base.id, [PROBLEM.type], [FIXES, CAUSED_BY]),
  };
}

/** Edit a change: the record's fields and its plans; new planned dates drop a conflict override. */
export async function updateChange(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  patch: ChangePatch,
  expectedVersion: number | undefined,
): Promise<ChangeView> {
  const values: Record<string, unknown> = {};
  const base: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if ((PLAN_FIELDS as readonly string[]).includes(k)) {
      if (v !== undefined) values[k] = v;
    } else base[k] = v;
  }
  const detail = Object.keys(values).length
    ? {
        save: async (tx: Db, recordId: string) =>
          changeDetail.save(tx, recordId, values, (await changeDetail.load(tx, [recordId])).get(recordId)),
      }
    : undefined;
  const moves = 'serviceId' in base || 'plannedStart' in values || 'plannedEnd' in values;
  const prior = moves ? await slotBasis(ctx, actor, ref) : undefined;
  const rec = await updateRecord(ctx, actor, CHANGE, ref, base, expectedVersion, undefined, detail);
  if (prior) {
    const why = [
      prior.basis.serviceId !== rec.serviceId ? 'its service changed' : '',
      'plannedStart' in values || 'plannedEnd' in values ? 'its planned dates changed' : '',
    ].filter(Boolean);
    if (why.length)
      await recheckConflicts(
        ctx,
        actor.userId,
        rec.id,
        prior.basis,
        `The change was edited: ${why.join(' and ')}.`,
      );
  }
  return getChangeView(ctx, actor, rec.id);
}

/** What the change's slot rests on before an edit (see recheckConflicts). */
async function slotBasis(ctx: AppContext, actor: Actor, ref: string): Promise<{ basis: SlotBasis }> {
  const { row } = await loadRecord(ctx, actor, ref, { type: CHANGE.type });
  const d = await loadDetailRow(ctx.db, row.id);
  return {
    basis: {
      ciIds: await changeCiIds(ctx.db, row.id),
      serviceId: row.serviceId,
      plannedStart: d.plannedStart,
      plannedEnd: d.plannedEnd,
    },
  };
}
