/**
 * Escalations applied to records (one row per SLA alert: the unique alert id is what makes an
 * escalation happen once, whichever worker or instance handles the alert, however often). The
 * messages escalations send live in the notify module's outbox.
 */
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
import { idColumn, parentColumn } from '../../db/columns.ts';
import { groups } from '../auth/schema.ts';
import { records } from '../records/schema.ts';
import { slaAlerts } from '../sla/clock-schema.ts';

export type EscalationDetails = {
  /** The functional step: what happened, or why it did not. */
  reassign: 'done' | 'not_asked' | 'no_group' | 'no_next_level' | 'not_with_group' | 'finished' | 'refused';
  /** Why the reassignment was refused, in words. */
  reason?: string;
  notifiedIds: string[];
};

export const escalations = pgTable(
  'escalations',
  {
    id: idColumn(),
    alertId: parentColumn('alert_id', () => slaAlerts.id),
    recordId: parentColumn('record_id', () => records.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    /** warning | breach */
    trigger: text('trigger').notNull(),
    threshold: integer('threshold').notNull(),
    /** sla | ola */
    clockKind: text('clock_kind').notNull(),
    /** response | resolution */
    metric: text('metric').notNull(),
    fromGroupId: uuid('from_group_id').references(() => groups.id, { onDelete: 'set null' }),
    toGroupId: uuid('to_group_id').references(() => groups.id, { onDelete: 'set null' }),
    /** False when no rule of the policy matched the alert. */
    matched: boolean('matched').notNull(),
    details: jsonb('details').$type<EscalationDetails>().notNull(),
  },
  (t) => [
    uniqueIndex('escalations_alert_idx').on(t.alertId),
    index('escalations_record_idx').on(t.recordId, t.at),
  ],
);
