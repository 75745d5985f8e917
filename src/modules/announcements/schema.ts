/** Announcements to requesters and staff, with their audience, window and per-person dismissals. */
import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { auditColumns, idColumn, parentColumn } from '../../db/columns.ts';
import { groups, users } from '../auth/schema.ts';
import { cis } from '../cmdb/schema.ts';

export const announcements = pgTable(
  'announcements',
  {
    id: idColumn(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** info | warning | critical */
    severity: text('severity').notNull(),
    /** everyone | service (the service's customers) | group (members of a group) */
    audience: text('audience').notNull(),
    serviceId: uuid('service_id').references(() => cis.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    ...auditColumns(() => users.id),
  },
  (t) => [index('announcements_window_idx').on(t.startsAt, t.endsAt)],
);

export const announcementDismissals = pgTable(
  'announcement_dismissals',
  {
    announcementId: parentColumn('announcement_id', () => announcements.id),
    userId: parentColumn('user_id', () => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.announcementId, t.userId] })],
);
