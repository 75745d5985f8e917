/**
 * A service as service level management shows it: the catalog's service with its requirements
 * (SLRs), SLAs, OLAs and underpinning contracts.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { ServiceLevelsView } from '../../contracts/service-levels.ts';
import { requireActor } from '../../http/auth.ts';
import { sendWithEtag } from '../../http/etag.ts';
import { IdParam, route } from '../../http/schemas.ts';
import { ServiceView } from '../catalog/index.ts';
import { getServiceDetail } from './service-levels.ts';

const ServiceDetail = ServiceView.extend({ serviceLevels: ServiceLevelsView }).meta({ id: 'ServiceDetail' });

export function serviceDetailRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/services/:id',
      route(['services'], {
        summary: 'A service with its requirements (SLRs), SLAs, OLAs and underpinning contracts',
        params: IdParam,
        ok: ServiceDetail,
      }),
      async (req, reply) => {
        const s = await getServiceDetail(ctx, requireActor(req), req.params.id);
        return sendWithEtag(reply, s);
      },
    );
  };
}
