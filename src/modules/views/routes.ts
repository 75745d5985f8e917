/** HTTP routes for saved views of lists. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { SavedView, ViewCreate, ViewListQuery, ViewPatch } from '../../contracts/views.ts';
import { requireActor } from '../../http/auth.ts';
import { IdParam, problemResponses } from '../../http/schemas.ts';
import { createView, deleteView, listViews, updateView } from './service.ts';

export function viewRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['views'];
    app.get(
      '/views',
      {
        schema: {
          tags,
          summary: 'Your saved views of a list and the ones shared with everyone',
          querystring: ViewListQuery,
          response: { 200: z.object({ items: z.array(SavedView) }), ...problemResponses },
        },
      },
      async (req) => ({ items: await listViews(ctx, requireActor(req), req.query.list) }),
    );
    app.post(
      '/views',
      {
        schema: {
          tags,
          summary: 'Save a view: a name, the filters and sort as a query string, and the columns',
          body: ViewCreate,
          response: { 201: SavedView, ...problemResponses },
        },
      },
      async (req, reply) => reply.code(201).send(await createView(ctx, requireActor(req), req.body)),
    );
    app.patch(
      '/views/:id',
      {
        schema: {
          tags,
          summary: 'Rename, share or update a view (its owner; an admin for shared views)',
          params: IdParam,
          body: ViewPatch,
          response: { 200: SavedView, ...problemResponses },
        },
      },
      async (req) => updateView(ctx, requireActor(req), req.params.id, req.body),
    );
    app.delete(
      '/views/:id',
      {
        schema: {
          tags,
          summary: 'Delete a view (its owner; an admin for shared views)',
          params: IdParam,
          response: { 204: z.null(), ...problemResponses },
        },
      },
      async (req, reply) => {
        await deleteView(ctx, requireActor(req), req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
