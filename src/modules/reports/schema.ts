/**
 * Reporting's own tables: the working time each finished SLA clock measured (kept exact by the
 * record hook in the transaction that finishes or reopens the clock), and the dashboards people
 * arrange and share.
 */
import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { auditColumns, idColumn } from '../../db/columns.ts';
import { users } from '../auth/schema.ts';
import { records } from '../records/schema.ts';
import { slaClocks } from '../sla/clock-schema.ts';

/**
 * One row per met SLA/OLA/UC clock: the working seconds it measured (its calendar, its pauses)
 * and the calendar seconds from its start to its stop. A clock that runs again (the record was
 * reopened) loses its row until it is met again.
 */
export const reportClockDurations = pgTable(
  'report_clock_durations',
  {
    clockId: uuid('clock_id')
      .primaryKey()
      .references(() => slaClocks.id, { onDelete: 'cascade' }),
    recordId: uuid('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    workingSeconds: doublePrecision('working_seconds').notNull(),
    calendarSeconds: doublePrecision('calendar_seconds').notNull(),
  },
  (t) => [index('report_clock_durations_record_idx').on(t.recordId)],
);

export type DashboardWidget = { kpi: string; chart: 'value' | 'trend' | 'bars' | 'stacked' | 'heatmap' };

export const dashboards = pgTable(
  'dashboards',
  {
    id: idColumn(),
    name: text('name').notNull(),
    /** The role dashboard it started from: service_manager, process_owner, executive, team_lead, agent. */
    role: text('role').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Shared dashboards are visible to every internal user; only the owner changes them. */
    shared: boolean('shared').notNull().default(false),
    widgets: jsonb('widgets').$type<DashboardWidget[]>().notNull(),
    ...auditColumns(() => users.id),
  },
  (t) => [
    index('dashboards_owner_idx').on(t.ownerId, t.name),
    index('dashboards_shared_idx').on(t.name).where(sql`${t.shared}`),
  ],
);
