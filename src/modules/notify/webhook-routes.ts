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
import { ifMatchVersion, sendWithEtag } from '../../http/etag.ts';
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
    app.get(
      '/admin/webhooks',
      route(tags, {
        summary: 'Webhook endpoints',
        ok: z.object({ items: z.array(WebhookView) }),
      }),
      async (req) => ({ items: await listWebhooks(ctx, requireActor(req)) }),
    );
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
    app.get(
      '/admin/webhooks/:id',
      route(tags, {
        summary: 'One endpoint',
        params: IdParam,
        ok: WebhookView,
      }),
      async (req, reply) => sendWithEtag(reply, await getWebhook(ctx, requireActor(req), req.params.id)),
    );
    app.put(
      '/admin/webhooks/:id',
      route(tags, {
        summary: 'Change an endpoint (If-Match); switching it on again clears its failures',
        params: IdParam,
        body: WebhookInput,
        ok: WebhookView,
      }),
      async (req, reply) =>
        sendWithEtag(
          reply,
          await updateWebhook(ctx, requireActor(req), req.params.id, req.body, ifMatchVersion(req)),
        ),
    );
    app.delete(
      '/admin/webhooks/:id',
      route(tags, {
        summary: 'Remove an endpoint and its log',
        params: IdParam,
        ok: z.null(),
        status: 204,
      }),
      async (req, reply) => {
        await deleteWebhook(ctx, requireActor(req), req.params.id);
        return reply.code(204).send(null);
      },
    );
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
