/** HTTP routes for the service portfolio (staff) and the live catalog (everyone). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { ServiceView } from '../../contracts/services.ts';
import { requireActor } from '../../http/auth.ts';
import { resourceRoutes } from '../../http/resource.ts';
import { csv, IdParam, PageQuery, page, route, Uuid } from '../../http/schemas.ts';
import { LIMITS } from '../../shared/limits.ts';
import { CRITICALITIES, LIFECYCLE_STATUSES, SERVICE_KINDS } from './present.ts';
import { createService, getCatalogEntry, listCatalog, listServices, updateService } from './service.ts';

const CatalogEntry = z
  .object({ id: z.string(), name: z.string(), description: z.string(), category: z.string().nullable() })
  .meta({ id: 'CatalogEntry' });

const ServiceCreate = z.object({
  kind: z.enum(SERVICE_KINDS),
  name: z.string().trim().min(1, 'is required').max(LIMITS.nameMax),
  description: z.string().max(LIMITS.descriptionMax).optional(),
  category: z.string().trim().max(LIMITS.categoryMax).nullish(),
  criticality: z.enum(CRITICALITIES),
  lifecycleStatus: z.enum(LIFECYCLE_STATUSES).optional().describe('Defaults to pipeline'),
  ownerId: Uuid.nullish().describe('The service owner (a user)'),
  supportGroupId: Uuid.nullish(),
  customerIds: z.array(Uuid).max(500).optional().describe('Organisations the service is delivered to'),
  dependsOn: z
    .array(Uuid)
    .max(200)
    .optional()
    .describe('Business services only: the technical services that support this one'),
});
const ServicePatch = ServiceCreate.omit({ kind: true }).partial();

export function serviceCatalogRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    resourceRoutes(app, ctx, {
      path: '/services',
      tags: ['services'],
      view: ServiceView,
      list: {
        summary: 'The service portfolio: business and technical services in every lifecycle stage',
        querystring: z.object({
          kind: z.enum(SERVICE_KINDS).optional(),
          lifecycleStatus: csv(z.enum(LIFECYCLE_STATUSES)).optional().describe('Comma-separated'),
          customerId: Uuid.optional(),
          q: z.string().max(200).optional(),
          ...PageQuery.shape,
        }),
        run: listServices,
      },
      create: {
        summary: 'Add a business or technical service (service managers)',
        body: ServiceCreate,
        location: true,
        run: createService,
      },
      update: {
        summary: 'Change a service (service managers, or its owner). Send If-Match; 412 when stale.',
        body: ServicePatch,
        run: updateService,
      },
    });
    app.get(
      '/catalog',
      route(['catalog'], {
        summary: 'The live service catalog: business services anyone may raise records against',
        querystring: z.object({
          q: z.string().max(200).optional(),
          category: z.string().max(LIMITS.categoryMax).optional(),
          ...PageQuery.shape,
        }),
        ok: page(CatalogEntry),
      }),
      async (req) => listCatalog(ctx, requireActor(req), req.query),
    );
    app.get(
      '/catalog/:id',
      route(['catalog'], {
        summary: 'One live catalog entry',
        params: IdParam,
        ok: CatalogEntry,
      }),
      async (req) => getCatalogEntry(ctx, requireActor(req), req.params.id),
    );
  };
}
