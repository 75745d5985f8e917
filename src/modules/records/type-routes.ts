/**
 * The routes every declared record type gets, under its path: list, create (when it has a
 * create contract), get, patch and transitions (If-Match → 412 when stale; ETag on every answer), and the
 * choices its forms offer at `/{path}/meta/options`. Routes specific to a type stay in its module.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { page } from '../../contracts/common.ts';
import { CHANNELS, RecordOptions } from '../../contracts/records.ts';
import type { Actor } from '../../domain/roles.ts';
import { requireActor } from '../../http/auth.ts';
import { withEtag } from '../../http/etag.ts';
import { entityAction } from '../../http/resource.ts';
import { problemResponses, RecordRefParam } from '../../http/schemas.ts';
import { definedRecordTypes, type RecordType, type Versioned } from './define.ts';
import { detailPatch, splitDetail, withDetails } from './detail.ts';
import { listRecords } from './query.ts';
import { type CreateRecordInput, createRecord, getRecordView, updateRecord } from './service.ts';
import { transitionRecord } from './transition.ts';

export function recordTypeRoutes(ctx: AppContext, type: RecordType): FastifyPluginAsyncZod {
  const { config: cfg, contracts: c, operations: op, summaries: s = {} } = type;
  const base = `/${cfg.path}`;
  const tags = [type.tag];
  const label = cfg.label.toLowerCase();
  // What an edit or a move answers: an entity of the type, with its ETag.
  const changedView = (c.changedView ?? c.view) as z.ZodType<Versioned>;
  const detail = type.detail;
  const get =
    op.get ??
    (async (ctx, actor, id) =>
      (await withDetails(ctx.db, detail, [await getRecordView(ctx, actor, cfg, id)]))[0]!);
  const update =
    op.update ??
    (async (ctx, actor, id, body, expected) => {
      const { base: patch, values } = splitDetail(detail, body);
      const normalise = type.normalisePatch;
      const rec = await updateRecord(
        ctx,
        actor,
        cfg,
        id,
        patch,
        expected,
        normalise && ((current, tx) => normalise(current, patch, tx)),
        detailPatch(detail, values),
      );
      return (await withDetails(ctx.db, detail, [rec]))[0]!;
    });
  const transition =
    op.transition ??
    (async (ctx, actor, id, input, expected) => {
      const rec = await transitionRecord(ctx, actor, cfg, id, input, expected, type.resolutionCodes);
      return (await withDetails(ctx.db, detail, [rec]))[0]!;
    });
  const create =
    op.create ??
    (async (ctx: AppContext, actor: Actor, body: CreateRecordInput) => {
      const { base, values } = splitDetail(detail, body);
      const rec = await createRecord(ctx, actor, cfg, base, {
        ...(detail &&
          values && {
            withRecord: async (tx, row) => void (await detail.save(tx, row.id, values, undefined)),
          }),
      });
      return (await withDetails(ctx.db, detail, [rec]))[0]!;
    });

  return async (app) => {
    app.get(
      base,
      {
        schema: {
          tags,
          summary: s.list ?? `List ${label}s with filters and keyset pagination`,
          querystring: c.listQuery,
          response: { 200: page(c.listItem), ...problemResponses },
        },
      },
      async (req) => {
        const page = await listRecords(ctx, requireActor(req), cfg, req.query);
        return { ...page, items: await withDetails(ctx.db, detail, page.items) };
      },
    );
    if (c.create) {
      app.post(
        base,
        {
          schema: {
            tags,
            summary: s.create ?? `Raise a ${label}`,
            body: c.create,
            response: { 201: c.view, ...problemResponses },
          },
        },
        async (req, reply) => {
          const rec = await create(ctx, requireActor(req), req.body as never);
          return withEtag(reply.code(201), rec).header('location', `/api/v1${base}/${rec.id}`).send(rec);
        },
      );
    }
    app.get(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary: s.get ?? `Get a ${label} by id or number`,
          params: RecordRefParam,
          response: { 200: c.view, ...problemResponses },
        },
      },
      async (req, reply) => {
        const rec = await get(ctx, requireActor(req), req.params.id);
        return withEtag(reply, rec).send(rec);
      },
    );
    entityAction(app, ctx, {
      method: 'PATCH',
      url: `${base}/:id`,
      tags,
      summary:
        s.patch ??
        `Edit or assign a ${label}. Send If-Match with the ETag to avoid overwriting others (412 when stale).`,
      params: RecordRefParam,
      body: c.patch,
      ok: changedView,
      run: update,
    });
    entityAction(app, ctx, {
      url: `${base}/:id/transitions`,
      tags,
      summary: s.transition ?? `Move a ${label} through its lifecycle`,
      params: RecordRefParam,
      body: c.transition,
      ok: changedView,
      run: transition,
    });
    app.get(
      `${base}/meta/options`,
      {
        schema: {
          tags,
          summary: s.options ?? `Choices for ${label} forms: resolution codes and channels`,
          response: { 200: RecordOptions, ...problemResponses },
        },
      },
      async (req) => {
        requireActor(req);
        return { resolutionCodes: [...type.resolutionCodes], channels: [...CHANNELS] };
      },
    );
  };
}

/** List, create, get, patch, transitions and options of every declared record type. */
export function recordTypesRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    for (const type of definedRecordTypes()) await app.register(recordTypeRoutes(ctx, type));
  };
}
