/** HTTP routes for software licences, their entitlements, installations and compliance. */

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import {
  Compliance,
  Currency,
  Entitlement,
  Installation,
  IsoDate,
  LicenceInput,
  LicenceMetric,
  LicenceView,
  Money,
} from '../../../contracts/cmdb.ts';
import { requireActor } from '../../../http/auth.ts';
import { itemRoutes, resourceRoutes } from '../../../http/resource.ts';
import { PageQuery, problemResponses, Uuid } from '../../../http/schemas.ts';
import { complianceReport, createLicence, getLicence, listLicences, updateLicence } from './service.ts';
import {
  addEntitlement,
  addInstallation,
  listEntitlements,
  listInstallations,
  removeEntitlement,
  removeInstallation,
} from './usage.ts';

const tags = ['licences'];

function licenceCrudRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/licences/compliance',
      {
        schema: {
          tags,
          summary: 'Compliance of every licence (worst first) and of the estate',
          response: {
            200: z.object({
              summary: z.object({
                licences: z.number(),
                compliant: z.number(),
                overLicensed: z.number(),
                underLicensed: z.number(),
                unused: z.number(),
                shortfall: z.number(),
              }),
              items: z.array(
                Compliance.extend({
                  licence: z.object({
                    id: z.string(),
                    product: z.string(),
                    vendor: z.string(),
                    metric: LicenceMetric,
                  }),
                }),
              ),
            }),
            ...problemResponses,
          },
        },
      },
      async (req) => complianceReport(ctx, requireActor(req)),
    );
    resourceRoutes(app, ctx, {
      path: '/licences',
      tags,
      view: LicenceView,
      list: {
        summary: 'List software licences with their compliance',
        querystring: z.object({
          q: z.string().max(200).optional(),
          metric: LicenceMetric.optional(),
          ...PageQuery.shape,
        }),
        run: listLicences,
      },
      create: { summary: 'Add a licence', body: LicenceInput, location: true, run: createLicence },
      get: { summary: 'Get a licence', run: getLicence },
      update: {
        summary: 'Change a licence (If-Match); its metric is fixed',
        body: LicenceInput.partial(),
        run: updateLicence,
      },
    });
  };
}

function licenceUsageRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    itemRoutes(app, ctx, {
      path: '/licences/:id/entitlements',
      tags,
      list: { summary: 'Purchases of the licence', ok: z.array(Entitlement), run: listEntitlements },
      add: {
        summary: 'Record a purchase of a quantity of the licence',
        body: z.object({
          quantity: z.number().int().min(1).max(10_000_000),
          purchaseOrder: z.string().trim().max(100).nullish(),
          purchasedOn: IsoDate.nullish(),
          expiresOn: IsoDate.nullish().describe('Subscriptions: no longer counted after this day'),
          cost: Money.nullish(),
          currency: Currency.nullish(),
        }),
        ok: Entitlement,
        status: 201,
        run: addEntitlement,
      },
      remove: { summary: 'Remove a purchase', key: 'entitlementId', run: removeEntitlement },
    });
    itemRoutes(app, ctx, {
      path: '/licences/:id/installations',
      tags,
      list: { summary: 'Where the licence is used', ok: z.array(Installation), run: listInstallations },
      add: {
        summary:
          'Record an installation on a CI (per install, per core) or an assignment to a user (per user)',
        body: z.object({
          ciId: Uuid.optional(),
          userId: Uuid.optional(),
          cores: z
            .number()
            .int()
            .min(1)
            .max(100_000)
            .nullish()
            .describe('Per core: cores licensed, if not the CI’s cpu_count'),
        }),
        ok: z.array(Installation),
        status: 201,
        run: async (ctx, actor, id, input) => {
          await addInstallation(ctx, actor, id, input);
          return listInstallations(ctx, actor, id);
        },
      },
      remove: { summary: 'Remove an installation', key: 'installationId', run: removeInstallation },
    });
  };
}

export function licenceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(licenceCrudRoutes(ctx));
    await app.register(licenceUsageRoutes(ctx));
  };
}
