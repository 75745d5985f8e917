/** HTTP routes for supplier contracts, their coverage and expiry. */

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { ContractInput, ContractView, Coverage } from '../../../contracts/cmdb.ts';
import { itemRoutes, resourceRoutes } from '../../../http/resource.ts';
import { PageQuery, Uuid } from '../../../http/schemas.ts';
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
    itemRoutes(app, ctx, {
      path: '/contracts/:id/coverage',
      tags,
      list: { summary: 'CIs and assets the contract covers', ok: z.array(Coverage), run: listCoverage },
      add: {
        summary: 'Cover more CIs and assets (already covered ones are kept)',
        body: z.object({
          ciIds: z.array(Uuid).max(500).optional(),
          assetIds: z.array(Uuid).max(500).optional(),
        }),
        ok: z.array(Coverage),
        run: async (ctx, actor, id, input) => {
          await addCoverage(ctx, actor, id, input);
          return listCoverage(ctx, actor, id);
        },
      },
      remove: { summary: 'Stop covering a CI or asset', key: 'coverageId', run: removeCoverage },
    });
  };
}
