/** HTTP routes for the class model, CIs and relationships. Thin: parse, call, present. */

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  Attributes,
  CiInput,
  CiPatch,
  CiRelationship,
  CiStatus,
  CiView,
  ClassInput,
  ClassKey,
  ClassView,
  HistoryEntry,
  Relationship,
  RelationshipType,
} from '../../contracts/cmdb.ts';
import { requireActor } from '../../http/auth.ts';
import { ifMatchVersion, sendWithEtag, withEtag } from '../../http/etag.ts';
import { noContent, resourceRoutes } from '../../http/resource.ts';
import { csv, IdParam, PageQuery, page, problemResponses, route, Uuid } from '../../http/schemas.ts';
import { createCi, deleteCi, getCi, listCiHistory, listCis, updateCi } from './cis.ts';
import { deleteClass, getClass, listClasses, putClass } from './classes.ts';
import { RELATIONSHIP_TYPES } from './model.ts';
import { addRelationship, listCiRelationships, removeRelationship } from './relationships.ts';

const KeyParam = z.object({ key: ClassKey });
const tags = ['cmdb'];

function classRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cmdb/classes',
      route(tags, {
        summary: 'The CI class model',
        ok: z.array(ClassView),
      }),
      async (req) => listClasses(ctx, requireActor(req)),
    );
    app.get(
      '/cmdb/classes/:key',
      route(tags, {
        summary: 'A CI class',
        params: KeyParam,
        ok: ClassView,
      }),
      async (req, reply) => sendWithEtag(reply, await getClass(ctx, requireActor(req), req.params.key)),
    );
    app.put(
      '/cmdb/classes/:key',
      {
        schema: {
          tags,
          summary:
            'Create or replace a CI class (admins; If-Match). Refused, listing the CIs, when existing CIs would break.',
          params: KeyParam,
          body: ClassInput,
          response: { 200: ClassView, 201: ClassView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const { view, created } = await putClass(
          ctx,
          requireActor(req),
          req.params.key,
          req.body,
          ifMatchVersion(req),
        );
        return withEtag(reply.code(created ? 201 : 200), view).send(view);
      },
    );
    app.delete(
      '/cmdb/classes/:key',
      route(tags, {
        summary: 'Delete an unused CI class (admins)',
        params: KeyParam,
        ok: z.null(),
        status: 204,
      }),
      async (req, reply) => noContent(reply, deleteClass(ctx, requireActor(req), req.params.key)),
    );
    app.get(
      '/cmdb/relationship-types',
      route(tags, {
        summary: 'Relationship types: names both ways, allowed classes, impact direction',
        ok: z.array(RelationshipType),
      }),
      async (req) => {
        requireActor(req);
        return [...RELATIONSHIP_TYPES];
      },
    );
  };
}

function ciCrudRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cmdb/cis',
      route(tags, {
        summary: 'List CIs with filters and keyset pagination (sorted by name)',
        querystring: z.object({
          class: ClassKey.optional().describe('A class key; its subclasses are included'),
          status: csv(CiStatus).optional(),
          supportGroupId: csv(Uuid).optional(),
          ownerId: z.union([Uuid, z.literal('me')]).optional(),
          q: z
            .string()
            .max(200)
            .optional()
            .describe('Words of the name or description, or an exact hostname, serial number or asset tag'),
          ...PageQuery.shape,
        }),
        ok: page(CiView),
      }),
      async (req) => listCis(ctx, requireActor(req), { ...req.query, classKey: req.query.class }),
    );
    resourceRoutes(app, ctx, {
      path: '/cmdb/cis',
      tags,
      view: CiView,
      create: { summary: 'Create a CI', body: CiInput, location: true, run: createCi },
      get: { summary: 'Get a CI', run: getCi },
      update: {
        summary: 'Edit a CI; attributes are merged (null clears one). If-Match avoids lost updates (412).',
        body: CiPatch.extend({ attributes: Attributes.optional() }),
        run: updateCi,
      },
      remove: {
        summary: 'Delete a CI created by mistake (retire CIs that records refer to)',
        ifMatch: true,
        run: deleteCi,
      },
    });
    app.get(
      '/cmdb/cis/:id/history',
      route(tags, {
        summary: 'Field history of a CI, oldest first',
        params: IdParam,
        ok: z.array(HistoryEntry),
      }),
      async (req) => listCiHistory(ctx, requireActor(req), req.params.id),
    );
  };
}

function relationshipRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/cmdb/cis/:id/relationships',
      route(tags, {
        summary: 'A CI’s relationships in both directions, labelled from its side',
        params: IdParam,
        ok: z.array(CiRelationship),
      }),
      async (req) => listCiRelationships(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/cmdb/relationships',
      route(tags, {
        summary: 'Relate two CIs ("from <type> to": app depends_on db); 409 if it exists',
        body: z.object({ type: z.string().min(1).max(63), fromId: Uuid, toId: Uuid }),
        ok: Relationship,
        status: 201,
      }),
      async (req, reply) => reply.code(201).send(await addRelationship(ctx, requireActor(req), req.body)),
    );
    app.delete(
      '/cmdb/relationships/:id',
      route(tags, {
        summary: 'Remove a relationship',
        params: IdParam,
        ok: z.null(),
        status: 204,
      }),
      async (req, reply) => noContent(reply, removeRelationship(ctx, requireActor(req), req.params.id)),
    );
  };
}

export function ciRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(classRoutes(ctx));
    await app.register(ciCrudRoutes(ctx));
    await app.register(relationshipRoutes(ctx));
  };
}
