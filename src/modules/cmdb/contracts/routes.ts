/** HTTP routes for supplier contracts, their coverage and expiry. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { requireActor } from '../../../http/auth.ts';
import { ifMatchVersion, withEtag } from '../../../http/etag.ts';
import { GroupRef, IdParam, Limit, page, problemResponses, Uuid } from '../../../http/schemas.ts';
import { LIMITS } from '../../../shared/limits.ts';
import { CiRef, Currency, defined, IsoDate, Money } from '../api-schemas.ts';
import { addCoverage, listCoverage, removeCoverage } from './coverage.ts';
import { CONTRACT_KINDS, createContract, getContract, listContracts, updateContract } from './service.ts';

const ContractInput = z.object({
  name: z.string().trim().min(1, 'is required').max(LIMITS.titleMax),
  kind: z.enum(CONTRACT_KINDS),
  supplierId: Uuid.describe('An organisation of kind supplier'),
  reference: z.string().trim().max(100).nullish(),
  startDate: IsoDate,
  endDate: IsoDate,
  cost: Money.nullish(),
  currency: Currency.nullish(),
  warnDays: z
    .number()
    .int()
    .min(0)
    .max(365)
    .optional()
    .describe('Days before the end date to warn; 30 by default'),
  notes: z.string().max(5000).optional(),
});

const ContractView = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(CONTRACT_KINDS),
    supplier: GroupRef.nullable(),
    reference: z.string().nullable(),
    startDate: z.string(),
    endDate: z.string(),
    cost: z.number().nullable(),
    currency: z.string().nullable(),
    warnDays: z.number(),
    notes: z.string(),
    status: z.enum(['upcoming', 'active', 'expiring', 'expired']),
    daysLeft: z.number(),
    lastWarning: z.object({ warnedAt: z.string(), daysLeft: z.number() }).nullable(),
    coverageCount: z.number(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number(),
    allowedActions: z.array(z.literal('update')),
  })
  .meta({ id: 'Contract' });

const Coverage = z
  .object({
    id: z.string(),
    ci: CiRef.nullable(),
    asset: z.object({ id: z.string(), assetTag: z.string(), name: z.string(), state: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'ContractCoverage' });

const tags = ['contracts'];

export function contractRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/contracts',
      {
        schema: {
          tags,
          summary: 'List contracts, soonest end date first',
          querystring: z.object({
            expiringWithinDays: z.coerce
              .number()
              .int()
              .min(0)
              .max(3650)
              .optional()
              .describe('Only contracts ending between today and this many days ahead'),
            supplierId: Uuid.optional(),
            kind: z.enum(CONTRACT_KINDS).optional(),
            q: z.string().max(200).optional(),
            cursor: z.string().max(500).optional(),
            limit: Limit,
          }),
          response: { 200: page(ContractView), ...problemResponses },
        },
      },
      async (req) => listContracts(ctx, requireActor(req), req.query),
    );
    app.post(
      '/contracts',
      {
        schema: {
          tags,
          summary: 'Add a contract',
          body: ContractInput,
          response: { 201: ContractView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const c = await createContract(ctx, requireActor(req), defined(req.body));
        return withEtag(reply.code(201), c).header('location', `/api/v1/contracts/${c.id}`).send(c);
      },
    );
    app.get(
      '/contracts/:id',
      {
        schema: {
          tags,
          summary: 'Get a contract',
          params: IdParam,
          response: { 200: ContractView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const c = await getContract(ctx, requireActor(req), req.params.id);
        return withEtag(reply, c).send(c);
      },
    );
    app.patch(
      '/contracts/:id',
      {
        schema: {
          tags,
          summary: 'Change a contract, e.g. renew it with a new end date (If-Match)',
          params: IdParam,
          body: ContractInput.partial(),
          response: { 200: ContractView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const c = await updateContract(
          ctx,
          requireActor(req),
          req.params.id,
          defined(req.body),
          ifMatchVersion(req),
        );
        return withEtag(reply, c).send(c);
      },
    );
    app.get(
      '/contracts/:id/coverage',
      {
        schema: {
          tags,
          summary: 'CIs and assets the contract covers',
          params: IdParam,
          response: { 200: z.array(Coverage), ...problemResponses },
        },
      },
      async (req) => listCoverage(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/contracts/:id/coverage',
      {
        schema: {
          tags,
          summary: 'Cover more CIs and assets (already covered ones are kept)',
          params: IdParam,
          body: z.object({
            ciIds: z.array(Uuid).max(500).optional(),
            assetIds: z.array(Uuid).max(500).optional(),
          }),
          response: { 200: z.array(Coverage), ...problemResponses },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        await addCoverage(ctx, actor, req.params.id, req.body);
        return listCoverage(ctx, actor, req.params.id);
      },
    );
    app.delete(
      '/contracts/:id/coverage/:coverageId',
      {
        schema: {
          tags,
          summary: 'Stop covering a CI or asset',
          params: IdParam.extend({ coverageId: Uuid }),
          response: { 204: z.null(), ...problemResponses },
        },
      },
      async (req, reply) => {
        await removeCoverage(ctx, requireActor(req), req.params.id, req.params.coverageId);
        return reply.code(204).send(null);
      },
    );
  };
}
