/**
 * Tables of service request fulfilment: the catalog items people order (with their form,
 * approval policy and task templates), and per request the answers, the approval levels and
 * votes, and the link from each fulfilment task to its request. Requests and tasks themselves
 * are rows of the records core (types `request` and `request_task`).
 */
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
import {
  auditColumns,
  extensionKeyColumn,
  idColumn,
  parentColumn,
  referenceColumn,
} from '../../db/columns.ts';
import type { ApprovalPolicy } from '../../domain/requests/approval.ts';
import type { Answers, FormField } from '../../domain/requests/form.ts';
import { users } from '../auth/schema.ts';
import { cis } from '../cmdb/schema.ts';
import { records } from '../records/schema.ts';

export type TaskTemplate = {
  title: string;
  description?: string | undefined;
  groupId: string;
  /** Tasks with the same order run in parallel; a higher order starts when all lower ones are done. */
  order: number;
};

export const catalogItems = pgTable(
  'catalog_items',
  {
    id: idColumn(),
    /** The service CI the item is offered under. */
    serviceId: referenceColumn('service_id', () => cis.id),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    category: text('category'),
    active: boolean('active').notNull().default(true),
    form: jsonb('form').$type<FormField[]>().notNull().default([]),
    approvalPolicy: jsonb('approval_policy').$type<ApprovalPolicy | null>(),
    taskTemplates: jsonb('task_templates').$type<TaskTemplate[]>().notNull().default([]),
    ...auditColumns(() => users.id, 'set null'),
  },
  (t) => [
    index('catalog_items_active_name_idx').on(t.active, t.name),
    index('catalog_items_service_idx').on(t.serviceId),
  ],
);

/**
 * What was ordered. The item's form, policy and task templates are copied at order time so an
 * admin editing the item later does not change requests already under way.
 */
export const requestDetails = pgTable(
  'request_details',
  {
    recordId: extensionKeyColumn('record_id', () => records.id),
    catalogItemId: referenceColumn('catalog_item_id', () => catalogItems.id),
    answers: jsonb('answers').$type<Answers>().notNull(),
    form: jsonb('form').$type<FormField[]>().notNull(),
    taskTemplates: jsonb('task_templates').$type<TaskTemplate[]>().notNull(),
  },
  (t) => [index('request_details_item_idx').on(t.catalogItemId)],
);

export const APPROVAL_LEVEL_STATES = ['waiting', 'active', 'approved', 'rejected', 'canceled'] as const;
export type ApprovalLevelState = (typeof APPROVAL_LEVEL_STATES)[number];

/** One row per level of a request's policy, with the approvers resolved when it was ordered. */
export const requestApprovalLevels = pgTable(
  'request_approval_levels',
  {
    requestId: parentColumn('request_id', () => records.id),
    level: integer('level').notNull(),
    name: text('name').notNull(),
    rule: text('rule').notNull(),
    quorum: integer('quorum'),
    approverIds: uuid('approver_ids').array().notNull(),
    state: text('state').$type<ApprovalLevelState>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.level] }),
    index('request_approval_levels_approvers_idx').using('gin', t.approverIds),
  ],
);

/** One vote per approver and level: the key refuses a second vote. */
export const requestApprovalVotes = pgTable(
  'request_approval_votes',
  {
    requestId: parentColumn('request_id', () => records.id),
    level: integer('level').notNull(),
    userId: referenceColumn('user_id', () => users.id),
    decision: text('decision').$type<'approve' | 'reject'>().notNull(),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.level, t.userId] })],
);

/** A fulfilment task (a `request_task` record) and the request it belongs to. */
export const requestTasks = pgTable(
  'request_tasks',
  {
    recordId: extensionKeyColumn('record_id', () => records.id),
    requestId: parentColumn('request_id', () => records.id),
    sequence: integer('sequence').notNull(),
    templateIndex: integer('template_index').notNull(),
  },
  (t) => [index('request_tasks_request_idx').on(t.requestId, t.sequence)],
);
