/** HTTP routes for business calendars, service level requirements, SLAs, OLAs and underpinning contracts. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  AgreementInput,
  AgreementPatch,
  AgreementView,
  CalendarInput,
  CalendarView,
  RequirementInput,
  RequirementView,
  SlaFromRequirement,
} from '../../contracts/service-levels.ts';
import { AGREEMENT_KINDS } from '../../domain/sla/agreement.ts';
import { requireActor } from '../../http/auth.ts';
import { ifMatchVersion, sendWithEtag, withEtag } from '../../http/etag.ts';
import { entityAction, itemRoutes, resourceRoutes } from '../../http/resource.ts';
import { IdParam, PageQuery, route, Uuid } from '../../http/schemas.ts';
import {
  agreeAgreement,
  createAgreement,
  draftNewVersion,
  endAgreement,
  getAgreement,
  listAgreements,
  updateAgreement,
} from './agreements.ts';
import { createCalendar, deleteCalendar, getCalendar, listCalendars, updateCalendar } from './calendars.ts';
import {
  createRequirement,
  getRequirement,
  listRequirementsOfService,
  makeSlaFromRequirement,
  moveRequirement,
  REQUIREMENT_STATUSES,
  updateRequirement,
} from './requirements.ts';

const tags = ['service-levels'];

function calendarRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/calendars',
      route(tags, {
        summary: 'Business calendars',
        ok: z.array(CalendarView),
      }),
      async (req) => listCalendars(ctx, requireActor(req)),
    );
    resourceRoutes(app, ctx, {
      path: '/calendars',
      tags,
      view: CalendarView,
      create: {
        summary: 'Add a business calendar: weekly hours in a time zone, and holidays',
        body: CalendarInput,
        run: createCalendar,
      },
      get: { summary: 'A business calendar', run: getCalendar },
      update: {
        summary: 'Change a calendar (If-Match); running clocks on it are recomputed by the next sweep',
        body: CalendarInput.partial(),
        run: updateCalendar,
      },
      remove: { summary: 'Remove a calendar nothing uses', run: deleteCalendar },
    });
  };
}

function requirementRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    itemRoutes(app, ctx, {
      path: '/services/:id/requirements',
      tags,
      list: {
        summary: 'Service level requirements of a service',
        ok: z.array(RequirementView),
        run: listRequirementsOfService,
      },
      add: {
        summary: 'Record a customer’s service level requirement (starts as a draft)',
        body: RequirementInput,
        ok: RequirementView,
        status: 201,
        etag: true,
        run: createRequirement,
      },
    });
    resourceRoutes(app, ctx, {
      path: '/requirements',
      tags,
      view: RequirementView,
      get: { summary: 'A service level requirement', run: getRequirement },
      update: {
        summary: 'Change a draft or in-review requirement (If-Match)',
        body: RequirementInput.partial(),
        run: updateRequirement,
      },
    });
    entityAction(app, ctx, {
      url: '/requirements/:id/status',
      tags,
      summary: 'Review a requirement: draft → in_review → agreed, or back to draft',
      body: z.object({ status: z.enum(REQUIREMENT_STATUSES) }),
      ok: RequirementView,
      run: (ctx, actor, id, { status }, expected) => moveRequirement(ctx, actor, id, status, expected),
    });
    app.post(
      '/requirements/:id/sla',
      route(tags, {
        summary: 'Turn an agreed requirement into an agreed SLA (again: the next version of that SLA)',
        params: IdParam,
        body: SlaFromRequirement,
        ok: AgreementView,
        status: 201,
      }),
      async (req, reply) => {
        const a = await makeSlaFromRequirement(ctx, requireActor(req), req.params.id, req.body);
        return withEtag(reply.code(201), a).header('location', `/api/v1/agreements/${a.id}`).send(a);
      },
    );
  };
}

function agreementRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    resourceRoutes(app, ctx, {
      path: '/agreements',
      tags,
      view: AgreementView,
      list: {
        summary: 'SLAs, OLAs and underpinning contracts, every version, by name',
        querystring: z.object({
          kind: z.enum(AGREEMENT_KINDS).optional(),
          status: z.enum(['draft', 'agreed']).optional(),
          serviceId: Uuid.optional(),
          customerId: Uuid.optional(),
          groupId: Uuid.optional(),
          supplierId: Uuid.optional(),
          q: z.string().max(200).optional(),
          ...PageQuery.shape,
        }),
        run: listAgreements,
      },
      create: {
        summary: 'Draft an SLA, OLA or underpinning contract',
        body: AgreementInput,
        location: true,
        run: createAgreement,
      },
      get: { summary: 'An agreement (one version)', run: getAgreement },
      update: {
        summary: 'Change a draft agreement (If-Match); agreed versions are immutable',
        body: AgreementPatch,
        run: updateAgreement,
      },
    });
    app.post(
      '/agreements/:id/agree',
      route(tags, {
        summary: 'Agree a draft: records who and when; an earlier version ends where this one starts',
        params: IdParam,
        ok: AgreementView,
      }),
      async (req, reply) =>
        sendWithEtag(reply, await agreeAgreement(ctx, requireActor(req), req.params.id, ifMatchVersion(req))),
    );
    app.post(
      '/agreements/:id/versions',
      route(tags, {
        summary: 'Draft the next version of an agreement, as a copy of its latest version',
        params: IdParam,
        body: z.object({ effectiveFrom: AgreementInput.shape.effectiveFrom.optional() }).nullish(),
        ok: AgreementView,
        status: 201,
      }),
      async (req, reply) => {
        const a = await draftNewVersion(ctx, requireActor(req), req.params.id, req.body ?? {});
        return withEtag(reply.code(201), a).header('location', `/api/v1/agreements/${a.id}`).send(a);
      },
    );
    app.post(
      '/agreements/:id/end',
      route(tags, {
        summary: 'End an agreed agreement (default: now); records created later are not measured by it',
        params: IdParam,
        body: z.object({ effectiveTo: AgreementInput.shape.effectiveFrom.optional() }).nullish(),
        ok: AgreementView,
      }),
      async (req, reply) =>
        sendWithEtag(
          reply,
          await endAgreement(ctx, requireActor(req), req.params.id, req.body ?? {}, ifMatchVersion(req)),
        ),
    );
  };
}

export function serviceLevelRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(calendarRoutes(ctx));
    await app.register(requirementRoutes(ctx));
    await app.register(agreementRoutes(ctx));
  };
}
