/**
 * The request as the portal and the agent workspace show it: the record, what was ordered with
 * the answers, each approval level with its votes, and the fulfilment tasks (started or planned).
 * Requesters read their own requests and approvers the requests they are asked to approve.
 */
import { asc, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { type Lifecycle, stateOf } from '../../domain/lifecycle/engine.ts';
import { type AnswerValue, displayAnswer } from '../../domain/requests/form.ts';
import { type Actor, canOnRecord } from '../../domain/roles.ts';
import { notFound } from '../../errors.ts';
import { namesOf } from '../auth/index.ts';
import {
  findRecord,
  presentRecord,
  REQUEST,
  REQUEST_TASK,
  type RecordRow,
  type RecordView,
  records,
  recordWatchers,
} from '../records/index.ts';
import { getLifecycle } from '../settings/index.ts';
import {
  catalogItems,
  requestApprovalLevels,
  requestApprovalVotes,
  requestDetails,
  requestTasks,
  type TaskTemplate,
} from './schema.ts';

type Ref = { id: string; name: string };

export type RequestView = RecordView & {
  catalogItem: Ref;
  answers: { key: string; label: string; type: string; value: AnswerValue; display: string }[];
  approval: {
    state: 'not_required' | 'pending' | 'approved' | 'rejected' | 'canceled';
    levels: {
      level: number;
      name: string;
      rule: string;
      quorum: number | null;
      state: string;
      startedAt: string | null;
      decidedAt: string | null;
      approvers: Ref[];
      votes: { approver: Ref; decision: string; reason: string | null; at: string }[];
    }[];
  };
  tasks: {
    id: string | null;
    number: string | null;
    title: string;
    order: number;
    state: string;
    stateLabel: string;
    group: Ref | null;
    assignee: Ref | null;
  }[];
};

/** Load a request for `actor`: readable by the records rules, or by being one of its approvers. */
export async function loadRequestFor(db: Db, actor: Actor, idOrNumber: string) {
  const row = await findRecord(db, idOrNumber);
  if (!row || row.type !== REQUEST.type) throw notFound('Request', idOrNumber);
  const watcherIds = (
    await db
      .select({ userId: recordWatchers.userId })
      .from(recordWatchers)
      .where(eq(recordWatchers.recordId, row.id))
  ).map((w) => w.userId);
  const levels = await db
    .select()
    .from(requestApprovalLevels)
    .where(eq(requestApprovalLevels.requestId, row.id))
    .orderBy(asc(requestApprovalLevels.level));
  const readable = canOnRecord(actor, 'read', { requesterId: row.requesterId, watcherIds });
  if (!readable && !levels.some((l) => l.approverIds.includes(actor.userId)))
    throw notFound('Request', idOrNumber);
  return { row, watcherIds, levels };
}

function approvalState(levels: { state: string }[]): RequestView['approval']['state'] {
  if (levels.length === 0) return 'not_required';
  if (levels.some((l) => l.state === 'rejected')) return 'rejected';
  if (levels.every((l) => l.state === 'approved')) return 'approved';
  if (levels.some((l) => l.state === 'active')) return 'pending';
  return 'canceled';
}

type LevelRow = typeof requestApprovalLevels.$inferSelect;
type VoteRow = typeof requestApprovalVotes.$inferSelect;
type Names = Awaited<ReturnType<typeof namesOf>>;

const refOf = (m: Map<string, Ref>, id: string | null): Ref | null =>
  id ? { id, name: m.get(id)?.name ?? '' } : null;

async function loadParts(db: Db, requestId: string) {
  const [{ value: lifecycle }, { value: taskLifecycle }, [details], votes, tasks] = await Promise.all([
    getLifecycle(db, REQUEST.process),
    getLifecycle(db, REQUEST_TASK.process),
    db
      .select({ d: requestDetails, itemName: catalogItems.name })
      .from(requestDetails)
      .innerJoin(catalogItems, eq(catalogItems.id, requestDetails.catalogItemId))
      .where(eq(requestDetails.recordId, requestId)),
    db
      .select()
      .from(requestApprovalVotes)
      .where(eq(requestApprovalVotes.requestId, requestId))
      .orderBy(asc(requestApprovalVotes.at)),
    db
      .select({ link: requestTasks, rec: records })
      .from(requestTasks)
      .innerJoin(records, eq(records.id, requestTasks.recordId))
      .where(eq(requestTasks.requestId, requestId)),
  ]);
  return { lifecycle, taskLifecycle, details, votes, tasks };
}

function presentLevels(levels: LevelRow[], votes: VoteRow[], names: Names): RequestView['approval'] {
  return {
    state: approvalState(levels),
    levels: levels.map((l) => ({
      level: l.level,
      name: l.name,
      rule: l.rule,
      quorum: l.quorum,
      state: l.state,
      startedAt: l.startedAt?.toISOString() ?? null,
      decidedAt: l.decidedAt?.toISOString() ?? null,
      approvers: l.approverIds.map((id) => refOf(names.people, id)!),
      votes: votes
        .filter((v) => v.level === l.level)
        .map((v) => ({
          approver: refOf(names.people, v.userId)!,
          decision: v.decision,
          reason: v.reason,
          at: v.at.toISOString(),
        })),
    })),
  };
}

/** Every template as a task: started ones with their record, later ones as planned. */
function presentTasks(
  templates: TaskTemplate[],
  tasks: { link: { templateIndex: number }; rec: RecordRow }[],
  taskLifecycle: Lifecycle,
  names: Names,
): RequestView['tasks'] {
  const started = new Map(tasks.map((t) => [t.link.templateIndex, t.rec]));
  return templates
    .map((t, i) => {
      const rec = started.get(i);
      if (!rec)
        return {
          id: null,
          number: null,
          title: t.title,
          order: t.order,
          state: 'planned',
          stateLabel: 'Not started',
          group: refOf(names.groups, t.groupId),
          assignee: null,
        };
      return {
        id: rec.id,
        number: rec.number,
        title: rec.title,
        order: t.order,
        state: rec.state,
        stateLabel: stateOf(taskLifecycle, rec.state)?.label ?? rec.state,
        group: refOf(names.groups, rec.groupId),
        assignee: refOf(names.people, rec.assigneeId),
      };
    })
    .sort((a, b) => a.order - b.order);
}

export async function getRequestView(
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
): Promise<RequestView> {
  const { row, watcherIds, levels } = await loadRequestFor(ctx.db, actor, idOrNumber);
  const { lifecycle, taskLifecycle, details, votes, tasks } = await loadParts(ctx.db, row.id);
  const [record] = await presentRecord(ctx.db, actor, lifecycle, [{ row, watcherIds }]);
  const templates = details?.d.taskTemplates ?? [];
  const taskRecs = tasks.map((t) => t.rec);
  const names = await namesOf(
    ctx.db,
    [...levels.flatMap((l) => l.approverIds), ...taskRecs.map((r) => r.assigneeId)],
    [...templates.map((t) => t.groupId), ...taskRecs.map((r) => r.groupId)],
  );
  const form = details?.d.form ?? [];
  const answers = details?.d.answers ?? {};
  return {
    ...record!,
    catalogItem: { id: details?.d.catalogItemId ?? '', name: details?.itemName ?? '' },
    answers: form.flatMap((f) => {
      const value = answers[f.key];
      return value === undefined
        ? []
        : [{ key: f.key, label: f.label, type: f.type, value, display: displayAnswer(f, value) }];
    }),
    approval: presentLevels(levels, votes, names),
    tasks: presentTasks(templates, tasks, taskLifecycle, names),
  };
}
