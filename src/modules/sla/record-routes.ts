/** HTTP routes for a record's SLA clocks, their timeline and the suppliers engaged on it. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  EngagementView,
  NearestDueQuery,
  NearestDueView,
  RecordSlaView,
  TimelineEntry,
} from '../../contracts/service-levels.ts';
import { requireActor } from '../../http/auth.ts';
import { itemRoutes } from '../../http/resource.ts';
import { RecordRefParam, route, Uuid } from '../../http/schemas.ts';
import { LIMITS } from '../../shared/limits.ts';
import { acknowledgeSupplier, engageSupplier, listEngagements, releaseSupplier } from './engagements.ts';
import { nearestDue } from './nearest-due.ts';
import { getRecordSla, getRecordSlaTimeline } from './record-sla.ts';

const tags = ['service-levels'];
const EngagementParams = RecordRefParam.extend({ engagementId: Uuid });

export function recordSlaRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/sla/due',
      route(tags, {
        summary: 'For a queue: each record’s nearest due instant and the calendar its time left counts in',
        querystring: NearestDueQuery,
        ok: z.array(NearestDueView),
      }),
      async (req) => nearestDue(ctx, requireActor(req), req.query.records),
    );
    app.get(
      '/records/:id/sla',
      route(tags, {
        summary: 'The record’s SLA, OLA and underpinning-contract clocks, measured now',
        params: RecordRefParam,
        ok: RecordSlaView,
      }),
      async (req) => getRecordSla(ctx, requireActor(req), req.params.id),
    );
    app.get(
      '/records/:id/sla/timeline',
      route(tags, {
        summary: 'Every clock start, pause, resume, target change, warning and breach, with its cause',
        params: RecordRefParam,
        ok: z.array(TimelineEntry),
      }),
      async (req) => getRecordSlaTimeline(ctx, requireActor(req), req.params.id),
    );
    itemRoutes(app, ctx, {
      path: '/records/:id/suppliers',
      tags,
      params: RecordRefParam,
      list: {
        summary: 'Suppliers engaged on the record, past and present',
        ok: z.array(EngagementView),
        run: listEngagements,
      },
      add: {
        summary: 'Engage a supplier: their underpinning contract’s clocks start',
        body: z.object({
          supplierId: Uuid,
          reference: z.string().max(LIMITS.categoryMax).nullish().describe('The supplier’s ticket number'),
          note: z.string().max(LIMITS.commentMax).optional(),
        }),
        ok: EngagementView,
        status: 201,
        run: engageSupplier,
      },
    });
    app.post(
      '/records/:id/suppliers/:engagementId/acknowledge',
      route(tags, {
        summary: 'The supplier acknowledged the work: their response target is met',
        params: EngagementParams,
        ok: EngagementView,
      }),
      async (req) => acknowledgeSupplier(ctx, requireActor(req), req.params.id, req.params.engagementId),
    );
    app.post(
      '/records/:id/suppliers/:engagementId/release',
      route(tags, {
        summary: 'Release the supplier: fulfilled meets their resolution target, withdrawn stops it',
        params: EngagementParams,
        body: z
          .object({
            outcome: z.enum(['fulfilled', 'withdrawn']).default('fulfilled'),
            note: z.string().max(LIMITS.commentMax).optional(),
          })
          .nullish(),
        ok: EngagementView,
      }),
      async (req) =>
        releaseSupplier(
          ctx,
          requireActor(req),
          req.params.id,
          req.params.engagementId,
          req.body ?? { outcome: 'fulfilled' },
        ),
    );
  };
}
