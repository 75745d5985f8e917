/**
 * The notification outbox: messages for people, one row per message for one person, shown in the
 * app and delivered by mail. Rows are written in the transaction of what caused them. Around it:
 * administrators' template overrides and recipient rules, people's preferences, each message's
 * delivery log per channel, and webhook endpoints with their deliveries.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { extensionKeyColumn, idColumn, parentColumn, versionColumn } from '../../db/columns.ts';
import { groups, users } from '../auth/schema.ts';
import { records } from '../records/schema.ts';

const at = (name: string) => timestamp(name, { withTimezone: true });

export const notifications = pgTable(
  'notifications',
  {
    id: idColumn(),
    recipientId: parentColumn('recipient_id', () => users.id),
    recordId: uuid('record_id').references(() => records.id, { onDelete: 'cascade' }),
    /** The event: record.created, record.commented, escalation.breach, … */
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** Shown in the in-app inbox (false when the person wants this event by mail only). */
    inApp: boolean('in_app').notNull().default(true),
    createdAt: at('created_at').notNull(),
    readAt: at('read_at'),
  },
  (t) => [
    index('notifications_recipient_idx').on(t.recipientId, t.createdAt, t.id),
    index('notifications_unread_idx').on(t.recipientId, t.createdAt).where(sql`${t.readAt} is null`),
    index('notifications_record_idx').on(t.recordId),
  ],
);

/** How one notification went out on one channel besides the inbox (email today). */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: idColumn(),
    notificationId: parentColumn('notification_id', () => notifications.id),
    channel: text('channel').notNull(),
    /** queued (handed to the mail outbox), digest (waits for the daily digest), sent, failed, skipped. */
    status: text('status').notNull(),
    /** The mail outbox's id of the message that carries it. */
    mailId: text('mail_id'),
    /** The Message-ID it was sent with, for threading later mail about the same record. */
    messageId: text('message_id'),
    detail: text('detail'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('notification_deliveries_notification_idx').on(t.notificationId),
    index('notification_deliveries_created_idx').on(t.createdAt, t.id),
    index('notification_deliveries_digest_idx').on(t.status).where(sql`${t.status} = 'digest'`),
  ],
);

/** An administrator's override of a shipped template; one per event and channel. */
export const notificationTemplates = pgTable(
  'notification_templates',
  {
    event: text('event').notNull(),
    /** in_app or email */
    channel: text('channel').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    html: text('html'),
    version: versionColumn(),
    updatedAt: at('updated_at').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [primaryKey({ columns: [t.event, t.channel] })],
);

/** An administrator's recipient rule for an event (who is told, and whether at all). */
export const notificationRules = pgTable('notification_rules', {
  event: text('event').primaryKey(),
  enabled: boolean('enabled').notNull(),
  parties: text('parties').array().notNull(),
  version: versionColumn(),
  updatedAt: at('updated_at').notNull(),
});

/** One person's choice for one event; events without a row follow the shipped defaults. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: parentColumn('user_id', () => users.id),
    event: text('event').notNull(),
    inApp: boolean('in_app').notNull(),
    email: boolean('email').notNull(),
    /** immediate or digest (one mail a day) */
    mode: text('mode').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.event] })],
);

/** Per person: the secret of their digest's unsubscribe link. */
export const notificationSubscribers = pgTable('notification_subscribers', {
  userId: extensionKeyColumn('user_id', () => users.id),
  unsubscribeToken: text('unsubscribe_token').notNull().unique(),
  digestLastSentAt: at('digest_last_sent_at'),
});

/** Who is on call for a group, when a group names someone. */
export const notificationOnCall = pgTable('notification_on_call', {
  groupId: extensionKeyColumn('group_id', () => groups.id),
  userId: parentColumn('user_id', () => users.id),
});

export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: idColumn(),
  url: text('url').notNull(),
  description: text('description').notNull().default(''),
  events: text('events').array().notNull(),
  secret: text('secret').notNull(),
  active: boolean('active').notNull().default(true),
  /** Failed attempts in a row; reset by any success. */
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  disabledAt: at('disabled_at'),
  disabledReason: text('disabled_reason'),
  version: versionColumn(),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: idColumn(),
    endpointId: parentColumn('endpoint_id', () => webhookEndpoints.id),
    /** The event's own id: the same for every endpoint and every redelivery. */
    eventId: uuid('event_id').notNull(),
    event: text('event').notNull(),
    /** The exact JSON body sent (and signed). */
    body: text('body').notNull(),
    /** pending, retrying, delivering, succeeded, failed */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    nextAttemptAt: at('next_attempt_at'),
    createdAt: at('created_at').notNull(),
    deliveredAt: at('delivered_at'),
  },
  (t) => [index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt, t.id)],
);
