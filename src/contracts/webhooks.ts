/**
 * Wire shapes of webhooks: endpoints administrators register per event type, the JSON payload
 * every delivery carries (a stable schema: fields are only ever added), and the delivery log.
 */
import { z } from 'zod';
import { NamedRef, page, Timestamps } from './common.ts';

export const WebhookUrl = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return (
          (u.protocol === 'https:' || u.protocol === 'http:') &&
          u.hostname !== '' &&
          !u.username &&
          !u.password
        );
      } catch {
        return false;
      }
    },
    { message: 'must be an http:// or https:// URL without credentials' },
  );

export const WebhookInput = z.object({
  url: WebhookUrl,
  description: z.string().trim().max(500).default(''),
  events: z.array(z.string().min(1).max(100)).min(1).max(100),
  active: z.boolean().default(true),
});
export type WebhookInput = z.input<typeof WebhookInput>;

export const WebhookView = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    events: z.array(z.string()),
    active: z.boolean(),
    consecutiveFailures: z.number(),
    disabledAt: z.string().nullable(),
    disabledReason: z.string().nullable(),
    version: z.number(),
    ...Timestamps.shape,
  })
  .meta({ id: 'Webhook' });
export type WebhookView = z.infer<typeof WebhookView>;

/** The signing secret, shown once: when the endpoint is created or its secret rotated. */
export const WebhookWithSecret = WebhookView.extend({ secret: z.string() });
export type WebhookWithSecret = z.infer<typeof WebhookWithSecret>;

/** What every webhook request carries, version 1. */
export const WebhookPayload = z
  .object({
    id: z.string().describe('The event id; the same on every retry and redelivery'),
    event: z.string().describe('e.g. record.created, record.commented'),
    occurredAt: z.string(),
    schemaVersion: z.literal(1),
    record: z
      .object({
        id: z.string(),
        number: z.string(),
        type: z.string(),
        title: z.string(),
        state: z.string(),
        priority: z.number(),
        url: z.string(),
      })
      .nullable(),
    actor: NamedRef.nullable(),
    data: z.record(z.string(), z.string().nullable()).describe("The event's own values (comment, toState…)"),
  })
  .meta({ id: 'WebhookPayload' });
export type WebhookPayload = z.infer<typeof WebhookPayload>;

export const WebhookDeliveryView = z
  .object({
    id: z.string(),
    endpointId: z.string(),
    eventId: z.string(),
    event: z.string(),
    status: z.string().describe('pending, retrying, delivering, succeeded, failed'),
    attempts: z.number(),
    lastStatusCode: z.number().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
    body: z.string(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDeliveryView = z.infer<typeof WebhookDeliveryView>;

export const WebhookDeliveryPage = page(WebhookDeliveryView);
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPage>;
