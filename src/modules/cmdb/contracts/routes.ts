/** HTTP routes for supplier contracts, their coverage and expiry. */

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { ContractInput, ContractView, Coverage } from '../../../contracts/cmdb.ts';
import { requireActor } from '../../../http/auth.ts';
import { resourceRoutes } from '../../../http/resource.ts';
import { IdParam, PageQuery, route, Uuid } from '../../../http/schemas.ts';
import { addCoverage, listCoverage, removeCoverage } from './coverage.ts';
import { CONTRACT_KINDS, createContract, getContract, listContracts, updateContract } from './service.ts';

const tags = ['contracts'];

export function contractRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    resourceRoutes(app, ctx, {
      path: '/contracts',
      tags,
      view: ContractView,
      list: {
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
          ...PageQuery.shape,
        }),
        run: listContracts,
      },
      create: { summary: 'Add a contract', body: ContractInput, location: true, run: createContract },
      get: { summary: 'Get a contract', run: getContract },
      update: {
        summary: 'Change a contract, e.g. renew it with a new end date (If-Match)',
        body: ContractInput.partial(),
        run: updateContract,
      },
    });
    app.get(
      '/contracts/:id/coverage',
      route(tags, {
        summary: 'CIs and assets the contract covers',
        params: IdParam,
        ok: z.array(Coverage),
      }),
      async (req) => listCoverage(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/contracts/:id/coverage',
      route(tags, {
        summary: 'Cover more CIs and assets (already covered ones are kept)',
        params: IdParam,
        body: z.object({
          ciIds: z.array(Uuid).max(500).optional(),
          assetIds: z.array(Uuid).max(500).optional(),
        }),
        ok: z.array(Coverage),
      }),
      async (req) => {
        const actor = requireActor(req);
        await addCoverage(ctx, actor, req.params.id, req.body);
        return listCoverage(ctx, actor, req.params.id);
      },
    );
    app.delete(
      '/contracts/:id/coverage/:coverageId',
      route(tags, {
        summary: 'Stop covering a CI or asset',
        params: IdParam.extend({ coverageId: Uuid }),
        ok: z.null(),
        status: 204,
      }),
      async (req, reply) => {
        await removeCoverage(ctx, requireActor(req), req.params.id, req.params.coverageId);
        return reply.code(204).send(null);
      },
    );
  };
}
