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
import { resourceRoutes } from '../../../http/resource.ts';
import { IdParam, PageQuery, problemResponses, route, Uuid } from '../../../http/schemas.ts';
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
    app.get(
      '/licences/:id/entitlements',
      route(tags, {
        summary: 'Purchases of the licence',
        params: IdParam,
        ok: z.array(Entitlement),
      }),
      async (req) => listEntitlements(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/licences/:id/entitlements',
      route(tags, {
        summary: 'Record a purchase of a quantity of the licence',
        params: IdParam,
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
      }),
      async (req, reply) =>
        reply.code(201).send(await addEntitlement(ctx, requireActor(req), req.params.id, req.body)),
    );
    app.delete(
      '/licences/:id/entitlements/:entitlementId',
      route(tags, {
        summary: 'Remove a purchase',
        params: IdParam.extend({ entitlementId: Uuid }),
        ok: z.null(),
        status: 204,
      }),
      async (req, reply) => {
        await removeEntitlement(ctx, requireActor(req), req.params.id, req.params.entitlementId);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/licences/:id/installations',
      route(tags, {
        summary: 'Where the licence is used',
        params: IdParam,
        ok: z.array(Installation),
      }),
      async (req) => listInstallations(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/licences/:id/installations',
      route(tags, {
        summary:
          'Record an installation on a CI (per install, per core) or an assignment to a user (per user)',
        params: IdParam,
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
      }),
      async (req, reply) => {
        const actor = requireActor(req);
        await addInstallation(ctx, actor, req.params.id, req.body);
        return reply.code(201).send(await listInstallations(ctx, actor, req.params.id));
      },
    );
    app.delete(
      '/licences/:id/installations/:installationId',
      route(tags, {
        summary: 'Remove an installation',
        params: IdParam.extend({ installationId: Uuid }),
        ok: z.null(),
        status: 204,
      }),
      async (req, reply) => {
        await removeInstallation(ctx, requireActor(req), req.params.id, req.params.installationId);
        return reply.code(204).send(null);
      },
    );
  };
}

export function licenceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(licenceCrudRoutes(ctx));
    await app.register(licenceUsageRoutes(ctx));
  };
}
