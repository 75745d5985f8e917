/**
 * The mail outbox: every message Steward sends, kept with its delivery state and attempts, so a
 * message exists exactly when the write that caused it commits and an SMTP outage delays mail
 * without losing it. Sent messages stay as the delivery log (and their Message-IDs let replies
 * thread back to their records).
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn } from '../../db/columns.ts';

export type MailAttachment = { filename: string; contentType: string; contentBase64: string };

export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: idColumn(),
    /** What sent it: notification, digest, report, status-subscription, inbound-reply, … */
    purpose: text('purpose').notNull(),
    /** The record the message is about, when there is one (threading, the record's mail log). */
    recordId: uuid('record_id'),
    toAddresses: jsonb('to_addresses').$type<string[]>().notNull(),
    ccAddresses: jsonb('cc_addresses').$type<string[]>().notNull().default([]),
    fromAddress: text('from_address').notNull(),
    replyTo: text('reply_to'),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    /** The Message-ID header, with its angle brackets; unique. */
    messageId: text('message_id').notNull().unique(),
    inReplyTo: text('in_reply_to'),
    references: jsonb('references').$type<string[]>().notNull().default([]),
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
    /** queued (waiting for its next attempt), sending (claimed by a sender), sent, failed (gave up). */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
  },
  (t) => [
    index('mail_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'queued'`),
    index('mail_outbox_created_idx').on(t.createdAt, t.id),
    index('mail_outbox_record_idx').on(t.recordId, t.createdAt),
  ],
);
