/** HTTP routes for the service catalog's orderable items. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { clientIp, requireActor } from '../../http/auth.ts';
import { ifMatchVersion, sendWithEtag, withEtag } from '../../http/etag.ts';
import { IdParam, route, Uuid } from '../../http/schemas.ts';
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
    app.get(
      '/catalog/items',
      route(['catalog'], {
        summary: 'The orderable items of the catalog (active ones unless includeInactive)',
        querystring: ListQuery,
        ok: z.object({ items: z.array(CatalogItemView) }),
      }),
      async (req) => ({ items: await listCatalogItems(ctx, requireActor(req), req.query) }),
    );
    app.get(
      '/catalog/items/:id',
      route(['catalog'], {
        summary: 'One catalog item with its order form',
        params: IdParam,
        ok: CatalogItemView,
      }),
      async (req, reply) => sendWithEtag(reply, await getCatalogItem(ctx, requireActor(req), req.params.id)),
    );
    app.post(
      '/catalog/items',
      route(['catalog'], {
        summary: 'Add a catalog item with its form, approval policy and task templates (service managers)',
        body: CatalogItemCreate,
        ok: CatalogItemView,
        status: 201,
      }),
      async (req, reply) => {
        const item = await createCatalogItem(ctx, requireActor(req), req.body, clientIp(req));
        return withEtag(reply.code(201), item)
          .header('location', `/api/v1/catalog/items/${item.id}`)
          .send(item);
      },
    );
    app.patch(
      '/catalog/items/:id',
      route(['catalog'], {
        summary:
          'Change or withdraw (active: false) a catalog item; requests already ordered keep their copy',
        params: IdParam,
        body: CatalogItemPatch,
        ok: CatalogItemView,
      }),
      async (req, reply) =>
        sendWithEtag(
          reply,
          await updateCatalogItem(
            ctx,
            requireActor(req),
            req.params.id,
            req.body,
            ifMatchVersion(req),
            clientIp(req),
          ),
        ),
    );
  };
}
