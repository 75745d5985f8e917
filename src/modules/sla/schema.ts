/**
 * Service level management: business calendars, service level requirements and the agreements
 * made from them. SLAs (with customers), OLAs (with internal support groups) and underpinning
 * contracts (with suppliers) share one table: they have the same shape of terms and the same
 * clocks, and differ only in the party they bind.
 */
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { auditColumns, idColumn, parentColumn, referenceColumn, versionedColumns } from '../../db/columns.ts';
import type { PriorityTarget } from '../../domain/sla/agreement.ts';
import type { Holiday, WeeklyInterval } from '../../domain/sla/calendar.ts';
import { groups, users } from '../auth/schema.ts';
import { services } from '../catalog/schema.ts';
import { organisations } from '../organisations/schema.ts';

export const businessCalendars = pgTable(
  'business_calendars',
  {
    id: idColumn(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    timeZone: text('time_zone').notNull(),
    intervals: jsonb('intervals').$type<WeeklyInterval[]>().notNull(),
    holidays: jsonb('holidays').$type<Holiday[]>().notNull().default([]),
    ...versionedColumns(),
  },
  (t) => [uniqueIndex('business_calendars_name_lower_idx').on(sql`lower(${t.name})`)],
);

export const serviceLevelRequirements = pgTable(
  'service_level_requirements',
  {
    id: idColumn(),
    serviceId: parentColumn('service_id', () => services.ciId),
    customerId: uuid('customer_id').references(() => organisations.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    /** draft | in_review | agreed */
    status: text('status').notNull().default('draft'),
    /** The support hours the customer requires. */
    calendarId: referenceColumn('calendar_id', () => businessCalendars.id, 'restrict'),
    availabilityTarget: numeric('availability_target', { precision: 6, scale: 3, mode: 'number' }),
    targets: jsonb('targets').$type<PriorityTarget[]>().notNull(),
    obligations: text('obligations').notNull().default(''),
    ...auditColumns(() => users.id, 'set null'),
  },
  (t) => [index('slr_service_idx').on(t.serviceId, t.createdAt)],
);

export const agreements = pgTable(
  'agreements',
  {
    id: idColumn(),
    /** The id of the first version; all versions of one agreement share it. */
    lineageId: uuid('lineage_id').notNull(),
    versionNumber: integer('version_number').notNull().default(1),
    /** sla | ola | uc */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** draft | agreed */
    status: text('status').notNull().default('draft'),
    serviceId: uuid('service_id').references(() => services.ciId, { onDelete: 'restrict' }),
    customerId: uuid('customer_id').references(() => organisations.id, { onDelete: 'restrict' }),
    groupId: uuid('group_id').references(() => groups.id, { onDelete: 'restrict' }),
    supplierId: uuid('supplier_id').references(() => organisations.id, { onDelete: 'restrict' }),
    requirementId: uuid('requirement_id').references(() => serviceLevelRequirements.id, {
      onDelete: 'set null',
    }),
    calendarId: referenceColumn('calendar_id', () => businessCalendars.id, 'restrict'),
    targets: jsonb('targets').$type<PriorityTarget[]>().notNull(),
    warningThresholds: integer('warning_thresholds').array().notNull(),
    recordTypes: text('record_types').array(),
    priorities: integer('priorities').array(),
    availabilityTarget: numeric('availability_target', { precision: 6, scale: 3, mode: 'number' }),
    obligations: text('obligations').notNull().default(''),
    /** OLA only: restart | continue — what the clock does when the record moves to this group. */
    onReassign: text('on_reassign').notNull().default('restart'),
    effectiveFrom: timestamp('effective_from', { withTimezone: true }).notNull(),
    effectiveTo: timestamp('effective_to', { withTimezone: true }),
    agreedBy: uuid('agreed_by').references(() => users.id, { onDelete: 'set null' }),
    agreedAt: timestamp('agreed_at', { withTimezone: true }),
    /** Its `version` is for optimistic concurrency (ETag), not the agreement's version number. */
    ...auditColumns(() => users.id, 'set null'),
  },
  (t) => [
    uniqueIndex('agreements_lineage_version_idx').on(t.lineageId, t.versionNumber),
    index('agreements_kind_status_idx').on(t.kind, t.status),
    index('agreements_service_idx').on(t.serviceId),
    index('agreements_group_idx').on(t.groupId),
    index('agreements_supplier_idx').on(t.supplierId),
    index('agreements_name_idx').on(t.name, t.id),
  ],
);
