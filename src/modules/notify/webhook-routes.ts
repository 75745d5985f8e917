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
import { ifMatchVersion, withEtag } from '../../http/etag.ts';
import { IdParam, Limit, problemResponses, Uuid } from '../../http/schemas.ts';
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
      {
        schema: {
          tags,
          summary: 'Webhook endpoints',
          response: { 200: z.object({ items: z.array(WebhookView) }), ...problemResponses },
        },
      },
      async (req) => ({ items: await listWebhooks(ctx, requireActor(req)) }),
    );
    app.post(
      '/admin/webhooks',
      {
        schema: {
          tags,
          summary: 'Register an endpoint for event types; the answer shows its signing secret once',
          body: WebhookInput,
          response: { 201: WebhookWithSecret, ...problemResponses },
        },
      },
      async (req, reply) => {
        const w = await createWebhook(ctx, requireActor(req), req.body);
        return withEtag(reply.code(201), w).send(w);
      },
    );
    app.get(
      '/admin/webhooks/:id',
      {
        schema: {
          tags,
          summary: 'One endpoint',
          params: IdParam,
          response: { 200: WebhookView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const w = await getWebhook(ctx, requireActor(req), req.params.id);
        return withEtag(reply, w).send(w);
      },
    );
    app.put(
      '/admin/webhooks/:id',
      {
        schema: {
          tags,
          summary: 'Change an endpoint (If-Match); switching it on again clears its failures',
          params: IdParam,
          body: WebhookInput,
          response: { 200: WebhookView, ...problemResponses },
        },
      },
      async (req, reply) => {
        const w = await updateWebhook(ctx, requireActor(req), req.params.id, req.body, ifMatchVersion(req));
        return withEtag(reply, w).send(w);
      },
    );
    app.delete(
      '/admin/webhooks/:id',
      {
        schema: {
          tags,
          summary: 'Remove an endpoint and its log',
          params: IdParam,
          response: { 204: z.null(), ...problemResponses },
        },
      },
      async (req, reply) => {
        await deleteWebhook(ctx, requireActor(req), req.params.id);
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/admin/webhooks/:id/rotate-secret',
      {
        schema: {
          tags,
          summary: 'Make a new signing secret (shown once); the old one stops working at once',
          params: IdParam,
          response: { 200: WebhookWithSecret, ...problemResponses },
        },
      },
      async (req) => rotateWebhookSecret(ctx, requireActor(req), req.params.id),
    );
    app.get(
      '/admin/webhooks/:id/deliveries',
      {
        schema: {
          tags,
          summary: "The endpoint's delivery log, newest first",
          params: IdParam,
          querystring: z.object({ cursor: z.string().max(300).optional(), limit: Limit }),
          response: { 200: WebhookDeliveryPage, ...problemResponses },
        },
      },
      async (req) => listWebhookDeliveries(ctx, requireActor(req), req.params.id, req.query),
    );
    app.post(
      '/admin/webhooks/:id/deliveries/:deliveryId/redeliver',
      {
        schema: {
          tags,
          summary: 'Send a delivery again (a new delivery with the same event id and body)',
          params: z.object({ id: Uuid, deliveryId: Uuid }),
          response: { 201: WebhookDeliveryView, ...problemResponses },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .send(await redeliverWebhook(ctx, requireActor(req), req.params.id, req.params.deliveryId)),
    );
  };
}
