/**
 * Reporting's own tables: the working time each finished SLA clock measured (kept exact by the
 * record hook in the transaction that finishes or reopens the clock), and the dashboards people
 * arrange and share.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { auditColumns, extensionKeyColumn, idColumn, parentColumn } from '../../db/columns.ts';
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
    clockId: extensionKeyColumn('clock_id', () => slaClocks.id),
    recordId: parentColumn('record_id', () => records.id),
    workingSeconds: doublePrecision('working_seconds').notNull(),
    calendarSeconds: doublePrecision('calendar_seconds').notNull(),
    /**
     * The clock's kind, metric and stop and the record's type when the row was written: the
     * rollup triggers read a row's facts from the row alone, so a row removed after its clock
     * moved (or with its record) takes away exactly what it added.
     */
    kind: text('kind'),
    metric: text('metric'),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    type: text('type'),
    /** The record's service, kept like the type (and moved with it by a trigger on records). */
    serviceId: uuid('service_id'),
  },
  (t) => [index('report_clock_durations_record_idx').on(t.recordId)],
);

/**
 * Daily (and, for records raised, hourly) rollups of the KPI populations that depend on one row
 * of one table: per source, UTC bucket and dimension the number of facts (n), those with a
 * measure (nv), the measures' exact sum (sv) and those that kept their target (hits). Kept
 * exact by statement triggers on the source tables, which append signed rows to
 * `report_rollup_deltas` in the writing transaction; a reader adds the two tables up and folds
 * the deltas into the totals now and then (see rollups.ts and docs/reporting.md).
 */
const rollupColumns = () => ({
  source: text('source').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  type: text('type'),
  serviceId: uuid('service_id'),
  priority: integer('priority'),
  band: text('band'),
  n: bigint('n', { mode: 'number' }).notNull(),
  nv: bigint('nv', { mode: 'number' }).notNull(),
  sv: numeric('sv').notNull(),
  hits: bigint('hits', { mode: 'number' }).notNull(),
});

export const reportRollups = pgTable('report_rollups', rollupColumns(), (t) => [
  unique('report_rollups_key').on(t.source, t.at, t.type, t.serviceId, t.priority, t.band).nullsNotDistinct(),
]);

export const reportRollupDeltas = pgTable('report_rollup_deltas', rollupColumns(), (t) => [
  index('report_rollup_deltas_source_idx').on(t.source, t.at),
]);

/**
 * One row per resolved record: when, its dimensions, and whether it was resolved at first
 * contact (never reopened, never passed from one group to another). It depends on the record
 * and its history, so triggers on both recompute a record's row from the two tables after
 * locking the record (migration `report_first_contact`); the rollup of this table's own rows
 * (source `first_contact`) then follows like the others.
 */
export const reportResolutions = pgTable('report_resolutions', {
  recordId: extensionKeyColumn('record_id', () => records.id),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }).notNull(),
  type: text('type').notNull(),
  serviceId: uuid('service_id'),
  priority: integer('priority'),
  firstContact: boolean('first_contact').notNull(),
});

export type DashboardWidget = { kpi: string; chart: 'value' | 'trend' | 'bars' | 'stacked' | 'heatmap' };

export const dashboards = pgTable(
  'dashboards',
  {
    id: idColumn(),
    name: text('name').notNull(),
    /** The role dashboard it started from: service_manager, process_owner, executive, team_lead, agent. */
    role: text('role').notNull(),
    ownerId: parentColumn('owner_id', () => users.id),
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

export type ScheduleParams = {
  /** kpi_table: the KPI and the dimension it is cut by. */
  kpi?: string;
  by?: string;
  /** service_review: the service. */
  serviceId?: string;
  /** sla_compliance (and kpi_table): one customer only. */
  customerId?: string;
};

/** Reports mailed on a schedule to people and groups. */
export const reportSchedules = pgTable(
  'report_schedules',
  {
    id: idColumn(),
    name: text('name').notNull(),
    ownerId: parentColumn('owner_id', () => users.id),
    /** kpi_table | sla_compliance | service_review */
    report: text('report').notNull(),
    params: jsonb('params').$type<ScheduleParams>().notNull().default({}),
    /** pdf | csv | xlsx */
    format: text('format').notNull(),
    /** daily | weekly | monthly */
    frequency: text('frequency').notNull(),
    recipientUserIds: uuid('recipient_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    recipientGroupIds: uuid('recipient_group_ids').array().notNull().default(sql`'{}'::uuid[]`),
    active: boolean('active').notNull().default(true),
    nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
    ...auditColumns(() => users.id),
  },
  (t) => [index('report_schedules_due_idx').on(t.nextRunAt).where(sql`${t.active}`)],
);

/** One row per schedule and period: what was sent to whom, or why not. The key makes a run happen once. */
export const reportDeliveries = pgTable(
  'report_deliveries',
  {
    id: idColumn(),
    scheduleId: parentColumn('schedule_id', () => reportSchedules.id),
    periodFrom: timestamp('period_from', { withTimezone: true }).notNull(),
    periodTo: timestamp('period_to', { withTimezone: true }).notNull(),
    ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
    /** queued (handed to the mail outbox) | failed */
    status: text('status').notNull(),
    recipients: text('recipients').array().notNull(),
    mailId: uuid('mail_id'),
    filename: text('filename'),
    error: text('error'),
  },
  (t) => [
    uniqueIndex('report_deliveries_once_idx').on(t.scheduleId, t.periodFrom),
    index('report_deliveries_ran_idx').on(t.scheduleId, t.ranAt),
  ],
);
