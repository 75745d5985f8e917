/** HTTP routes for process settings (priority matrix, lifecycle) and the audit log. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { REQUIRABLE_FIELDS } from '../../domain/lifecycle/engine.ts';
import { ROLES } from '../../domain/roles.ts';
import { clientIp, requireActor } from '../../http/auth.ts';
import { ifMatchVersion, withEtag } from '../../http/etag.ts';
import { Limit, route, Uuid } from '../../http/schemas.ts';
import { listAudit } from '../audit/index.ts';
import { Process, settingDocumentRoutes } from './document-routes.ts';
import {
  assertMayReadSettings,
  getCategories,
  getLifecycle,
  getPriorityMatrix,
  getProcessOptions,
  getRaci,
  setCategories,
  setLifecycle,
  setPriorityMatrix,
  setProcessOptions,
  setRaci,
} from './service.ts';

/** The key of a lifecycle state, a transition or a RACI activity. */
const Key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _');

const Matrix = z
  .array(z.array(z.number().int()))
  .meta({ id: 'PriorityMatrix', description: 'matrix[impact-1][urgency-1] = priority' });
const Lifecycle = z
  .object({
    initial: z.string().min(1),
    states: z
      .array(
        z.object({
          key: Key,
          label: z.string().min(1).max(60),
          category: z.enum(['open', 'paused', 'resolved', 'closed']),
        }),
      )
      .min(1)
      .max(40),
    transitions: z
      .array(
        z.object({
          key: Key,
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
          key: Key,
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
const Categories = z
  .array(
    z.object({
      name: z.string().trim().min(1).max(80),
      subcategories: z.array(z.string().trim().min(1).max(80)).max(100),
    }),
  )
  .max(200)
  .meta({ id: 'Categories' });

export function settingsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    settingDocumentRoutes(app, ctx, {
      path: 'priority-matrix',
      key: 'matrix',
      schema: Matrix,
      summaries: {
        get: 'The impact × urgency → priority matrix',
        put: 'Replace the priority matrix (admin, process owner)',
      },
      openToAll: true,
      get: getPriorityMatrix,
      set: setPriorityMatrix,
    });
    settingDocumentRoutes(app, ctx, {
      path: 'lifecycle',
      key: 'lifecycle',
      schema: Lifecycle,
      summaries: {
        get: 'The lifecycle: states and transitions',
        put: 'Replace the lifecycle (validated: reachable states, a terminal state, known roles)',
      },
      get: getLifecycle,
      set: setLifecycle,
    });
    settingDocumentRoutes(app, ctx, {
      path: 'raci',
      key: 'raci',
      schema: RaciSchema,
      summaries: {
        get: 'The RACI matrix of the process, its owner and manager',
        put: 'Replace the RACI matrix (exactly one accountable party per activity)',
      },
      get: getRaci,
      set: setRaci,
    });
    settingDocumentRoutes(app, ctx, {
      path: 'categories',
      key: 'categories',
      schema: Categories,
      summaries: {
        get: 'Categories and subcategories (empty: free text)',
        put: 'Replace the categories (admin, process owner)',
      },
      openToAll: true,
      etag: false,
      get: getCategories,
      set: setCategories,
    });
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
        assertMayReadSettings(requireActor(req));
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
