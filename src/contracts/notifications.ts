/**
 * Wire shapes of notifications: the inbox, the events people can be told about with their
 * templates (shipped defaults and administrators' overrides) and recipient rules, a person's
 * preferences, and the delivery log.
 */
import { z } from 'zod';
import { RECIPIENT_PARTIES } from '../domain/notify/recipients.ts';
import { PersonRef, page, RecordNumberRef, Timestamps } from './common.ts';

export const NOTIFICATION_CHANNELS = ['in_app', 'email'] as const;
export const NotificationChannel = z.enum(NOTIFICATION_CHANNELS);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

export const RecipientParty = z.enum(RECIPIENT_PARTIES);

export const Notification = z
  .object({
    id: z.string(),
    kind: z.string(),
    subject: z.string(),
    body: z.string(),
    record: RecordNumberRef.nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

export const NotificationPage = z.object({
  items: z.array(Notification),
  unreadCount: z.number(),
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof NotificationPage>;

const TemplateText = z.string().max(20_000);

/** A template as an administrator edits it: subject and body; mail adds an optional HTML body. */
export const TemplateInput = z.object({
  subject: z.string().trim().min(1).max(500),
  body: TemplateText.min(1).describe('In-app text, or the plain-text part of the mail'),
  html: TemplateText.nullable()
    .optional()
    .describe('Mail only: the HTML part; without it the plain text is shown as HTML'),
});
export type TemplateInput = z.infer<typeof TemplateInput>;

export const TemplateView = TemplateInput.extend({
  channel: NotificationChannel,
  /** True when an administrator's override is in force, false for the shipped default. */
  overridden: z.boolean(),
  version: z.number().describe('0 for the shipped default'),
});
export type TemplateView = z.infer<typeof TemplateView>;

export const NotificationEventView = z
  .object({
    key: z.string(),
    label: z.string(),
    description: z.string(),
    variables: z.array(z.string()),
    /** Null when the cause names the people (lifecycle effects, escalation policy, approvers). */
    defaultParties: z.array(RecipientParty).nullable(),
    internal: z.boolean(),
    emailByDefault: z.boolean(),
    rule: z.object({
      enabled: z.boolean(),
      parties: z.array(RecipientParty).nullable(),
      version: z.number(),
    }),
    templates: z.array(TemplateView),
  })
  .meta({ id: 'NotificationEvent' });
export type NotificationEventView = z.infer<typeof NotificationEventView>;

export const RuleInput = z.object({
  enabled: z.boolean(),
  parties: z.array(RecipientParty).max(RECIPIENT_PARTIES.length).nullable().optional(),
});
export type RuleInput = z.infer<typeof RuleInput>;

export const PreviewInput = TemplateInput.extend({ channel: NotificationChannel });
export type PreviewInput = z.infer<typeof PreviewInput>;

export const PreviewView = z.object({
  subject: z.string(),
  body: z.string(),
  /** Mail only: the HTML part as it would be sent. */
  html: z.string().nullable(),
  /** The sample values used. */
  variables: z.record(z.string(), z.string()),
});
export type PreviewView = z.infer<typeof PreviewView>;

export const DELIVERY_MODES = ['immediate', 'digest'] as const;

/** How a person wants to be told of an event. */
const PreferenceChoice = z.object({ inApp: z.boolean(), email: z.boolean(), mode: z.enum(DELIVERY_MODES) });

export const PreferenceView = z.object({
  event: z.string(),
  label: z.string(),
  description: z.string(),
  ...PreferenceChoice.shape,
  /** True when the person has not chosen and the shipped default applies. */
  isDefault: z.boolean(),
});
export type PreferenceView = z.infer<typeof PreferenceView>;

export const PreferenceInput = z.object({ event: z.string().max(100), ...PreferenceChoice.shape });
export type PreferenceInput = z.infer<typeof PreferenceInput>;

export const PreferencesUpdate = z.object({ preferences: z.array(PreferenceInput).max(200) });

export const DeliveryView = z
  .object({
    id: z.string(),
    notificationId: z.string(),
    event: z.string(),
    channel: z.string(),
    recipient: PersonRef,
    record: RecordNumberRef.nullable(),
    subject: z.string(),
    /** queued, digest, sent, failed, skipped: for mail, the outbox's state when it has one. */
    status: z.string(),
    attempts: z.number(),
    error: z.string().nullable(),
    messageId: z.string().nullable(),
    ...Timestamps.shape,
  })
  .meta({ id: 'NotificationDelivery' });
export type DeliveryView = z.infer<typeof DeliveryView>;

export const DeliveryPage = page(DeliveryView);
export type DeliveryPage = z.infer<typeof DeliveryPage>;
