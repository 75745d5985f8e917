/** HTTP routes for impact analysis, dependency trees and the CIs of work records. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../http/auth.ts';
import { IdParam, problemResponses, RecordRefParam, Uuid } from '../../http/schemas.ts';
import { CiRef, ImpactQuery, ImpactView } from './api-schemas.ts';
import { ciDependencies, ciImpact } from './impact.ts';
import { attachRecordCis, detachRecordCi, listCiRecords, listRecordCis, recordImpact } from './record-cis.ts';

const RecordCi = CiRef.extend({ linkedAt: z.string() }).meta({ id: 'RecordCi' });
const CiRecord = z
  .object({
    id: z.string(),
    type: z.string(),
    number: z.string(),
    title: z.string(),
    state: z.string(),
    priority: z.number(),
    createdAt: z.string(),
    linkedAt: z.string(),
  })
  .meta({ id: 'CiRecord' });

export function impactRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cmdb/cis/:id/impact',
      {
        schema: {
          tags: ['cmdb'],
          summary: 'Downstream impact of an outage of this CI, up to the services it hits',
          params: IdParam,
          querystring: ImpactQuery,
          response: { 200: ImpactView, ...problemResponses },
        },
      },
      async (req) => ciImpact(ctx, requireActor(req), req.params.id, req.query),
    );
    app.get(
      '/cmdb/cis/:id/dependencies',
      {
        schema: {
          tags: ['cmdb'],
          summary: 'Everything this CI depends on (a service’s full dependency tree)',
          params: IdParam,
          querystring: ImpactQuery,
          response: { 200: ImpactView, ...problemResponses },
        },
      },
      async (req) => ciDependencies(ctx, requireActor(req), req.params.id, req.query),
    );
    app.get(
      '/cmdb/cis/:id/records',
      {
        schema: {
          tags: ['cmdb'],
          summary: 'Work records (incidents, requests, …) that name this CI, newest first (at most 200)',
          params: IdParam,
          response: { 200: z.array(CiRecord), ...problemResponses },
        },
      },
      async (req) => listCiRecords(ctx, requireActor(req), req.params.id),
    );
    app.get(
      '/records/:id/cis',
      {
        schema: {
          tags: ['records'],
          summary: 'Configuration items the record concerns',
          params: RecordRefParam,
          response: { 200: z.array(RecordCi), ...problemResponses },
        },
      },
      async (req) => listRecordCis(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/records/:id/cis',
      {
        schema: {
          tags: ['records'],
          summary: 'Link CIs to the record (already linked ones are kept)',
          params: RecordRefParam,
          body: z.object({ ciIds: z.array(Uuid).min(1).max(50) }),
          response: { 200: z.array(RecordCi), ...problemResponses },
        },
      },
      async (req) => attachRecordCis(ctx, requireActor(req), req.params.id, req.body.ciIds),
    );
    app.delete(
      '/records/:id/cis/:ciId',
      {
        schema: {
          tags: ['records'],
          summary: 'Unlink a CI from the record',
          params: RecordRefParam.extend({ ciId: Uuid }),
          response: { 200: z.array(RecordCi), ...problemResponses },
        },
      },
      async (req) => detachRecordCi(ctx, requireActor(req), req.params.id, req.params.ciId),
    );
    app.get(
      '/records/:id/impact',
      {
        schema: {
          tags: ['records'],
          summary: 'The services (and everything on the way) the record’s CIs hit',
          params: RecordRefParam,
          querystring: ImpactQuery,
          response: { 200: ImpactView, ...problemResponses },
        },
      },
      async (req) => recordImpact(ctx, requireActor(req), req.params.id, req.query),
    );
  };
}
