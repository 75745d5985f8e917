/** HTTP routes for the service catalog's orderable items. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { resourceRoutes } from '../../http/resource.ts';
import { Uuid } from '../../http/schemas.ts';
import { createCatalogItem, getCatalogItem, listCatalogItems, updateCatalogItem } from './catalog.ts';
import { CatalogItemCreate, CatalogItemPatch, CatalogItemView } from './schemas.ts';

const ListQuery = z.object({
  includeInactive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Withdrawn items too (catalog managers)'),
  serviceId: Uuid.optional(),
  category: z.string().max(80).optional(),
  q: z.string().max(200).optional().describe('Words in the item name'),
});

export function catalogRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    resourceRoutes(app, ctx, {
      path: '/catalog/items',
      tags: ['catalog'],
      view: CatalogItemView,
      all: {
        summary: 'The orderable items of the catalog (active ones unless includeInactive)',
        querystring: ListQuery,
        run: listCatalogItems,
      },
      get: { summary: 'One catalog item with its order form', run: getCatalogItem },
      create: {
        summary: 'Add a catalog item with its form, approval policy and task templates (service managers)',
        body: CatalogItemCreate,
        location: true,
        run: createCatalogItem,
      },
      update: {
        summary:
          'Change or withdraw (active: false) a catalog item; requests already ordered keep their copy',
        body: CatalogItemPatch,
        run: updateCatalogItem,
      },
    });
  };
}
