/**
 * The routes every declared record type gets, under its path: list, create (when it declares
 * one), get, patch and transitions (If-Match → 412 when stale; ETag on every answer), and the
 * choices its forms offer at `/{path}/meta/options`. Routes specific to a type stay in its module.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.ts';
import { page } from '../../contracts/common.ts';
import { CHANNELS, RecordOptions } from '../../contracts/records.ts';
import { requireActor } from '../../http/auth.ts';
import { ifMatchVersion, withEtag } from '../../http/etag.ts';
import { problemResponses, RecordRefParam } from '../../http/schemas.ts';
import type { RecordType } from './define.ts';
import { listRecords } from './query.ts';
import { getRecordView, updateRecord } from './service.ts';
import { transitionRecord } from './transition.ts';

export function recordTypeRoutes(ctx: AppContext, type: RecordType): FastifyPluginAsyncZod {
  const { config: cfg, contracts: c, operations: op, summaries: s = {} } = type;
  const base = `/${cfg.path}`;
  const tags = [type.tag];
  const label = cfg.label.toLowerCase();
  const changedView = c.changedView ?? c.view;
  const get = op.get ?? ((ctx, actor, id) => getRecordView(ctx, actor, cfg, id));
  const update =
    op.update ??
    ((ctx, actor, id, patch, expected) =>
      updateRecord(
        ctx,
        actor,
        cfg,
        id,
        patch,
        expected,
        type.normalisePatch && ((current, tx) => type.normalisePatch!(current, patch, tx)),
      ));
  const transition =
    op.transition ??
    ((ctx, actor, id, input, expected) =>
      transitionRecord(ctx, actor, cfg, id, input, expected, type.resolutionCodes));

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
      async (req) => listRecords(ctx, requireActor(req), cfg, req.query),
    );
    const create = op.create;
    if (c.create && create) {
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
    app.patch(
      `${base}/:id`,
      {
        schema: {
          tags,
          summary:
            s.patch ??
            `Edit or assign a ${label}. Send If-Match with the ETag to avoid overwriting others (412 when stale).`,
          params: RecordRefParam,
          body: c.patch,
          response: { 200: changedView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const rec = await update(ctx, requireActor(req), req.params.id, req.body, ifMatchVersion(req));
        return withEtag(reply, rec).send(rec);
      },
    );
    app.post(
      `${base}/:id/transitions`,
      {
        schema: {
          tags,
          summary: s.transition ?? `Move a ${label} through its lifecycle`,
          params: RecordRefParam,
          body: c.transition,
          response: { 200: changedView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const rec = await transition(ctx, requireActor(req), req.params.id, req.body, ifMatchVersion(req));
        return withEtag(reply, rec).send(rec);
      },
    );
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
