/** Work time logged on records (time entries) and each person's running timer. */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import {
  auditColumns,
  extensionKeyColumn,
  idColumn,
  parentColumn,
  referenceColumn,
} from '../../db/columns.ts';
import { users } from '../auth/schema.ts';
import { records } from '../records/schema.ts';

export const timeEntries = pgTable(
  'time_entries',
  {
    id: idColumn(),
    recordId: parentColumn('record_id', () => records.id),
    /** Whose work it was. */
    userId: referenceColumn('user_id', () => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    minutes: integer('minutes').notNull(),
    billable: boolean('billable').notNull().default(false),
    note: text('note').notNull().default(''),
    /** manual | timer */
    source: text('source').notNull().default('manual'),
    ...auditColumns(() => users.id),
  },
  (t) => [
    index('time_entries_record_idx').on(t.recordId, t.startedAt),
    index('time_entries_user_idx').on(t.userId, t.startedAt),
    index('time_entries_started_idx').on(t.startedAt),
    check('time_entries_minutes_check', sql`${t.minutes} > 0 and ${t.minutes} <= 1440`),
  ],
);

/** At most one running timer per person: the key is the person. */
export const timeTimers = pgTable('time_timers', {
  userId: extensionKeyColumn('user_id', () => users.id),
  recordId: parentColumn('record_id', () => records.id),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  billable: boolean('billable').notNull().default(false),
  note: text('note').notNull().default(''),
});
