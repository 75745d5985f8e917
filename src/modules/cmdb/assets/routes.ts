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
import { ifMatchVersion, sendWithEtag, withEtag } from '../../../http/etag.ts';
import { csv, defined, Limit, page, route, Uuid } from '../../../http/schemas.ts';
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
    app.get(
      '/assets',
      route(tags, {
        summary: 'List assets with filters and keyset pagination (sorted by asset tag)',
        querystring: z.object({
          state: csv(AssetState).optional(),
          assignedToId: z.union([Uuid, z.literal('me')]).optional(),
          ciId: Uuid.optional(),
          supplierId: Uuid.optional(),
          q: z.string().max(200).optional().describe('Part of the asset tag, serial number or name'),
          cursor: z.string().max(500).optional(),
          limit: Limit,
        }),
        ok: page(AssetView),
      }),
      async (req) => listAssets(ctx, requireActor(req), req.query),
    );
    app.post(
      '/assets',
      route(tags, {
        summary: 'Register an asset',
        body: AssetInput,
        ok: AssetView,
        status: 201,
      }),
      async (req, reply) => {
        const a = await createAsset(ctx, requireActor(req), defined(req.body));
        return withEtag(reply.code(201), a).header('location', `/api/v1/assets/${a.id}`).send(a);
      },
    );
    app.get(
      '/assets/:id',
      route(tags, {
        summary: 'Get an asset by id or tag',
        params: RefParam,
        ok: AssetView,
      }),
      async (req, reply) => sendWithEtag(reply, await getAsset(ctx, requireActor(req), req.params.id)),
    );
    app.patch(
      '/assets/:id',
      route(tags, {
        summary: 'Edit an asset (not its state: use transitions). If-Match avoids lost updates (412).',
        params: RefParam,
        body: AssetPatch,
        ok: AssetView,
      }),
      async (req, reply) =>
        sendWithEtag(
          reply,
          await updateAsset(ctx, requireActor(req), req.params.id, defined(req.body), ifMatchVersion(req)),
        ),
    );
    app.post(
      '/assets/:id/transitions',
      route(tags, {
        summary:
          'Move an asset through its lifecycle (ordered → in stock → deployed → in repair → retired → disposed)',
        params: RefParam,
        body: AssetTransition,
        ok: AssetView,
      }),
      async (req, reply) =>
        sendWithEtag(
          reply,
          await transitionAsset(ctx, requireActor(req), req.params.id, req.body, ifMatchVersion(req)),
        ),
    );
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
