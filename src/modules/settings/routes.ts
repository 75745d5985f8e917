/** HTTP routes for process settings (priority matrix, lifecycle) and the audit log. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { REQUIRABLE_FIELDS } from '../../domain/lifecycle/engine.ts';
import { type Actor, can, ROLES } from '../../domain/roles.ts';
import { forbidden } from '../../errors.ts';
import { clientIp, requireActor } from '../../http/auth.ts';
import { ifMatchVersion, withEtag } from '../../http/etag.ts';
import { Limit, route, Uuid } from '../../http/schemas.ts';
import { listAudit } from '../audit/index.ts';
import {
  getCategories,
  getLifecycle,
  getPriorityMatrix,
  getProcessOptions,
  getRaci,
  PROCESSES,
  setCategories,
  setLifecycle,
  setPriorityMatrix,
  setProcessOptions,
  setRaci,
} from './service.ts';

const Matrix = z
  .array(z.array(z.number().int()))
  .meta({ id: 'PriorityMatrix', description: 'matrix[impact-1][urgency-1] = priority' });
const Lifecycle = z
  .object({
    initial: z.string().min(1),
    states: z
      .array(
        z.object({
          key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _'),
          label: z.string().min(1).max(60),
          category: z.enum(['open', 'paused', 'resolved', 'closed']),
        }),
      )
      .min(1)
      .max(40),
    transitions: z
      .array(
        z.object({
          key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _'),
          label: z.string().min(1).max(60),
          from: z.array(z.string()),
          to: z.string(),
          roles: z.array(z.enum(ROLES)),
          requester: z.boolean(),
          requires: z.array(z.enum(REQUIRABLE_FIELDS)),
          activity: z.string().max(40).optional(),
          system: z.boolean().optional().describe('Taken automatically by Steward, never by a user'),
          effects: z
            .object({
              notify: z
                .array(z.string().max(40))
                .max(10)
                .optional()
                .describe(
                  'Who is told when the transition is taken: consulted, informed (RACI parties of the activity), requester, assignee, watchers',
                ),
            })
            .optional()
            .describe('What the transition does besides moving the record; SLA clocks follow the states'),
        }),
      )
      .max(200),
  })
  .meta({ id: 'Lifecycle' });
const Process = z.object({ process: z.enum(PROCESSES) });

function requireSettingsRead(actor: Actor) {
  if (!can(actor, 'settings.read')) throw forbidden('You may not read process settings.');
}

export function settingsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/settings/:process/priority-matrix',
      route(['settings'], {
        summary: 'The impact × urgency → priority matrix',
        params: Process,
        ok: z.object({ matrix: Matrix, version: z.number() }),
      }),
      async (req, reply) => {
        requireActor(req);
        const m = await getPriorityMatrix(ctx.db, req.params.process);
        return withEtag(reply, m).send({ matrix: m.value, version: m.version });
      },
    );
    app.put(
      '/settings/:process/priority-matrix',
      route(['settings'], {
        summary: 'Replace the priority matrix (admin, process owner)',
        params: Process,
        body: z.object({ matrix: Matrix }),
        ok: z.object({ matrix: Matrix, version: z.number() }),
      }),
      async (req, reply) => {
        const m = await setPriorityMatrix(
          ctx,
          requireActor(req),
          req.params.process,
          req.body.matrix,
          ifMatchVersion(req),
          clientIp(req),
        );
        return withEtag(reply, m).send({ matrix: m.value, version: m.version });
      },
    );
    app.get(
      '/settings/:process/lifecycle',
      route(['settings'], {
        summary: 'The lifecycle: states and transitions',
        params: Process,
        ok: z.object({ lifecycle: Lifecycle, version: z.number() }),
      }),
      async (req, reply) => {
        requireSettingsRead(requireActor(req));
        const l = await getLifecycle(ctx.db, req.params.process);
        return withEtag(reply, l).send({ lifecycle: l.value, version: l.version });
      },
    );
    app.put(
      '/settings/:process/lifecycle',
      route(['settings'], {
        summary: 'Replace the lifecycle (validated: reachable states, a terminal state, known roles)',
        params: Process,
        body: z.object({ lifecycle: Lifecycle }),
        ok: z.object({ lifecycle: Lifecycle, version: z.number() }),
      }),
      async (req, reply) => {
        const l = await setLifecycle(
          ctx,
          requireActor(req),
          req.params.process,
          req.body.lifecycle,
          ifMatchVersion(req),
          clientIp(req),
        );
        return withEtag(reply, l).send({ lifecycle: l.value, version: l.version });
      },
    );
    const RaciRef = z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('role'), role: z.enum(ROLES) }),
      z.object({ kind: z.literal('group'), groupId: Uuid }),
    ]);
    const RaciSchema = z
      .object({
        processOwnerId: Uuid.nullable(),
        processManagerId: Uuid.nullable(),
        activities: z
          .array(
            z.object({
              key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _'),
              label: z.string().min(1).max(80),
              responsible: z.array(RaciRef),
              accountable: z.array(RaciRef),
              consulted: z.array(RaciRef),
              informed: z.array(RaciRef),
            }),
          )
          .max(40),
      })
      .meta({ id: 'Raci' });
    app.get(
      '/settings/:process/raci',
      route(['settings'], {
        summary: 'The RACI matrix of the process, its owner and manager',
        params: Process,
        ok: z.object({ raci: RaciSchema, version: z.number() }),
      }),
      async (req, reply) => {
        requireSettingsRead(requireActor(req));
        const r = await getRaci(ctx.db, req.params.process);
        return withEtag(reply, r).send({ raci: r.value, version: r.version });
      },
    );
    app.put(
      '/settings/:process/raci',
      route(['settings'], {
        summary: 'Replace the RACI matrix (exactly one accountable party per activity)',
        params: Process,
        body: z.object({ raci: RaciSchema }),
        ok: z.object({ raci: RaciSchema, version: z.number() }),
      }),
      async (req, reply) => {
        const r = await setRaci(
          ctx,
          requireActor(req),
          req.params.process,
          req.body.raci,
          ifMatchVersion(req),
          clientIp(req),
        );
        return withEtag(reply, r).send({ raci: r.value, version: r.version });
      },
    );
    const Categories = z
      .array(
        z.object({
          name: z.string().trim().min(1).max(80),
          subcategories: z.array(z.string().trim().min(1).max(80)).max(100),
        }),
      )
      .max(200)
      .meta({ id: 'Categories' });
    app.get(
      '/settings/:process/categories',
      route(['settings'], {
        summary: 'Categories and subcategories (empty: free text)',
        params: Process,
        ok: z.object({ categories: Categories, version: z.number() }),
      }),
      async (req) => {
        requireActor(req);
        const c = await getCategories(ctx.db, req.params.process);
        return { categories: c.value, version: c.version };
      },
    );
    app.put(
      '/settings/:process/categories',
      route(['settings'], {
        summary: 'Replace the categories (admin, process owner)',
        params: Process,
        body: z.object({ categories: Categories }),
        ok: z.object({ categories: Categories, version: z.number() }),
      }),
      async (req) => {
        const c = await setCategories(
          ctx,
          requireActor(req),
          req.params.process,
          req.body.categories,
          ifMatchVersion(req),
          clientIp(req),
        );
        return { categories: c.value, version: c.version };
      },
    );
    const Options = z
      .object({ reopenWindowDays: z.number().int().min(0).max(3650) })
      .meta({ id: 'ProcessOptions' });
    app.get(
      '/settings/:process/options',
      route(['settings'], {
        summary: 'Process options (reopen window)',
        params: Process,
        ok: Options,
      }),
      async (req) => {
        requireSettingsRead(requireActor(req));
        return getProcessOptions(ctx.db, req.params.process);
      },
    );
    app.put(
      '/settings/:process/options',
      route(['settings'], {
        summary: 'Change process options (admin, process owner)',
        params: Process,
        body: Options,
        ok: Options,
      }),
      async (req, reply) => {
        const o = await setProcessOptions(
          ctx,
          requireActor(req),
          req.params.process,
          req.body,
          ifMatchVersion(req),
          clientIp(req),
        );
        return withEtag(reply, o).send(o.value);
      },
    );
    app.get(
      '/audit',
      route(['audit'], {
        summary: 'The append-only audit log, newest first (admin, auditor)',
        querystring: z.object({
          action: z.string().max(60).optional(),
          actorId: Uuid.optional(),
          cursor: z.coerce.number().int().positive().optional(),
          limit: Limit,
        }),
        ok: z.object({
          items: z.array(
            z.object({
              id: z.number(),
              at: z.string(),
              action: z.string(),
              actorId: z.string().nullable(),
              actorLabel: z.string().nullable(),
              targetType: z.string().nullable(),
              targetId: z.string().nullable(),
              ip: z.string().nullable(),
              details: z.record(z.string(), z.unknown()),
            }),
          ),
          nextCursor: z.string().nullable(),
        }),
      }),
      async (req) =>
        listAudit(ctx, requireActor(req), {
          action: req.query.action,
          actorId: req.query.actorId,
          before: req.query.cursor,
          limit: req.query.limit,
        }),
    );
  };
}
