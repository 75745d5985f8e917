/** HTTP routes for saved views of lists. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { SavedView, ViewCreate, ViewListQuery, ViewPatch } from '../../contracts/views.ts';
import { requireActor } from '../../http/auth.ts';
import { noContent } from '../../http/resource.ts';
import { IdParam, route } from '../../http/schemas.ts';
import { createView, deleteView, listViews, updateView } from './service.ts';

export function viewRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['views'];
    app.get(
      '/views',
      route(tags, {
        summary: 'Your saved views of a list and the ones shared with everyone',
        querystring: ViewListQuery,
        ok: z.object({ items: z.array(SavedView) }),
      }),
      async (req) => ({ items: await listViews(ctx, requireActor(req), req.query.list) }),
    );
    app.post(
      '/views',
      route(tags, {
        summary: 'Save a view: a name, the filters and sort as a query string, and the columns',
        body: ViewCreate,
        ok: SavedView,
        status: 201,
      }),
      async (req, reply) => reply.code(201).send(await createView(ctx, requireActor(req), req.body)),
    );
    app.patch(
      '/views/:id',
      route(tags, {
        summary: 'Rename, share or update a view (its owner; an admin for shared views)',
        params: IdParam,
        body: ViewPatch,
        ok: SavedView,
      }),
      async (req) => updateView(ctx, requireActor(req), req.params.id, req.body),
    );
    app.delete(
      '/views/:id',
      route(tags, {
        summary: 'Delete a view (its owner; an admin for shared views)',
        params: IdParam,
        ok: z.null(),
        status: 204,
      }),
      async (req, reply) => noContent(reply, deleteView(ctx, requireActor(req), req.params.id)),
    );
  };
}
