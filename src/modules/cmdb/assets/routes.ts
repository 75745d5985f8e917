/** HTTP routes for IT assets: register, lifecycle transitions, history. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { ASSET_STATES } from '../../../domain/cmdb/assets.ts';
import { DEPRECIATION_METHODS } from '../../../domain/cmdb/depreciation.ts';
import { requireActor } from '../../../http/auth.ts';
import { ifMatchVersion, withEtag } from '../../../http/etag.ts';
import { csv, GroupRef, Limit, PersonRef, page, problemResponses, Uuid } from '../../../http/schemas.ts';
import { LIMITS } from '../../../shared/limits.ts';
import { CiRef, Currency, defined, HistoryEntry, IsoDate, Money } from '../api-schemas.ts';
import {
  createAsset,
  getAsset,
  listAssetHistory,
  listAssets,
  transitionAsset,
  updateAsset,
} from './service.ts';

const AssetState = z.enum(ASSET_STATES);
const Text = (max: number) => z.string().trim().max(max);

const AssetInput = z.object({
  assetTag: Text(50).min(1, 'is required'),
  name: Text(LIMITS.titleMax).min(1, 'is required'),
  serialNumber: Text(100).nullish(),
  model: Text(100).nullish(),
  state: AssetState.optional().describe('Initial state, in_stock by default; later moves use transitions'),
  ciId: Uuid.nullish(),
  assignedToId: Uuid.nullish(),
  location: Text(LIMITS.nameMax).nullish(),
  supplierId: Uuid.nullish(),
  purchaseOrder: Text(100).nullish(),
  cost: Money.nullish(),
  currency: Currency.nullish(),
  purchaseDate: IsoDate.nullish(),
  warrantyEnd: IsoDate.nullish(),
  depreciationMethod: z.enum(DEPRECIATION_METHODS).optional(),
  usefulLifeMonths: z.number().int().min(1).max(600).nullish(),
  salvageValue: Money.nullish(),
  notes: z.string().max(5000).optional(),
});
const AssetPatch = AssetInput.omit({ state: true }).partial();

export const AssetView = z
  .object({
    id: z.string(),
    assetTag: z.string(),
    serialNumber: z.string().nullable(),
    name: z.string(),
    model: z.string().nullable(),
    state: AssetState,
    stateLabel: z.string(),
    nextStates: z.array(AssetState),
    ci: CiRef.nullable(),
    assignedTo: PersonRef.nullable(),
    location: z.string().nullable(),
    supplier: GroupRef.nullable(),
    purchaseOrder: z.string().nullable(),
    cost: z.number().nullable(),
    currency: z.string().nullable(),
    purchaseDate: z.string().nullable(),
    warrantyEnd: z.string().nullable(),
    underWarranty: z.boolean().nullable(),
    depreciationMethod: z.enum(DEPRECIATION_METHODS),
    usefulLifeMonths: z.number().nullable(),
    salvageValue: z.number().nullable(),
    currentValue: z.number().nullable().describe('Book value today after depreciation'),
    notes: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
    allowedActions: z.array(z.enum(['update', 'transition'])),
  })
  .meta({ id: 'Asset' });

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
          body: z.object({
            to: AssetState,
            assignedToId: Uuid.nullish(),
            location: Text(LIMITS.nameMax).nullish(),
            note: z.string().max(2000).optional(),
          }),
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
