/**
 * Fulfilment: the tasks a request creates from its item's task templates, in order. Tasks with
 * the same order run in parallel; the next order starts when every task before it is finished;
 * when none is left the request is fulfilled. A request that is canceled or rejected cancels its
 * open tasks and approval levels. All of it runs in the transaction of the change that caused it
 * (a record hook), so a request never stays behind its tasks.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { stateOf } from '../../domain/lifecycle/engine.ts';
import { nextTaskBatch } from '../../domain/requests/tasks.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden } from '../../errors.ts';
import {
  createRecordInTransaction,
  findRecord,
  loadRecord,
  REQUEST,
  REQUEST_TASK,
  type RecordEvent,
  type RecordEventContext,
  type RecordRow,
  records,
  registerRecordHook,
  type TransitionInput,
  takeSystemTransition,
  transitionRecord,
  type UpdateRecordInput,
  updateRecord,
} from '../records/index.ts';
import { getLifecycle } from '../settings/index.ts';
import { requestApprovalLevels, requestDetails, requestTasks } from './schema.ts';

export type TaskState = {
  recordId: string;
  templateIndex: number;
  sequence: number;
  state: string;
  finished: boolean;
};

/** The tasks of a request with whether each is finished (done or canceled: a closed state). */
export async function tasksOf(db: Db, requestId: string): Promise<TaskState[]> {
  const { value: lifecycle } = await getLifecycle(db, REQUEST_TASK.process);
  const rows = await db
    .select({
      recordId: requestTasks.recordId,
      templateIndex: requestTasks.templateIndex,
      sequence: requestTasks.sequence,
      state: records.state,
    })
    .from(requestTasks)
    .innerJoin(records, eq(records.id, requestTasks.recordId))
    .where(eq(requestTasks.requestId, requestId))
    .orderBy(asc(requestTasks.sequence), asc(requestTasks.templateIndex));
  return rows.map((r) => ({ ...r, finished: stateOf(lifecycle, r.state)?.category === 'closed' }));
}

/**
 * Start the next batch of tasks of a request in fulfilment, or fulfil it when every task is
 * finished. The caller holds the request's row lock, so parallel task completions take turns.
 */
export async function advanceFulfilment(
  ctx: AppContext,
  tx: Db,
  request: RecordRow,
  createdBy: string | null,
): Promise<void> {
  const [details] = await tx.select().from(requestDetails).where(eq(requestDetails.recordId, request.id));
  if (!details) return;
  const started = await tasksOf(tx, request.id);
  const { waiting, batch } = nextTaskBatch(details.taskTemplates, started);
  if (waiting) return;
  if (batch.length === 0) {
    await takeSystemTransition(ctx, tx, REQUEST, request.id, {
      to: 'fulfilled',
      reason: started.length ? 'Every fulfilment task is finished.' : 'Nothing to fulfil by hand.',
    });
    return;
  }
  for (const i of batch) {
    const t = details.taskTemplates[i]!;
    const task = await createRecordInTransaction(
      ctx,
      tx,
      REQUEST_TASK,
      {
        title: t.title,
        description: `${t.description ? `${t.description}\n\n` : ''}For ${request.number}: ${request.title}`,
        requesterId: request.requesterId,
        groupId: t.groupId,
        category: request.category,
        serviceId: request.serviceId,
        channel: request.channel,
      },
      createdBy,
    );
    await tx.insert(requestTasks).values({
      recordId: task.id,
      requestId: request.id,
      sequence: t.order,
      templateIndex: i,
    });
  }
}

async function onTaskFinished(
  ctx: AppContext,
  tx: Db,
  taskId: string,
  actorId: string | null,
): Promise<void> {
  const [link] = await tx
    .select({ requestId: requestTasks.requestId })
    .from(requestTasks)
    .where(eq(requestTasks.recordId, taskId));
  if (!link) return;
  const request = await findRecord(tx, link.requestId, true);
  // A request canceled or rejected is winding its tasks down, not moving forward.
  if (request?.state !== 'in_fulfilment') return;
  await advanceFulfilment(ctx, tx, request, actorId);
}

async function onRequestEnded(ctx: AppContext, tx: Db, request: RecordRow, label: string): Promise<void> {
  for (const t of await tasksOf(tx, request.id)) {
    if (!t.finished)
      await takeSystemTransition(ctx, tx, REQUEST_TASK, t.recordId, {
        to: 'canceled',
        reason: `${request.number} was ${label}.`,
      });
  }
  await tx
    .update(requestApprovalLevels)
    .set({ state: 'canceled', decidedAt: ctx.clock.now() })
    .where(
      and(
        eq(requestApprovalLevels.requestId, request.id),
        inArray(requestApprovalLevels.state, ['waiting', 'active']),
      ),
    );
}

export async function onRecordEvent(event: RecordEvent, ec: RecordEventContext): Promise<void> {
  if (event.kind !== 'transitioned') return;
  const category = stateOf(ec.lifecycle, event.to)?.category;
  if (event.record.type === REQUEST_TASK.type && category === 'closed')
    await onTaskFinished(ec.ctx, ec.tx, event.record.id, ec.actorId);
  if (event.record.type === REQUEST.type && category === 'closed' && event.to !== 'closed')
    await onRequestEnded(
      ec.ctx,
      ec.tx,
      event.record,
      stateOf(ec.lifecycle, event.to)?.label.toLowerCase() ?? event.to,
    );
}

/** Called once at start-up: only transitions matter, so record creation keeps its fast path. */
export function registerRequestHooks(): void {
  registerRecordHook('requests.fulfilment', onRecordEvent, ['transitioned']);
}

/** Agents work the tasks of their own groups; service managers and admins any task. */
async function assertWorksTask(ctx: AppContext, actor: Actor, idOrNumber: string): Promise<RecordRow> {
  const { row } = await loadRecord(ctx, actor, idOrNumber, { type: REQUEST_TASK.type });
  if (!can(actor, 'request_task.work')) throw forbidden(`You may not work on ${row.number}.`);
  if (can(actor, 'request_task.work_any') || (row.groupId && actor.groupIds.includes(row.groupId)))
    return row;
  throw forbidden(`${row.number} is worked by the members of its assignment group.`);
}

export async function transitionRequestTask(
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
  input: TransitionInput,
  expectedVersion: number | undefined,
) {
  const task = await assertWorksTask(ctx, actor, idOrNumber);
  // Lock the request before the task, in the same order as canceling a request does (request,
  // then its tasks), so a task finishing while its request is canceled waits instead of deadlocking,
  // and parallel tasks finishing at once take turns at deciding what comes next.
  return ctx.db.transaction(async (tx) => {
    const [link] = await tx
      .select({ requestId: requestTasks.requestId })
      .from(requestTasks)
      .where(eq(requestTasks.recordId, task.id));
    if (link) await findRecord(tx, link.requestId, true);
    return transitionRecord({ ...ctx, db: tx }, actor, REQUEST_TASK, task.id, input, expectedVersion, []);
  });
}

export async function updateRequestTask(
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
  patch: UpdateRecordInput,
  expectedVersion: number | undefined,
) {
  await assertWorksTask(ctx, actor, idOrNumber);
  return updateRecord(ctx, actor, REQUEST_TASK, idOrNumber, patch, expectedVersion);
}
