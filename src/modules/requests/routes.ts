/** HTTP routes for service requests, their approvals and their fulfilment tasks. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { etagOf, ifMatchVersion, requireActor } from '../../http/auth.ts';
import { csv, Limit, page, problemResponses, RecordRefParam, RecordView, Uuid } from '../../http/schemas.ts';
import { LIMITS } from '../../shared/limits.ts';
import { SORT_FIELDS } from '../records/query.ts';
import { ApprovalDecision, PendingApproval, RequestTaskView, RequestView } from './schemas.ts';
import {
  createRequest,
  decideRequestApproval,
  getRequestTask,
  getRequestView,
  listPendingApprovals,
  listRequests,
  listRequestTasks,
  transitionRequest,
  transitionRequestTask,
  updateRequest,
  updateRequestTask,
} from './service.ts';

const ListQuery = z.object({
  state: csv(z.string().max(40)).optional().describe('Comma-separated state keys'),
  stateCategory: csv(z.enum(['open', 'paused', 'resolved', 'closed'])).optional(),
  groupId: csv(Uuid).optional(),
  assigneeId: z.union([Uuid, z.enum(['me', 'none'])]).optional(),
  requesterId: z.union([Uuid, z.literal('me')]).optional(),
  slaState: z
    .enum(['at_risk', 'breached'])
    .optional()
    .describe('at_risk: a running SLA clock reached a warning threshold; breached: overdue'),
  q: z.string().max(200).optional(),
  sort: z.enum(SORT_FIELDS).default('created'),
  order: z.enum(['asc', 'desc']).default('desc'),
  cursor: z.string().max(500).optional(),
  limit: Limit,
});

const Transition = z.object({
  to: z.string().min(1).max(40).describe('Target state key or transition key'),
  comment: z.string().max(LIMITS.commentMax).optional(),
  commentVisibility: z.enum(['public', 'internal']).optional(),
});

const RequestCreate = z.object({
  catalogItemId: Uuid,
  answers: z.record(z.string(), z.unknown()).default({}).describe('Answers keyed by form field key'),
  requesterId: Uuid.optional().describe('Defaults to the caller; agents may order on behalf of others'),
});

const RequestPatch = z
  .object({
    assigneeId: Uuid.nullish(),
    groupId: Uuid.nullish(),
    impact: z.number().int().min(1).max(3).optional(),
    urgency: z.number().int().min(1).max(3).optional(),
    category: z.string().max(LIMITS.categoryMax).nullish(),
  })
  .describe('Agents: coordinate a request (the answers are not editable)');

const TaskPatch = z
  .object({ assigneeId: Uuid.nullish(), groupId: Uuid.nullish() })
  .describe('Assign a task within or to a group');

export function requestRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['requests'];
    app.get(
      '/requests',
      {
        schema: {
          tags,
          summary: 'List service requests',
          querystring: ListQuery,
          response: { 200: page(RecordView), ...problemResponses },
        },
      },
      async (req) => listRequests(ctx, requireActor(req), req.query),
    );
    app.post(
      '/requests',
      {
        schema: {
          tags,
          summary: 'Order a catalog item: answers are checked against its form (422 per answers.<field>)',
          body: RequestCreate,
          response: { 201: RequestView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const rec = await createRequest(ctx, requireActor(req), req.body);
        return reply
          .code(201)
          .header('etag', etagOf(rec.version))
          .header('location', `/api/v1/requests/${rec.id}`)
          .send(rec);
      },
    );
    app.get(
      '/requests/:id',
      {
        schema: {
          tags,
          summary: 'A request with its answers, approval levels and votes, and fulfilment tasks',
          params: RecordRefParam,
          response: { 200: RequestView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const rec = await getRequestView(ctx, requireActor(req), req.params.id);
        return reply.header('etag', etagOf(rec.version)).send(rec);
      },
    );
    app.patch(
      '/requests/:id',
      {
        schema: {
          tags,
          summary: 'Assign or prioritise a request (agents). Send If-Match with the ETag (412 when stale).',
          params: RecordRefParam,
          body: RequestPatch,
          response: { 200: RequestView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const rec = await updateRequest(ctx, requireActor(req), req.params.id, req.body, ifMatchVersion(req));
        return reply.header('etag', etagOf(rec.version)).send(rec);
      },
    );
    app.post(
      '/requests/:id/transitions',
      {
        schema: {
          tags,
          summary:
            'Cancel (with a comment) or close a request; approval and fulfilment moves happen on their own',
          params: RecordRefParam,
          body: Transition,
          response: { 200: RequestView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const rec = await transitionRequest(
          ctx,
          requireActor(req),
          req.params.id,
          req.body,
          ifMatchVersion(req),
        );
        return reply.header('etag', etagOf(rec.version)).send(rec);
      },
    );
    app.post(
      '/requests/:id/approval',
      {
        schema: {
          tags: ['approvals'],
          summary:
            'Approve or reject the active approval level (approvers of the level only; reason required to reject)',
          params: RecordRefParam,
          body: ApprovalDecision,
          response: { 200: RequestView, ...problemResponses },
        },
      },
      async (req) => decideRequestApproval(ctx, requireActor(req), req.params.id, req.body),
    );
    app.get(
      '/approvals',
      {
        schema: {
          tags: ['approvals'],
          summary: 'Approvals the caller can decide now',
          querystring: z.object({ mine: z.literal('pending').default('pending') }),
          response: { 200: z.object({ items: z.array(PendingApproval) }), ...problemResponses },
        },
      },
      async (req) => ({ items: await listPendingApprovals(ctx, requireActor(req)) }),
    );
    app.get(
      '/request-tasks',
      {
        schema: {
          tags,
          summary: 'List fulfilment tasks (the agents’ queue)',
          querystring: ListQuery,
          response: { 200: page(RecordView), ...problemResponses },
        },
      },
      async (req) => listRequestTasks(ctx, requireActor(req), req.query),
    );
    app.get(
      '/request-tasks/:id',
      {
        schema: {
          tags,
          summary: 'A fulfilment task and its request',
          params: RecordRefParam,
          response: { 200: RequestTaskView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const rec = await getRequestTask(ctx, requireActor(req), req.params.id);
        return reply.header('etag', etagOf(rec.version)).send(rec);
      },
    );
    app.patch(
      '/request-tasks/:id',
      {
        schema: {
          tags,
          summary: 'Assign a fulfilment task (members of its group)',
          params: RecordRefParam,
          body: TaskPatch,
          response: { 200: RecordView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const rec = await updateRequestTask(
          ctx,
          requireActor(req),
          req.params.id,
          req.body,
          ifMatchVersion(req),
        );
        return reply.header('etag', etagOf(rec.version)).send(rec);
      },
    );
    app.post(
      '/request-tasks/:id/transitions',
      {
        schema: {
          tags,
          summary:
            'Start, complete or cancel a fulfilment task (members of its group); the request follows on its own',
          params: RecordRefParam,
          body: Transition,
          response: { 200: RecordView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const rec = await transitionRequestTask(
          ctx,
          requireActor(req),
          req.params.id,
          req.body,
          ifMatchVersion(req),
        );
        return reply.header('etag', etagOf(rec.version)).send(rec);
      },
    );
  };
}
