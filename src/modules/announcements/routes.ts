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
import { ifMatchVersion, sendWithEtag } from '../../http/etag.ts';
import { IdParam, page, route } from '../../http/schemas.ts';
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
      async (req, reply) => {
        await dismissAnnouncement(ctx, requireActor(req), req.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/announcements',
      route(tags, {
        summary: 'Every announcement, newest start first (for those who manage them)',
        querystring: AnnouncementListQuery,
        ok: page(AnnouncementView),
      }),
      async (req) => listAnnouncements(ctx, requireActor(req), req.query),
    );
    app.post(
      '/announcements',
      route(tags, {
        summary: "Announce something to everyone, a service's customers or a group",
        body: AnnouncementCreate,
        ok: AnnouncementView,
        status: 201,
      }),
      async (req, reply) =>
        sendWithEtag(reply.code(201), await createAnnouncement(ctx, requireActor(req), req.body)),
    );
    app.get(
      '/announcements/:id',
      route(tags, {
        summary: 'An announcement',
        params: IdParam,
        ok: AnnouncementView,
      }),
      async (req, reply) => sendWithEtag(reply, await getAnnouncement(ctx, requireActor(req), req.params.id)),
    );
    app.patch(
      '/announcements/:id',
      route(tags, {
        summary: 'Change an announcement (If-Match)',
        params: IdParam,
        body: AnnouncementPatch,
        ok: AnnouncementView,
      }),
      async (req, reply) =>
        sendWithEtag(
          reply,
          await updateAnnouncement(ctx, requireActor(req), req.params.id, req.body, ifMatchVersion(req)),
        ),
    );
    app.delete(
      '/announcements/:id',
      route(tags, {
        summary: 'Delete an announcement',
        params: IdParam,
        ok: z.null(),
        status: 204,
      }),
      async (req, reply) => {
        await deleteAnnouncement(ctx, requireActor(req), req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
