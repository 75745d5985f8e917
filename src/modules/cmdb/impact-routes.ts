/** HTTP routes for impact analysis, dependency trees and the CIs of work records. */

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { CiRecord, ImpactQuery, ImpactView, RecordCi } from '../../contracts/cmdb.ts';
import { requireActor } from '../../http/auth.ts';
import { csv, IdParam, RecordRefParam, route, Uuid } from '../../http/schemas.ts';
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
      route(['cmdb'], {
        summary:
          'The services these CIs support (an outage of them reaches), nearest first: the service choices of a record raised on them',
        querystring: z.object({
          ciIds: csv(Uuid).pipe(z.array(z.string()).min(1, 'name at least one CI').max(50)),
        }),
        ok: SupportedServices,
      }),
      async (req) => listServicesOfCis(ctx, requireActor(req), req.query.ciIds),
    );
    app.get(
      '/cmdb/cis/:id/impact',
      route(['cmdb'], {
        summary: 'Downstream impact of an outage of this CI, up to the services it hits',
        params: IdParam,
        querystring: ImpactQuery,
        ok: ImpactView,
      }),
      async (req) => ciImpact(ctx, requireActor(req), req.params.id, req.query),
    );
    app.get(
      '/cmdb/cis/:id/dependencies',
      route(['cmdb'], {
        summary: 'Everything this CI depends on (a service’s full dependency tree)',
        params: IdParam,
        querystring: ImpactQuery,
        ok: ImpactView,
      }),
      async (req) => ciDependencies(ctx, requireActor(req), req.params.id, req.query),
    );
    app.get(
      '/cmdb/cis/:id/records',
      route(['cmdb'], {
        summary: 'Work records (incidents, requests, …) that name this CI, newest first (at most 200)',
        params: IdParam,
        ok: z.array(CiRecord),
      }),
      async (req) => listCiRecords(ctx, requireActor(req), req.params.id),
    );
    app.get(
      '/records/:id/cis',
      route(['records'], {
        summary: 'Configuration items the record concerns',
        params: RecordRefParam,
        ok: z.array(RecordCi),
      }),
      async (req) => listRecordCis(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/records/:id/cis',
      route(['records'], {
        summary: 'Link CIs to the record (already linked ones are kept)',
        params: RecordRefParam,
        body: z.object({ ciIds: z.array(Uuid).min(1).max(50) }),
        ok: z.array(RecordCi),
      }),
      async (req) => attachRecordCis(ctx, requireActor(req), req.params.id, req.body.ciIds),
    );
    app.delete(
      '/records/:id/cis/:ciId',
      route(['records'], {
        summary: 'Unlink a CI from the record',
        params: RecordRefParam.extend({ ciId: Uuid }),
        ok: z.array(RecordCi),
      }),
      async (req) => detachRecordCi(ctx, requireActor(req), req.params.id, req.params.ciId),
    );
    app.get(
      '/records/:id/impact',
      route(['records'], {
        summary: 'The services (and everything on the way) the record’s CIs hit',
        params: RecordRefParam,
        querystring: ImpactQuery,
        ok: ImpactView,
      }),
      async (req) => recordImpact(ctx, requireActor(req), req.params.id, req.query),
    );
  };
}
