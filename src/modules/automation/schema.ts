/** Automation rules and the audit trail of every run. */
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { auditColumns, idColumn, parentColumn, serialIdColumn } from '../../db/columns.ts';
import type { Condition, RuleAction } from '../../domain/automation/rules.ts';
import { users } from '../auth/schema.ts';

export const automationRules = pgTable(
  'automation_rules',
  {
    id: idColumn(),
    name: text('name').notNull(),
    process: text('process').notNull(),
    event: text('event').notNull(),
    conditions: jsonb('conditions').$type<Condition[]>().notNull(),
    actions: jsonb('actions').$type<RuleAction[]>().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    position: integer('position').notNull().default(0),
    ...auditColumns(() => users.id, 'set null'),
  },
  (t) => [index('automation_rules_process_idx').on(t.process, t.event, t.position)],
);

/** Round-robin position per rule and group: who was assigned last. */
export const assignmentCursors = pgTable(
  'assignment_cursors',
  {
    ruleId: parentColumn('rule_id', () => automationRules.id),
    groupId: uuid('group_id').notNull(),
    lastUserId: uuid('last_user_id'),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.groupId] })],
);

export const automationRuns = pgTable(
  'automation_runs',
  {
    id: serialIdColumn(),
    ruleId: uuid('rule_id').notNull(),
    recordId: uuid('record_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    event: text('event').notNull(),
    /** applied | loop_stopped */
    outcome: text('outcome').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('automation_runs_rule_idx').on(t.ruleId, t.at),
    index('automation_runs_record_idx').on(t.recordId, t.at),
  ],
);
