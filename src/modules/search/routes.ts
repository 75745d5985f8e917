/** HTTP route of the global search. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { SearchAnswer, SearchQuery } from '../../contracts/search.ts';
import { requireActor } from '../../http/auth.ts';
import { route } from '../../http/schemas.ts';
import { search } from './service.ts';

export function searchRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/search',
      route(['search'], {
        summary:
          'Find records of every type by number or words and configuration items by name, as far as you may see them',
        querystring: SearchQuery,
        ok: SearchAnswer,
      }),
      async (req) => search(ctx, requireActor(req), req.query),
    );
  };
}
