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
import { ifMatchVersion, withEtag } from '../../http/etag.ts';
import { IdParam, page, problemResponses } from '../../http/schemas.ts';
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
      {
        schema: {
          tags,
          summary:
            'The announcements meant for you now (running, your audience, not dismissed), most severe first',
          response: { 200: z.object({ items: z.array(AnnouncementView) }), ...problemResponses },
        },
      },
      async (req) => ({ items: await currentAnnouncements(ctx, requireActor(req)) }),
    );
    app.post(
      '/announcements/:id/dismiss',
      {
        config: { readOnlyRoleMay: true },
        schema: {
          tags,
          summary: 'Stop showing an announcement to you',
          params: IdParam,
          response: { 204: z.null(), ...problemResponses },
        },
      },
      async (req, reply) => {
        await dismissAnnouncement(ctx, requireActor(req), req.params.id);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/announcements',
      {
        schema: {
          tags,
          summary: 'Every announcement, newest start first (for those who manage them)',
          querystring: AnnouncementListQuery,
          response: { 200: page(AnnouncementView), ...problemResponses },
        },
      },
      async (req) => listAnnouncements(ctx, requireActor(req), req.query),
    );
    app.post(
      '/announcements',
      {
        schema: {
          tags,
          summary: "Announce something to everyone, a service's customers or a group",
          body: AnnouncementCreate,
          response: { 201: AnnouncementView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const view = await createAnnouncement(ctx, requireActor(req), req.body);
        return withEtag(reply.code(201), view).send(view);
      },
    );
    app.get(
      '/announcements/:id',
      {
        schema: {
          tags,
          summary: 'An announcement',
          params: IdParam,
          response: { 200: AnnouncementView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const view = await getAnnouncement(ctx, requireActor(req), req.params.id);
        return withEtag(reply, view).send(view);
      },
    );
    app.patch(
      '/announcements/:id',
      {
        schema: {
          tags,
          summary: 'Change an announcement (If-Match)',
          params: IdParam,
          body: AnnouncementPatch,
          response: { 200: AnnouncementView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const view = await updateAnnouncement(
          ctx,
          requireActor(req),
          req.params.id,
          req.body,
          ifMatchVersion(req),
        );
        return withEtag(reply, view).send(view);
      },
    );
    app.delete(
      '/announcements/:id',
      {
        schema: {
          tags,
          summary: 'Delete an announcement',
          params: IdParam,
          response: { 204: z.null(), ...problemResponses },
        },
      },
      async (req, reply) => {
        await deleteAnnouncement(ctx, requireActor(req), req.params.id);
        return reply.code(204).send(null);
      },
    );
  };
}
