/** HTTP routes for customers and suppliers. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { Versioned } from '../../contracts/common.ts';
import { requireActor } from '../../http/auth.ts';
import { resourceRoutes } from '../../http/resource.ts';
import { route } from '../../http/schemas.ts';
import { LIMITS } from '../../shared/limits.ts';
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  ORGANISATION_KINDS,
  updateOrganisation,
} from './service.ts';

const Organisation = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    website: z.string().nullable(),
    notes: z.string(),
    active: z.boolean(),
    ...Versioned.shape,
  })
  .meta({ id: 'Organisation' });
const OrganisationInput = z.object({
  name: z.string().trim().min(1).max(LIMITS.nameMax),
  kind: z.enum(ORGANISATION_KINDS),
  email: z.email({ message: 'must be an email address' }).nullish(),
  phone: z.string().max(40).nullish(),
  website: z.url({ message: 'must be a URL' }).nullish(),
  notes: z.string().max(5000).optional(),
  active: z.boolean().optional(),
});

export function organisationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/organisations',
      route(['organisations'], {
        summary: 'Customers, suppliers and internal organisations',
        querystring: z.object({
          kind: z.enum(ORGANISATION_KINDS).optional(),
          q: z.string().max(100).optional(),
        }),
        ok: z.array(Organisation),
      }),
      async (req) => listOrganisations(ctx, requireActor(req), req.query),
    );
    app.post(
      '/organisations',
      route(['organisations'], {
        summary: 'Add an organisation',
        body: OrganisationInput,
        ok: Organisation,
        status: 201,
      }),
      async (req, reply) => reply.code(201).send(await createOrganisation(ctx, requireActor(req), req.body)),
    );
    resourceRoutes(app, ctx, {
      path: '/organisations',
      tags: ['organisations'],
      view: Organisation,
      get: { summary: 'Get an organisation', run: getOrganisation },
      update: {
        summary: 'Change an organisation (If-Match)',
        body: OrganisationInput.partial(),
        run: updateOrganisation,
      },
    });
  };
}
