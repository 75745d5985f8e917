/** HTTP routes of the change schedule: windows, the change calendar, conflict checks and the iCalendar feed. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  CalendarAnswer,
  CalendarQuery,
  ConflictCheck,
  ConflictView,
  FeedTokenCreated,
  FeedTokenStatus,
  WindowInput,
  WindowListQuery,
  WindowPatch,
  WindowView,
} from '../../contracts/change-schedule.ts';
import { requireActor } from '../../http/auth.ts';
import { noContent, resourceRoutes } from '../../http/resource.ts';
import { route } from '../../http/schemas.ts';
import { changeCalendar } from './calendar.ts';
import { checkConflicts, rememberGraph } from './conflicts.ts';
import { createFeedToken, feedCalendar, feedTokenStatus, revokeFeedToken } from './feed.ts';
import {
  assertCanReadSchedule,
  createWindow,
  deleteWindow,
  getWindow,
  listWindows,
  updateWindow,
} from './windows.ts';

const tags = ['change-schedule'];

export function scheduleRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  rememberGraph(ctx);
  return async (app) => {
    resourceRoutes(app, ctx, {
      path: '/change-windows',
      tags,
      view: WindowView,
      list: {
        summary: 'Maintenance and freeze windows, by first start',
        querystring: WindowListQuery,
        run: listWindows,
      },
      create: {
        summary: 'Add a maintenance window (of a CI or a service) or a freeze (global or of a service)',
        body: WindowInput,
        run: createWindow,
      },
      get: { summary: 'A window', run: getWindow },
      update: { summary: 'Change a window (If-Match)', body: WindowPatch, run: updateWindow },
      remove: { summary: 'Remove a window (If-Match)', ifMatch: true, run: deleteWindow },
    });
    app.get(
      '/change-calendar',
      route(tags, {
        summary: 'Scheduled changes and window occurrences over a range (at most 400 days)',
        querystring: CalendarQuery,
        ok: CalendarAnswer,
      }),
      async (req) =>
        changeCalendar(ctx, requireActor(req), {
          from: new Date(req.query.from),
          to: new Date(req.query.to),
          serviceIds: req.query.serviceId,
          ciIds: req.query.ciId,
          groupId: req.query.groupId,
          windows: req.query.windows !== 'false',
        }),
    );
    app.post(
      '/change-calendar/conflicts',
      route(tags, {
        summary: 'The conflicts a change planned at these times on these CIs and services would have',
        body: ConflictCheck,
        ok: z.object({ conflicts: z.array(ConflictView) }),
      }),
      async (req) => {
        assertCanReadSchedule(requireActor(req));
        const b = req.body;
        const conflicts = await checkConflicts(ctx, {
          ...(b.recordId ? { recordId: b.recordId } : {}),
          start: new Date(b.start),
          end: new Date(b.end),
          ciIds: b.ciIds,
          serviceIds: b.serviceIds,
        });
        return { conflicts };
      },
    );
    app.get(
      '/change-calendar/feed-token',
      route(tags, {
        summary: 'Whether you have a calendar feed address',
        ok: FeedTokenStatus,
      }),
      async (req) => feedTokenStatus(ctx, requireActor(req)),
    );
    app.post(
      '/change-calendar/feed-token',
      route(tags, {
        summary: 'A new secret address for your iCalendar feed (the previous one stops working)',
        ok: FeedTokenCreated,
        status: 201,
      }),
      async (req, reply) => reply.code(201).send(await createFeedToken(ctx, requireActor(req))),
    );
    app.delete(
      '/change-calendar/feed-token',
      route(tags, {
        summary: 'Revoke your calendar feed address',
        ok: z.null(),
        status: 204,
      }),
      async (req, reply) => noContent(reply, revokeFeedToken(ctx, requireActor(req))),
    );
    app.get(
      '/change-calendar/feed/:file',
      {
        schema: {
          tags,
          summary:
            'The change calendar as iCalendar, for calendar programs: the secret address is the credential',
          params: z.object({ file: z.string().max(120) }),
          produces: ['text/calendar'],
        },
      },
      async (req, reply) => {
        const text = await feedCalendar(ctx, req.params.file.replace(/\.ics$/, ''));
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('cache-control', 'private, no-store')
          .header('x-content-type-options', 'nosniff')
          .send(text);
      },
    );
  };
}
