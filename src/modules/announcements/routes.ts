/** HTTP routes of announcements: management for those who write them, and each person's current ones. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  AnnouncementCreate,
  AnnouncementListQuery,
  AnnouncementPatch,
  AnnouncementView,
} from '../../contracts/announcements.ts';
import { requireActor } from '../../http/auth.ts';
import { noContent, resourceRoutes } from '../../http/resource.ts';
import { IdParam, route } from '../../http/schemas.ts';
import {
  createAnnouncement,
  currentAnnouncements,
  deleteAnnouncement,
  dismissAnnouncement,
  getAnnouncement,
  listAnnouncements,
  updateAnnouncement,
} from './service.ts';

const tags = ['announcements'];

export function announcementRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/announcements/current',
      route(tags, {
        summary:
          'The announcements meant for you now (running, your audience, not dismissed), most severe first',
        ok: z.object({ items: z.array(AnnouncementView) }),
      }),
      async (req) => ({ items: await currentAnnouncements(ctx, requireActor(req)) }),
    );
    app.post(
      '/announcements/:id/dismiss',
      {
        config: { readOnlyRoleMay: true },
        ...route(tags, {
          summary: 'Stop showing an announcement to you',
          params: IdParam,
          ok: z.null(),
          status: 204,
        }),
      },
      async (req, reply) => noContent(reply, dismissAnnouncement(ctx, requireActor(req), req.params.id)),
    );
    resourceRoutes(app, ctx, {
      path: '/announcements',
      tags,
      view: AnnouncementView,
      list: {
        summary: 'Every announcement, newest start first (for those who manage them)',
        querystring: AnnouncementListQuery,
        run: listAnnouncements,
      },
      create: {
        summary: "Announce something to everyone, a service's customers or a group",
        body: AnnouncementCreate,
        run: createAnnouncement,
      },
      get: { summary: 'An announcement', run: getAnnouncement },
      update: {
        summary: 'Change an announcement (If-Match)',
        body: AnnouncementPatch,
        run: updateAnnouncement,
      },
      remove: { summary: 'Delete an announcement', run: deleteAnnouncement },
    });
  };
}
