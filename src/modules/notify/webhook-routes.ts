/** Administrators' webhook routes: endpoints per event type, their delivery log, redelivery. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import {
  WebhookDeliveryPage,
  WebhookDeliveryView,
  WebhookInput,
  WebhookView,
  WebhookWithSecret,
} from '../../contracts/webhooks.ts';
import { requireActor } from '../../http/auth.ts';
import { sendWithEtag } from '../../http/etag.ts';
import { resourceRoutes } from '../../http/resource.ts';
import { IdParam, Limit, route, Uuid } from '../../http/schemas.ts';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  redeliverWebhook,
  rotateWebhookSecret,
  updateWebhook,
} from './webhooks.ts';

const tags = ['webhooks'];

export function webhookRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/admin/webhooks',
      route(tags, {
        summary: 'Register an endpoint for event types; the answer shows its signing secret once',
        body: WebhookInput,
        ok: WebhookWithSecret,
        status: 201,
      }),
      async (req, reply) =>
        sendWithEtag(reply.code(201), await createWebhook(ctx, requireActor(req), req.body)),
    );
    resourceRoutes(app, ctx, {
      path: '/admin/webhooks',
      tags,
      view: WebhookView,
      all: { summary: 'Webhook endpoints', run: listWebhooks },
      get: { summary: 'One endpoint', run: getWebhook },
      update: {
        summary: 'Change an endpoint (If-Match); switching it on again clears its failures',
        body: WebhookInput,
        method: 'PUT',
        run: updateWebhook,
      },
      remove: { summary: 'Remove an endpoint and its log', run: deleteWebhook },
    });
    app.post(
      '/admin/webhooks/:id/rotate-secret',
      route(tags, {
        summary: 'Make a new signing secret (shown once); the old one stops working at once',
        params: IdParam,
        ok: WebhookWithSecret,
      }),
      async (req) => rotateWebhookSecret(ctx, requireActor(req), req.params.id),
    );
    app.get(
      '/admin/webhooks/:id/deliveries',
      route(tags, {
        summary: "The endpoint's delivery log, newest first",
        params: IdParam,
        querystring: z.object({ cursor: z.string().max(300).optional(), limit: Limit }),
        ok: WebhookDeliveryPage,
      }),
      async (req) => listWebhookDeliveries(ctx, requireActor(req), req.params.id, req.query),
    );
    app.post(
      '/admin/webhooks/:id/deliveries/:deliveryId/redeliver',
      route(tags, {
        summary: 'Send a delivery again (a new delivery with the same event id and body)',
        params: z.object({ id: Uuid, deliveryId: Uuid }),
        ok: WebhookDeliveryView,
        status: 201,
      }),
      async (req, reply) =>
        reply
          .code(201)
          .send(await redeliverWebhook(ctx, requireActor(req), req.params.id, req.params.deliveryId)),
    );
  };
}
