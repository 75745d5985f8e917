/**
 * Tables of the change schedule. `change_windows` holds maintenance windows (of a CI or a
 * service) and freeze windows (global or of a service), one-off or recurring: the first occurrence
 * is `starts_at`..`ends_at`, and `rrule` repeats it in `time_zone`. `active_until` is when the last
 * occurrence ends (null: the series never ends), so a range query reads only windows that can
 * have occurrences in it. `calendar_feed_tokens` holds each person's secret for the iCalendar feed,
 * as a hash; revoking deletes the row.
 */
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { auditColumns, createdAtColumn, extensionKeyColumn, idColumn } from '../../db/columns.ts';
import { users } from '../auth/schema.ts';
import { cis } from '../cmdb/schema.ts';

export const changeWindows = pgTable(
  'change_windows',
  {
    id: idColumn(),
    /** maintenance or freeze. */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    ciId: uuid('ci_id').references(() => cis.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id').references(() => cis.id, { onDelete: 'cascade' }),
    timeZone: text('time_zone').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    rrule: text('rrule'),
    activeUntil: timestamp('active_until', { withTimezone: true }),
    ...auditColumns(() => users.id),
  },
  (t) => [
    index('change_windows_kind_idx').on(t.kind, t.startsAt),
    index('change_windows_ci_idx').on(t.ciId),
    index('change_windows_service_idx').on(t.serviceId),
  ],
);

export const calendarFeedTokens = pgTable('calendar_feed_tokens', {
  userId: extensionKeyColumn('user_id', () => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: createdAtColumn(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
});
