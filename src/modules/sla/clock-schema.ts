/**
 * SLA clocks on records and what explains them: one row per clock (a metric of one agreement on
 * one record), the record's pauses, the timeline of clock events, the warnings and breaches
 * fired (exactly once each, by a unique key), and the suppliers engaged on a record.
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  createdAtColumn,
  idColumn,
  parentColumn,
  referenceColumn,
  serialIdColumn,
} from '../../db/columns.ts';
import { groups, users } from '../auth/schema.ts';
import { organisations } from '../organisations/schema.ts';
import { records } from '../records/schema.ts';
import { agreements, businessCalendars } from './schema.ts';

export const supplierEngagements = pgTable(
  'supplier_engagements',
  {
    id: idColumn(),
    recordId: parentColumn('record_id', () => records.id),
    supplierId: referenceColumn('supplier_id', () => organisations.id, 'restrict'),
    /** The supplier's own ticket reference. */
    reference: text('reference'),
    note: text('note').notNull().default(''),
    engagedAt: timestamp('engaged_at', { withTimezone: true }).notNull(),
    engagedBy: uuid('engaged_by').references(() => users.id, { onDelete: 'set null' }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    releasedBy: uuid('released_by').references(() => users.id, { onDelete: 'set null' }),
    releaseNote: text('release_note'),
  },
  (t) => [index('supplier_engagements_record_idx').on(t.recordId, t.engagedAt)],
);

export const slaClocks = pgTable(
  'sla_clocks',
  {
    id: idColumn(),
    recordId: parentColumn('record_id', () => records.id),
    agreementId: referenceColumn('agreement_id', () => agreements.id, 'restrict'),
    /** sla | ola | uc, copied from the agreement */
    kind: text('kind').notNull(),
    /** response | resolution */
    metric: text('metric').notNull(),
    /** OLA: the group the clock measures. */
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'set null' }),
    /** UC: the supplier engagement the clock measures. */
    engagementId: uuid('engagement_id').references(() => supplierEngagements.id, { onDelete: 'cascade' }),
    /** SLA: the customer the agreement was chosen for. */
    customerId: uuid('customer_id').references(() => organisations.id, { onDelete: 'set null' }),
    calendarId: referenceColumn('calendar_id', () => businessCalendars.id, 'restrict'),
    priority: integer('priority').notNull(),
    targetSeconds: integer('target_seconds').notNull(),
    targetVersion: integer('target_version').notNull().default(1),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    /** The instant the agreement had to be in force at when it was chosen. */
    selectedAt: timestamp('selected_at', { withTimezone: true }).notNull(),
    /** running | paused | met | stopped */
    state: text('state').notNull(),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    stopReason: text('stop_reason'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** When the sweep must next look at this clock: its earliest unfired threshold. */
    nextCheckAt: timestamp('next_check_at', { withTimezone: true }),
    createdAt: createdAtColumn(),
    /**
     * Copies of the record's type and service for reporting, so the clock rollups keep them and a
     * service's clocks are found without the record: set by a trigger when the clock is written
     * and again when the record changes either (migration `report_record_dims`).
     */
    recordType: text('record_type'),
    recordServiceId: uuid('record_service_id'),
  },
  (t) => [
    index('sla_clocks_record_idx').on(t.recordId),
    index('sla_clocks_next_check_idx').on(t.nextCheckAt).where(sql`${t.nextCheckAt} is not null`),
    index('sla_clocks_calendar_idx').on(t.calendarId),
    // The longest running target: bounds the due window of the at-risk queue.
    index('sla_clocks_running_target_idx').on(t.targetSeconds).where(sql`${t.state} = 'running'`),
    // A record's running clocks as the at-risk queue and badge check them: the index also carries
    // agreement, due instant, target and its version (INCLUDE, written by hand in migration
    // `at_risk_clocks`), so the check reads no clock row.
    index('sla_clocks_running_record_idx').on(t.recordId).where(sql`${t.state} = 'running'`),
    // Reporting (with the indexes of migration `reports`): breached met clocks newest first (breach
    // drill-downs, keyset pages) and open clocks by due instant, ordered like the drill-down.
    index('sla_clocks_met_breached_idx')
      .on(t.kind, t.stoppedAt, t.recordId)
      .where(sql`${t.state} = 'met' and ${t.dueAt} <= ${t.stoppedAt}`),
    index('sla_clocks_open_due_idx')
      .on(t.kind, t.dueAt, t.recordId)
      .where(sql`${t.state} in ('running', 'paused')`),
    // A service's met clocks by stop (the service review's compliance and breaches); the index also
    // carries due instant, agreement, metric and id (INCLUDE, written by hand in migration
    // `report_record_dims`), so those read no clock row.
    index('sla_clocks_service_met_idx').on(t.recordServiceId, t.stoppedAt).where(sql`${t.state} = 'met'`),
  ],
);

/** Stretches during which every clock of the record stands still. */
export const slaPauses = pgTable(
  'sla_pauses',
  {
    id: serialIdColumn(),
    recordId: parentColumn('record_id', () => records.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** paused_state (the record is in a paused state) | resolved (until reopened) */
    reason: text('reason').notNull(),
  },
  (t) => [index('sla_pauses_record_idx').on(t.recordId, t.startedAt)],
);

export const slaEvents = pgTable(
  'sla_events',
  {
    id: serialIdColumn(),
    recordId: parentColumn('record_id', () => records.id),
    /**
     * The clock the event is about, if one. Not a foreign key: an event goes with its record (the
     * cascade above), as its clocks do, and clocks are deleted only with their record. A key here
     * cost every create two checks, and a record's deletion a scan of all events for each of its
     * clocks (nothing indexes this column).
     */
    clockId: uuid('clock_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
    /** The person whose action caused the event; null when the system did (the sweep). */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** What caused it, in words: "State New → In progress", "Priority 3 → 1", "SLA sweep". */
    cause: text('cause').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('sla_events_record_idx').on(t.recordId, t.at, t.id)],
);

/**
 * Warnings and breaches fired. The unique key (clock, kind, threshold, target version) makes a
 * second firing impossible, whichever process or instance tries; a new target (priority change)
 * has its own thresholds.
 */
export const slaAlerts = pgTable(
  'sla_alerts',
  {
    id: idColumn(),
    clockId: parentColumn('clock_id', () => slaClocks.id),
    recordId: parentColumn('record_id', () => records.id),
    /** warning | breach */
    kind: text('kind').notNull(),
    threshold: integer('threshold').notNull(),
    targetVersion: integer('target_version').notNull(),
    /** When the threshold was reached. */
    reachedAt: timestamp('reached_at', { withTimezone: true }).notNull(),
    firedAt: timestamp('fired_at', { withTimezone: true }).notNull(),
    /** When the in-process subscribers were told; null until then. */
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('sla_alerts_once_idx').on(t.clockId, t.kind, t.threshold, t.targetVersion),
    index('sla_alerts_undelivered_idx').on(t.firedAt).where(sql`${t.deliveredAt} is null`),
    index('sla_alerts_record_idx').on(t.recordId),
  ],
);
