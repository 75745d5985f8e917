/** Administrators' notification routes: events with rules and templates, preview, the delivery log, on-call people. */
import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  DeliveryPage,
  NotificationChannel,
  NotificationEventView,
  PreviewInput,
  PreviewView,
  RuleInput,
  TemplateInput,
  TemplateView,
} from '../../contracts/notifications.ts';
import { can } from '../../domain/roles.ts';
import { forbidden, invalid, notFound } from '../../errors.ts';
import { requireActor } from '../../http/auth.ts';
import { ifMatchVersion, sendWithEtag } from '../../http/etag.ts';
import { Limit, problemResponses, route, Uuid } from '../../http/schemas.ts';
import { groupMembers, groups } from '../auth/index.ts';
import { assertReadSettings, eventView, listDeliveries, listEvents } from './admin.ts';
import { saveRule } from './rules.ts';
import { notificationOnCall } from './schema.ts';
import { eventOrThrow, previewTemplate, resetTemplate, saveTemplate } from './templates.ts';

const tags = ['notifications'];
const EventParam = z.object({ event: z.string().min(1).max(100) });
const TemplateParams = EventParam.extend({ channel: NotificationChannel });

export function notificationAdminRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/admin/notifications/events',
      route(tags, {
        summary: 'Every notification event with its recipient rule and the templates in force',
        ok: z.object({ items: z.array(NotificationEventView) }),
      }),
      async (req) => ({ items: await listEvents(ctx, requireActor(req)) }),
    );
    app.get(
      '/admin/notifications/events/:event',
      route(tags, {
        summary: 'One notification event',
        params: EventParam,
        ok: NotificationEventView,
      }),
      async (req) => {
        assertReadSettings(requireActor(req));
        const def = eventOrThrow(req.params.event);
        const all = await listEvents(ctx, requireActor(req));
        return all.find((e) => e.key === def.key)!;
      },
    );
    app.put(
      '/admin/notifications/events/:event/rule',
      route(tags, {
        summary: 'Who is told of the event, and whether at all (If-Match: the rule version)',
        params: EventParam,
        body: RuleInput,
        ok: NotificationEventView,
      }),
      async (req) => {
        const def = eventOrThrow(req.params.event);
        const rule = await saveRule(ctx, requireActor(req), def, req.body, ifMatchVersion(req));
        return eventView(ctx, def, rule);
      },
    );
    app.put(
      '/admin/notifications/events/:event/templates/:channel',
      route(tags, {
        summary: "Override the event's template for a channel (If-Match: its version, 0 for the default)",
        params: TemplateParams,
        body: TemplateInput,
        ok: TemplateView,
      }),
      async (req, reply) =>
        sendWithEtag(
          reply,
          await saveTemplate(
            ctx,
            requireActor(req),
            req.params.event,
            req.params.channel,
            req.body,
            ifMatchVersion(req),
          ),
        ),
    );
    app.delete(
      '/admin/notifications/events/:event/templates/:channel',
      route(tags, {
        summary: 'Drop the override: the shipped template applies again',
        params: TemplateParams,
        ok: TemplateView,
      }),
      async (req) => resetTemplate(ctx, requireActor(req), req.params.event, req.params.channel),
    );
    app.post(
      '/admin/notifications/events/:event/preview',
      {
        config: { readOnlyRoleMay: true },
        schema: {
          tags,
          summary: 'Render a template (saved or not) on a sample record',
          params: EventParam,
          body: PreviewInput,
          response: { 200: PreviewView, ...problemResponses },
        },
      },
      async (req) => previewTemplate(requireActor(req), req.params.event, req.body),
    );
    app.get(
      '/admin/notifications/deliveries',
      route(tags, {
        summary:
          'The notification delivery log (mail per notification: status, attempts, error), newest first',
        querystring: z.object({
          status: z.enum(['queued', 'sending', 'digest', 'sent', 'failed', 'skipped']).optional(),
          recordId: Uuid.optional(),
          cursor: z.string().max(300).optional(),
          limit: Limit,
        }),
        ok: DeliveryPage,
      }),
      async (req) => listDeliveries(ctx, requireActor(req), req.query),
    );
    app.get(
      '/admin/notifications/on-call',
      {
        schema: {
          tags,
          summary: 'Who is on call for each group that names someone',
          response: {
            200: z.object({ items: z.array(z.object({ groupId: z.string(), userId: z.string() })) }),
            ...problemResponses,
          },
        },
      },
      async (req) => {
        assertReadSettings(requireActor(req));
        return { items: await ctx.db.select().from(notificationOnCall) };
      },
    );
    app.put(
      '/admin/notifications/on-call/:groupId',
      {
        schema: {
          tags,
          summary: "Name the group's on-call person, one of its members (null: nobody)",
          params: z.object({ groupId: Uuid }),
          body: z.object({ userId: Uuid.nullable() }),
          response: {
            200: z.object({ groupId: z.string(), userId: z.string().nullable() }),
            ...problemResponses,
          },
        },
      },
      async (req) => {
        if (!can(requireActor(req), 'group.manage')) throw forbidden('You may not change on-call people.');
        const { groupId } = req.params;
        const [g] = await ctx.db.select({ id: groups.id }).from(groups).where(eq(groups.id, groupId));
        if (!g) throw notFound('Group', groupId);
        const { userId } = req.body;
        if (userId !== null) {
          const [member] = await ctx.db
            .select({ userId: groupMembers.userId })
            .from(groupMembers)
            .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, userId)));
          if (!member)
            throw invalid(
              [{ field: 'userId', message: 'must be a member of the group' }],
              'Only a member of the group can be on call for it.',
            );
        }
        if (userId === null)
          await ctx.db.delete(notificationOnCall).where(eq(notificationOnCall.groupId, groupId));
        else
          await ctx.db
            .insert(notificationOnCall)
            .values({ groupId, userId })
            .onConflictDoUpdate({ target: notificationOnCall.groupId, set: { userId } });
        return { groupId, userId };
      },
    );
  };
}
