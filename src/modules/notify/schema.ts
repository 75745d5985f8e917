/**
 * The notification outbox: messages for people, one row per message for one person, shown in the
 * app and delivered later by mail. Rows are written in the transaction of what caused them.
 */
import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../../db/columns.ts';
import { users } from '../auth/schema.ts';
import { records } from '../records/schema.ts';

export const notifications = pgTable(
  'notifications',
  {
    id: idColumn(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    recordId: uuid('record_id').references(() => records.id, { onDelete: 'cascade' }),
    /** e.g. escalation.warning, escalation.breach */
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_recipient_idx').on(t.recipientId, t.createdAt, t.id),
    index('notifications_unread_idx').on(t.recipientId, t.createdAt).where(sql`${t.readAt} is null`),
  ],
);
