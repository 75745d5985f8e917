/**
 * The public status page: which services it shows, their manual overrides, the updates the
 * service desk writes, the status periods recorded for uptime and history, and e-mail
 * subscriptions (double opt-in).
 */
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  createdAtColumn,
  extensionKeyColumn,
  idColumn,
  parentColumn,
  versionedColumns,
} from '../../db/columns.ts';
import { users } from '../auth/schema.ts';
import { cis } from '../cmdb/schema.ts';
import { records } from '../records/schema.ts';

export const statusPageServices = pgTable('status_page_services', {
  serviceId: extensionKeyColumn('service_id', () => cis.id),
  /** The name the public sees (defaults to the service's name). */
  displayName: text('display_name').notNull(),
  description: text('description').notNull().default(''),
  position: integer('position').notNull().default(0),
  /** A status set by hand, above what is derived; null when none. */
  overrideStatus: text('override_status'),
  overrideNote: text('override_note'),
  overrideBy: uuid('override_by').references(() => users.id, { onDelete: 'set null' }),
  overrideAt: timestamp('override_at', { withTimezone: true }),
  ...versionedColumns(),
});

export const statusUpdates = pgTable(
  'status_updates',
  {
    id: idColumn(),
    /** The incident (usually a major one) the update is about, or null for a notice of its own. */
    recordId: uuid('record_id').references(() => records.id, { onDelete: 'cascade' }),
    /** The services the update concerns (ids of published services). */
    serviceIds: uuid('service_ids').array().notNull().default(sql`'{}'::uuid[]`),
    title: text('title').notNull(),
    /** investigating | identified | monitoring | resolved | maintenance | notice */
    phase: text('phase').notNull(),
    message: text('message').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('status_updates_at_idx').on(t.at), index('status_updates_record_idx').on(t.recordId, t.at)],
);

export const statusPeriods = pgTable(
  'status_periods',
  {
    id: idColumn(),
    serviceId: parentColumn('service_id', () => cis.id),
    status: text('status').notNull(),
    /** What the status came from: numbers and titles of incidents, change items, the override note. */
    cause: text('cause').notNull().default(''),
    /** Records behind the status (major incidents), for the history's updates. */
    recordIds: uuid('record_ids').array().notNull().default(sql`'{}'::uuid[]`),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [
    // One open period per service, whichever instance records it.
    uniqueIndex('status_periods_open_idx').on(t.serviceId).where(sql`ended_at is null`),
    index('status_periods_service_idx').on(t.serviceId, t.startedAt),
  ],
);

export const statusSubscriptions = pgTable(
  'status_subscriptions',
  {
    id: idColumn(),
    email: text('email').notNull(),
    /** The service whose updates are wanted; null for every published service. */
    serviceId: uuid('service_id').references(() => cis.id, { onDelete: 'cascade' }),
    /** Secret of the confirmation link, as a SHA-256 hash (the link goes out once, by mail). */
    confirmTokenHash: text('confirm_token_hash').notNull(),
    /** Secret of the unsubscribe link every mail carries; it can only end this subscription. */
    unsubscribeToken: text('unsubscribe_token').notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('status_subscriptions_confirm_idx').on(t.confirmTokenHash),
    uniqueIndex('status_subscriptions_unsubscribe_idx').on(t.unsubscribeToken),
    index('status_subscriptions_service_idx').on(t.serviceId),
    uniqueIndex('status_subscriptions_email_service_idx').on(
      sql`lower(${t.email})`,
      sql`coalesce(${t.serviceId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
);
