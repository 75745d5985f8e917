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
import { problemResponses, RecordRefParam, Uuid } from '../../http/schemas.ts';
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
      {
        schema: {
          tags,
          summary: 'For a queue: each record’s nearest due instant and the calendar its time left counts in',
          querystring: NearestDueQuery,
          response: { 200: z.array(NearestDueView), ...problemResponses },
        },
      },
      async (req) => nearestDue(ctx, requireActor(req), req.query.records),
    );
    app.get(
      '/records/:id/sla',
      {
        schema: {
          tags,
          summary: 'The record’s SLA, OLA and underpinning-contract clocks, measured now',
          params: RecordRefParam,
          response: { 200: RecordSlaView, ...problemResponses },
        },
      },
      async (req) => getRecordSla(ctx, requireActor(req), req.params.id),
    );
    app.get(
      '/records/:id/sla/timeline',
      {
        schema: {
          tags,
          summary: 'Every clock start, pause, resume, target change, warning and breach, with its cause',
          params: RecordRefParam,
          response: { 200: z.array(TimelineEntry), ...problemResponses },
        },
      },
      async (req) => getRecordSlaTimeline(ctx, requireActor(req), req.params.id),
    );
    app.get(
      '/records/:id/suppliers',
      {
        schema: {
          tags,
          summary: 'Suppliers engaged on the record, past and present',
          params: RecordRefParam,
          response: { 200: z.array(EngagementView), ...problemResponses },
        },
      },
      async (req) => listEngagements(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/records/:id/suppliers',
      {
        schema: {
          tags,
          summary: 'Engage a supplier: their underpinning contract’s clocks start',
          params: RecordRefParam,
          body: z.object({
            supplierId: Uuid,
            reference: z.string().max(LIMITS.categoryMax).nullish().describe('The supplier’s ticket number'),
            note: z.string().max(LIMITS.commentMax).optional(),
          }),
          response: { 201: EngagementView, ...problemResponses },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await engageSupplier(ctx, requireActor(req), req.params.id, req.body)),
    );
    app.post(
      '/records/:id/suppliers/:engagementId/acknowledge',
      {
        schema: {
          tags,
          summary: 'The supplier acknowledged the work: their response target is met',
          params: EngagementParams,
          response: { 200: EngagementView, ...problemResponses },
        },
      },
      async (req) => acknowledgeSupplier(ctx, requireActor(req), req.params.id, req.params.engagementId),
    );
    app.post(
      '/records/:id/suppliers/:engagementId/release',
      {
        schema: {
          tags,
          summary: 'Release the supplier: fulfilled meets their resolution target, withdrawn stops it',
          params: EngagementParams,
          body: z
            .object({
              outcome: z.enum(['fulfilled', 'withdrawn']).default('fulfilled'),
              note: z.string().max(LIMITS.commentMax).optional(),
            })
            .nullish(),
          response: { 200: EngagementView, ...problemResponses },
        },
      },
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
