/** Every HTTP route of the CMDB module: classes, CIs, relationships, impact, assets, contracts, licences, imports. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { assetRoutes } from './assets/routes.ts';
import { ciRoutes } from './ci-routes.ts';
import { contractRoutes } from './contracts/routes.ts';
import { impactRoutes } from './impact-routes.ts';
import { importRoutes } from './import/routes.ts';
import { licenceRoutes } from './licences/routes.ts';

export function cmdbRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(ciRoutes(ctx));
    await app.register(impactRoutes(ctx));
    await app.register(assetRoutes(ctx));
    await app.register(contractRoutes(ctx));
    await app.register(licenceRoutes(ctx));
    await app.register(importRoutes(ctx));
  };
}
