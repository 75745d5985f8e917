/** HTTP routes: one's own notifications and preferences, and the digest's unsubscribe link. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  Notification,
  NotificationPage,
  PreferencesUpdate,
  PreferenceView,
} from '../../contracts/notifications.ts';
import { escapeHtml } from '../../domain/html-escape.ts';
import { requireActor } from '../../http/auth.ts';
import { IdParam, Limit, problemResponses, route } from '../../http/schemas.ts';
import { listMyNotifications, markAllNotificationsRead, markNotificationRead } from './notifications.ts';
import { myPreferences, resetMyPreferences, saveMyPreferences, unsubscribeDigest } from './preferences.ts';

const tags = ['notifications'];

export function notificationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/notifications',
      route(tags, {
        summary: 'My notifications, newest first',
        querystring: z.object({
          unread: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true')
            .describe('Only the unread ones'),
          cursor: z.string().max(200).optional(),
          limit: Limit,
        }),
        ok: NotificationPage,
      }),
      async (req) =>
        listMyNotifications(ctx, requireActor(req), {
          unread: req.query.unread,
          cursor: req.query.cursor,
          limit: req.query.limit,
        }),
    );
    app.post(
      '/notifications/:id/read',
      {
        config: { readOnlyRoleMay: true },
        schema: {
          tags,
          summary: 'Mark one of my notifications read',
          params: IdParam,
          response: { 200: Notification, ...problemResponses },
        },
      },
      async (req) => markNotificationRead(ctx, requireActor(req), req.params.id),
    );
    app.post(
      '/notifications/read-all',
      {
        config: { readOnlyRoleMay: true },
        schema: {
          tags,
          summary: 'Mark all my notifications read',
          response: { 200: z.object({ marked: z.number() }), ...problemResponses },
        },
      },
      async (req) => ({ marked: await markAllNotificationsRead(ctx, requireActor(req)) }),
    );
    app.get(
      '/notifications/preferences',
      route(tags, {
        summary: 'My notification preferences per event (defaults where I have not chosen)',
        ok: z.object({ preferences: z.array(PreferenceView) }),
      }),
      async (req) => ({ preferences: await myPreferences(ctx, requireActor(req)) }),
    );
    app.put(
      '/notifications/preferences',
      {
        config: { readOnlyRoleMay: true },
        schema: {
          tags,
          summary: 'Choose, per event, the inbox and/or mail, immediately or in a daily digest',
          body: PreferencesUpdate,
          response: { 200: z.object({ preferences: z.array(PreferenceView) }), ...problemResponses },
        },
      },
      async (req) => ({ preferences: await saveMyPreferences(ctx, requireActor(req), req.body.preferences) }),
    );
    app.delete(
      '/notifications/preferences',
      {
        config: { readOnlyRoleMay: true },
        schema: {
          tags,
          summary: 'Forget my choices: every event follows its default again',
          response: { 200: z.object({ preferences: z.array(PreferenceView) }), ...problemResponses },
        },
      },
      async (req) => ({ preferences: await resetMyPreferences(ctx, requireActor(req)) }),
    );
  };
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body style="font-family:sans-serif;max-width:40em;margin:3em auto"><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></main></body></html>`;

/**
 * The digest's unsubscribe link (RFC 8058): the link itself (GET, from the mail) and one-click
 * (POST, from the mail client). The secret token is the credential; no sign-in is needed.
 */
export function unsubscribeRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );
    const Query = z.object({ token: z.string().min(10).max(200) });
    const handle = async (token: string) => {
      const { events } = await unsubscribeDigest(ctx, token);
      return page(
        'You are unsubscribed',
        events
          ? `Steward will no longer send you digest mail (${events} event${events === 1 ? '' : 's'}). You still see these notifications in the app, and can choose again in your profile.`
          : 'You receive no digest mail from Steward.',
      );
    };
    app.get(
      '/notifications/unsubscribe',
      {
        config: { readOnlyRoleMay: true },
        schema: { tags, summary: 'Stop digest mail (the link in every digest)', querystring: Query },
      },
      async (req, reply) => reply.type('text/html; charset=utf-8').send(await handle(req.query.token)),
    );
    app.post(
      '/notifications/unsubscribe',
      {
        config: { readOnlyRoleMay: true },
        schema: { tags, summary: 'Stop digest mail: one-click unsubscribe (RFC 8058)', querystring: Query },
      },
      async (req, reply) => reply.type('text/html; charset=utf-8').send(await handle(req.query.token)),
    );
  };
}
