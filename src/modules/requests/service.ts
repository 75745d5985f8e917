/**
 * Service request fulfilment on the records core: the use cases the routes call. Ordering,
 * approvals and fulfilment live in their own files; this one lists and moves requests and tasks.
 */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { ApprovalDecision } from '../../contracts/requests.ts';
import type { Actor } from '../../domain/roles.ts';
import {
  getRecordView,
  REQUEST,
  REQUEST_TASK,
  records,
  type TransitionInput,
  transitionRecord,
  type UpdateRecordInput,
  updateRecord,
} from '../records/index.ts';
import { decideApproval } from './approvals.ts';
import { type OrderInput, orderRequest } from './ordering.ts';
import { requestTasks } from './schema.ts';
import { getRequestView } from './view.ts';

export { listPendingApprovals } from './approvals.ts';
export {
  createCatalogItem,
  getCatalogItem,
  listCatalogItems,
  updateCatalogItem,
} from './catalog.ts';
export { transitionRequestTask, updateRequestTask } from './fulfilment.ts';
export { getRequestView } from './view.ts';

export async function createRequest(ctx: AppContext, actor: Actor, input: OrderInput) {
  const id = await orderRequest(ctx, actor, input);
  return getRequestView(ctx, actor, id);
}

export async function updateRequest(
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
  patch: UpdateRecordInput,
  expectedVersion: number | undefined,
) {
  const rec = await updateRecord(ctx, actor, REQUEST, idOrNumber, patch, expectedVersion);
  return getRequestView(ctx, actor, rec.id);
}

/** Cancel or close by hand; the other moves of a request happen on their own. */
export async function transitionRequest(
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
  input: TransitionInput,
  expectedVersion: number | undefined,
) {
  const rec = await transitionRecord(ctx, actor, REQUEST, idOrNumber, input, expectedVersion, []);
  return getRequestView(ctx, actor, rec.id);
}

export async function decideRequestApproval(
  ctx: AppContext,
  actor: Actor,
  idOrNumber: string,
  input: ApprovalDecision,
) {
  const id = await decideApproval(ctx, actor, idOrNumber, input);
  return getRequestView(ctx, actor, id);
}

/** A task with the request it fulfils, so an agent can open it. */
export async function getRequestTask(ctx: AppContext, actor: Actor, idOrNumber: string) {
  const task = await getRecordView(ctx, actor, REQUEST_TASK, idOrNumber);
  const [request] = await ctx.db
    .select({ id: records.id, number: records.number, title: records.title, state: records.state })
    .from(requestTasks)
    .innerJoin(records, eq(records.id, requestTasks.requestId))
    .where(eq(requestTasks.recordId, task.id));
  return { ...task, request: request ?? { id: '', number: '', title: '', state: '' } };
}
