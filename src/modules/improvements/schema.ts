/**
 * Tables of continual improvement. Proposals are rows of the records core (type `improvement`);
 * `improvement_details` holds what only a proposal has: its source, expected benefit, the
 * services and KPIs it concerns and the KPI values taken before it (the baseline).
 * `improvement_dismissals` remembers the suggested KPIs someone set aside, up to the month the
 * suggestion was judged on: a further red month suggests the KPI again.
 */
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ImprovementKpiFilter, MeasuredValue } from '../../contracts/improvements.ts';
import { extensionKeyColumn } from '../../db/columns.ts';
import { users } from '../auth/schema.ts';
import { records } from '../records/schema.ts';

export const improvementDetails = pgTable(
  'improvement_details',
  {
    recordId: extensionKeyColumn('record_id', () => records.id),
    /** kpi, service_review, problem, pir or person. */
    sourceKind: text('source_kind').notNull(),
    /** The KPI key, the problem's or change's number, or the reviewed service's id. */
    sourceRef: text('source_ref'),
    kpiFilter: jsonb('kpi_filter').$type<ImprovementKpiFilter>(),
    expectedBenefit: text('expected_benefit').notNull().default(''),
    serviceIds: jsonb('service_ids').$type<string[]>().notNull().default([]),
    kpiKeys: jsonb('kpi_keys').$type<string[]>().notNull().default([]),
    outcomeDays: integer('outcome_days').notNull().default(30),
    baselineAt: timestamp('baseline_at', { withTimezone: true }),
    baseline: jsonb('baseline').$type<Record<string, MeasuredValue>>().notNull().default({}),
  },
  (t) => [index('improvement_details_source_idx').on(t.sourceKind, t.sourceRef)],
);

export const improvementDismissals = pgTable(
  'improvement_dismissals',
  {
    kpiKey: text('kpi_key').notNull(),
    /** The service the suggestion was for; '' for all services. */
    scope: text('scope').notNull().default(''),
    /** The end of the last month the dismissed suggestion was judged on. */
    through: timestamp('through', { withTimezone: true }).notNull(),
    dismissedBy: uuid('dismissed_by').references(() => users.id),
    dismissedAt: timestamp('dismissed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kpiKey, t.scope] })],
);
