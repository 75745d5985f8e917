/** HTTP routes for IT assets: register, lifecycle transitions, history. */

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import {
  AssetInput,
  AssetPatch,
  AssetState,
  AssetTransition,
  AssetView,
  HistoryEntry,
} from '../../../contracts/cmdb.ts';
import { requireActor } from '../../../http/auth.ts';
import { entityAction, resourceRoutes } from '../../../http/resource.ts';
import { csv, PageQuery, route, Uuid } from '../../../http/schemas.ts';
import {
  createAsset,
  getAsset,
  listAssetHistory,
  listAssets,
  transitionAsset,
  updateAsset,
} from './service.ts';

const RefParam = z.object({ id: z.string().min(1).max(60).describe('Asset id or asset tag') });
const tags = ['assets'];

export function assetRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    resourceRoutes(app, ctx, {
      path: '/assets',
      tags,
      view: AssetView,
      params: RefParam,
      list: {
        summary: 'List assets with filters and keyset pagination (sorted by asset tag)',
        querystring: z.object({
          state: csv(AssetState).optional(),
          assignedToId: z.union([Uuid, z.literal('me')]).optional(),
          ciId: Uuid.optional(),
          supplierId: Uuid.optional(),
          q: z.string().max(200).optional().describe('Part of the asset tag, serial number or name'),
          ...PageQuery.shape,
        }),
        run: listAssets,
      },
      create: { summary: 'Register an asset', body: AssetInput, location: true, run: createAsset },
      get: { summary: 'Get an asset by id or tag', run: getAsset },
      update: {
        summary: 'Edit an asset (not its state: use transitions). If-Match avoids lost updates (412).',
        body: AssetPatch,
        run: updateAsset,
      },
    });
    entityAction(app, ctx, {
      url: '/assets/:id/transitions',
      tags,
      summary:
        'Move an asset through its lifecycle (ordered → in stock → deployed → in repair → retired → disposed)',
      params: RefParam,
      body: AssetTransition,
      ok: AssetView,
      run: transitionAsset,
    });
    app.get(
      '/assets/:id/history',
      route(tags, {
        summary: 'Field and lifecycle history of an asset, oldest first',
        params: RefParam,
        ok: z.array(HistoryEntry),
      }),
      async (req) => listAssetHistory(ctx, requireActor(req), req.params.id),
    );
  };
}
