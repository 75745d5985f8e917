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
import { ifMatchVersion, withEtag } from '../../../http/etag.ts';
import { csv, defined, Limit, page, problemResponses, Uuid } from '../../../http/schemas.ts';
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
      {
        schema: {
          tags,
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
          response: { 200: page(AssetView), ...problemResponses },
        },
      },
      async (req) => listAssets(ctx, requireActor(req), req.query),
    );
    app.post(
      '/assets',
      {
        schema: {
          tags,
          summary: 'Register an asset',
          body: AssetInput,
          response: { 201: AssetView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const a = await createAsset(ctx, requireActor(req), defined(req.body));
        return withEtag(reply.code(201), a).header('location', `/api/v1/assets/${a.id}`).send(a);
      },
    );
    app.get(
      '/assets/:id',
      {
        schema: {
          tags,
          summary: 'Get an asset by id or tag',
          params: RefParam,
          response: { 200: AssetView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const a = await getAsset(ctx, requireActor(req), req.params.id);
        return withEtag(reply, a).send(a);
      },
    );
    app.patch(
      '/assets/:id',
      {
        schema: {
          tags,
          summary: 'Edit an asset (not its state: use transitions). If-Match avoids lost updates (412).',
          params: RefParam,
          body: AssetPatch,
          response: { 200: AssetView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const a = await updateAsset(
          ctx,
          requireActor(req),
          req.params.id,
          defined(req.body),
          ifMatchVersion(req),
        );
        return withEtag(reply, a).send(a);
      },
    );
    app.post(
      '/assets/:id/transitions',
      {
        schema: {
          tags,
          summary:
            'Move an asset through its lifecycle (ordered → in stock → deployed → in repair → retired → disposed)',
          params: RefParam,
          body: AssetTransition,
          response: { 200: AssetView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const a = await transitionAsset(ctx, requireActor(req), req.params.id, req.body, ifMatchVersion(req));
        return withEtag(reply, a).send(a);
      },
    );
    app.get(
      '/assets/:id/history',
      {
        schema: {
          tags,
          summary: 'Field and lifecycle history of an asset, oldest first',
          params: RefParam,
          response: { 200: z.array(HistoryEntry), ...problemResponses },
        },
      },
      async (req) => listAssetHistory(ctx, requireActor(req), req.params.id),
    );
  };
}
