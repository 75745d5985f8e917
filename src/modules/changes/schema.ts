/**
 * Tables of change management. Changes themselves are rows of the records core (type `change`);
 * `change_details` holds what only a change has (type, template, risk, plans, schedule, outcome,
 * post-implementation review, conflict override). `change_templates` are the pre-approved
 * standard changes; `cab_boards` the change advisory boards; `change_cab_reviews` one
 * authorisation round of a change by a board (its members and rule frozen when it starts) and
 * `change_cab_votes` the members' votes, comments and the change manager's veto.
 */
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  auditColumns,
  extensionKeyColumn,
  idColumn,
  parentColumn,
  referenceColumn,
} from '../../db/columns.ts';
import { groups, users } from '../auth/schema.ts';
import { records } from '../records/schema.ts';

export const changeTemplates = pgTable('change_templates', {
  id: idColumn(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  category: text('category'),
  implementationPlan: text('implementation_plan').notNull(),
  backoutPlan: text('backout_plan').notNull(),
  testPlan: text('test_plan').notNull().default(''),
  riskLevel: text('risk_level').notNull().default('low'),
  durationMinutes: integer('duration_minutes').notNull().default(60),
  groupId: uuid('group_id').references(() => groups.id),
  serviceId: uuid('service_id'),
  active: boolean('active').notNull().default(true),
  ...auditColumns(() => users.id),
});

export const cabBoards = pgTable('cab_boards', {
  id: idColumn(),
  name: text('name').notNull(),
  /** normal or emergency: the default board of a normal or an emergency change. */
  kind: text('kind').$type<'normal' | 'emergency'>().notNull(),
  /** all, any or quorum: the request approval engine's rules. */
  rule: text('rule').$type<'all' | 'any' | 'quorum'>().notNull(),
  quorum: integer('quorum'),
  memberIds: uuid('member_ids').array().notNull(),
  meets: text('meets').notNull().default(''),
  active: boolean('active').notNull().default(true),
  ...auditColumns(() => users.id),
});

export const changeDetails = pgTable(
  'change_details',
  {
    recordId: extensionKeyColumn('record_id', () => records.id),
    changeType: text('change_type').$type<'standard' | 'normal' | 'emergency'>().notNull(),
    templateId: uuid('template_id').references(() => changeTemplates.id),
    riskAnswers: jsonb('risk_answers').$type<Record<string, string>>(),
    riskScore: integer('risk_score'),
    riskLevel: text('risk_level').$type<'low' | 'medium' | 'high'>(),
    plannedStart: timestamp('planned_start', { withTimezone: true }),
    plannedEnd: timestamp('planned_end', { withTimezone: true }),
    actualStart: timestamp('actual_start', { withTimezone: true }),
    actualEnd: timestamp('actual_end', { withTimezone: true }),
    implementationPlan: text('implementation_plan'),
    backoutPlan: text('backout_plan'),
    testPlan: text('test_plan'),
    cabId: uuid('cab_id').references(() => cabBoards.id),
    outcome: text('outcome').$type<'successful' | 'failed' | 'backed_out'>(),
    pirLessons: text('pir_lessons'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    conflictOverrideReason: text('conflict_override_reason'),
    /** The conflicts the override covers (their signature); other conflicts need a new override. */
    conflictOverrideKey: text('conflict_override_key'),
    conflictOverrideBy: uuid('conflict_override_by').references(() => users.id),
    conflictOverrideAt: timestamp('conflict_override_at', { withTimezone: true }),
  },
  (t) => [index('change_details_planned_idx').on(t.plannedStart, t.plannedEnd)],
);

export const changeCabReviews = pgTable(
  'change_cab_reviews',
  {
    id: idColumn(),
    recordId: parentColumn('record_id', () => records.id),
    boardId: referenceColumn('board_id', () => cabBoards.id),
    rule: text('rule').$type<'all' | 'any' | 'quorum'>().notNull(),
    quorum: integer('quorum'),
    memberIds: uuid('member_ids').array().notNull(),
    state: text('state').$type<'active' | 'approved' | 'rejected' | 'vetoed' | 'canceled'>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('change_cab_reviews_record_idx').on(t.recordId, t.startedAt),
    index('change_cab_reviews_board_idx').on(t.boardId, t.state),
  ],
);

export const changeCabVotes = pgTable(
  'change_cab_votes',
  {
    id: idColumn(),
    reviewId: parentColumn('review_id', () => changeCabReviews.id),
    userId: referenceColumn('user_id', () => users.id),
    decision: text('decision').$type<'approve' | 'reject' | 'comment' | 'veto'>().notNull(),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('change_cab_votes_review_idx').on(t.reviewId, t.at)],
);
