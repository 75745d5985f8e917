/** HTTP routes for impact analysis, dependency trees and the CIs of work records. */

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { CiRecord, ImpactQuery, ImpactView, RecordCi } from '../../contracts/cmdb.ts';
import { requireActor } from '../../http/auth.ts';
import { csv, IdParam, problemResponses, RecordRefParam, Uuid } from '../../http/schemas.ts';
import { ciDependencies, ciImpact } from './impact.ts';
import { attachRecordCis, detachRecordCi, listCiRecords, listRecordCis, recordImpact } from './record-cis.ts';
import { listServicesOfCis } from './services-of.ts';

const SupportedServices = z.object({
  services: z.array(z.object({ id: z.string(), name: z.string(), classKey: z.string(), depth: z.number() })),
  total: z.number().describe('Every service reached; more than listed when the list is cut short'),
});

export function impactRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cmdb/services-of',
      {
        schema: {
          tags: ['cmdb'],
          summary:
            'The services these CIs support (an outage of them reaches), nearest first: the service choices of a record raised on them',
          querystring: z.object({
            ciIds: csv(Uuid).pipe(z.array(z.string()).min(1, 'name at least one CI').max(50)),
          }),
          response: { 200: SupportedServices, ...problemResponses },
        },
      },
      async (req) => listServicesOfCis(ctx, requireActor(req), req.query.ciIds),
    );
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
