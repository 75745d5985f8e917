/**
 * Tables of email in. `inbound_mail_addresses` are the addresses Steward receives mail at, each
 * with what a new mail to it opens and how it treats strangers. `inbound_messages` keeps every
 * message received, its raw source included, with the outcome of processing it, so an admin can
 * see why a mail landed where it did and process it again. `mail_address_status` holds the
 * addresses that bounced (notifications read it to stop mailing a failing address).
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { auditColumns, createdAtColumn, idColumn } from '../../db/columns.ts';
import { bytea } from '../../db/types.ts';
import { users } from '../auth/schema.ts';
import { cis } from '../cmdb/schema.ts';
import { records } from '../records/schema.ts';

export const inboundMailAddresses = pgTable(
  'inbound_mail_addresses',
  {
    id: idColumn(),
    /** Lower-case address, e.g. servicedesk@example.com; plus-addressed variants reach it too. */
    address: text('address').notNull(),
    name: text('name').notNull(),
    /** The record type a new mail opens (a key of the record-type list, e.g. incident). */
    recordType: text('record_type').notNull(),
    /** The service a new record is raised against (a business service CI), if any. */
    serviceId: uuid('service_id').references(() => cis.id, { onDelete: 'set null' }),
    /** create_requester or refuse. */
    unknownSenderPolicy: text('unknown_sender_policy').notNull(),
    /** add_watcher or new_record. */
    strangerReplyPolicy: text('stranger_reply_policy').notNull(),
    /** IMAP folder whose mails belong to this address when no recipient names it. */
    imapMailbox: text('imap_mailbox'),
    active: boolean('active').notNull().default(true),
    ...auditColumns(() => users.id),
  },
  (t) => [uniqueIndex('inbound_mail_addresses_address_idx').on(t.address)],
);

export const inboundMessages = pgTable(
  'inbound_messages',
  {
    id: idColumn(),
    /** smtp or imap (with the mailbox) or the re-processing that created it. */
    source: text('source').notNull(),
    /** The Message-ID as sent (angle brackets stripped), or a digest of the source when missing. */
    messageId: text('message_id').notNull(),
    fromAddress: text('from_address'),
    fromName: text('from_name'),
    toAddresses: jsonb('to_addresses').$type<string[]>().notNull().default([]),
    subject: text('subject').notNull().default(''),
    /** The SMTP envelope / IMAP folder facts the headers do not carry. */
    envelope: jsonb('envelope')
      .$type<{ mailFrom?: string | null; rcptTo?: string[]; mailbox?: string }>()
      .notNull()
      .default({}),
    raw: bytea('raw').notNull(),
    size: integer('size').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** received (not yet processed), commented, created, watcher_added, ignored, bounced, refused, failed. */
    status: text('status').notNull(),
    /** Why: a stable reason code (e.g. auto_reply, unknown_sender) and a sentence for people. */
    reason: text('reason'),
    detail: text('detail'),
    addressId: uuid('address_id').references(() => inboundMailAddresses.id, { onDelete: 'set null' }),
    recordId: uuid('record_id').references(() => records.id, { onDelete: 'set null' }),
    senderId: uuid('sender_id').references(() => users.id, { onDelete: 'set null' }),
    /** How the record was found: message_id, subject, plus_address, or new. */
    threadedBy: text('threaded_by'),
    /** The comment the message became, when it became one. */
    commentId: uuid('comment_id'),
    attempts: integer('attempts').notNull().default(0),
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('inbound_messages_message_id_idx').on(t.messageId),
    index('inbound_messages_received_idx').on(t.receivedAt, t.id),
    index('inbound_messages_record_idx').on(t.recordId),
    index('inbound_messages_pending_idx').on(t.receivedAt).where(sql`${t.status} = 'received'`),
  ],
);

export const mailAddressStatus = pgTable('mail_address_status', {
  /** Lower-case address. */
  address: text('address').primaryKey(),
  /** failing (a bounce said it cannot be delivered to). */
  status: text('status').notNull(),
  /** The DSN's status code and diagnostic, e.g. 5.1.1 user unknown. */
  reason: text('reason'),
  bounces: integer('bounces').notNull().default(1),
  lastBounceAt: timestamp('last_bounce_at', { withTimezone: true }).notNull(),
  createdAt: createdAtColumn(),
});
