/**
 * HTTP routes of service requests beyond the generic record-type routes (./record-type.ts):
 * approving a request and the approver's queue.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../http/auth.ts';
import { RecordRefParam, route } from '../../http/schemas.ts';
import { ApprovalDecision, PendingApproval, RequestView } from './schemas.ts';
import { decideRequestApproval, listPendingApprovals } from './service.ts';

export function requestRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/requests/:id/approval',
      route(['approvals'], {
        summary:
          'Approve or reject the active approval level (approvers of the level only; reason required to reject)',
        params: RecordRefParam,
        body: ApprovalDecision,
        ok: RequestView,
      }),
      async (req) => decideRequestApproval(ctx, requireActor(req), req.params.id, req.body),
    );
    app.get(
      '/approvals',
      route(['approvals'], {
        summary: 'Approvals the caller can decide now',
        querystring: z.object({ mine: z.literal('pending').default('pending') }),
        ok: z.object({ items: z.array(PendingApproval) }),
      }),
      async (req) => ({ items: await listPendingApprovals(ctx, requireActor(req)) }),
    );
  };
}
