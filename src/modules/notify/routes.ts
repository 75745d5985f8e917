/** HTTP routes: one's own notifications, newest first, and marking them read. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireActor } from '../../http/auth.ts';
import { IdParam, Limit, problemResponses } from '../../http/schemas.ts';
import { listMyNotifications, markAllNotificationsRead, markNotificationRead } from './notifications.ts';

const Notification = z
  .object({
    id: z.string(),
    kind: z.string(),
    subject: z.string(),
    body: z.string(),
    record: z.object({ id: z.string(), number: z.string(), type: z.string() }).nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

export function notificationRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/notifications',
      {
        schema: {
          tags: ['notifications'],
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
          response: {
            200: z.object({
              items: z.array(Notification),
              unreadCount: z.number(),
              nextCursor: z.string().nullable(),
            }),
            ...problemResponses,
          },
        },
      },
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
          tags: ['notifications'],
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
          tags: ['notifications'],
          summary: 'Mark all my notifications read',
          response: { 200: z.object({ marked: z.number() }), ...problemResponses },
        },
      },
      async (req) => ({ marked: await markAllNotificationsRead(ctx, requireActor(req)) }),
    );
  };
}
