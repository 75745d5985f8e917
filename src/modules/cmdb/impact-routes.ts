/** HTTP routes for impact analysis, dependency trees and the CIs of work records. */

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { CiRecord, ImpactQuery, ImpactView, RecordCi } from '../../contracts/cmdb.ts';
import { requireActor } from '../../http/auth.ts';
import { itemRoutes } from '../../http/resource.ts';
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
    itemRoutes(app, ctx, {
      path: '/records/:id/cis',
      tags: ['records'],
      params: RecordRefParam,
      list: { summary: 'Configuration items the record concerns', ok: z.array(RecordCi), run: listRecordCis },
      add: {
        summary: 'Link CIs to the record (already linked ones are kept)',
        body: z.object({ ciIds: z.array(Uuid).min(1).max(50) }),
        ok: z.array(RecordCi),
        run: (ctx, actor, id, input) => attachRecordCis(ctx, actor, id, input.ciIds),
      },
      remove: {
        summary: 'Unlink a CI from the record',
        key: 'ciId',
        ok: z.array(RecordCi),
        run: detachRecordCi,
      },
    });
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
