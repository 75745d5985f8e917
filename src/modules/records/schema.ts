/**
 * The shared base of all work records (incident, request, problem, change): one row per record
 * with the fields every process has, plus comments, attachments, watchers, links and field history.
 * Process modules add their own detail tables keyed by record id.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  auditColumns,
  createdAtColumn,
  createdByColumn,
  extensionKeyColumn,
  fieldChangeColumns,
  idColumn,
  parentColumn,
  referenceColumn,
  serialIdColumn,
} from '../../db/columns.ts';
import { bytea, tsvector } from '../../db/types.ts';
import { groups, users } from '../auth/schema.ts';
import { cis } from '../cmdb/schema.ts';

/**
 * Records not in a final state of the shipped lifecycles (resolved, closed, canceled, cancelled,
 * fulfilled, rejected, done, review). A custom lifecycle's own final states are merely indexed as well.
 */
export const FINAL_STATES = [
  'resolved',
  'closed',
  'canceled',
  'cancelled',
  'fulfilled',
  'rejected',
  'done',
  'review',
];
export const OPEN_WORK_PREDICATE = sql.raw(`state not in (${FINAL_STATES.map((s) => `'${s}'`).join(', ')})`);

export const records = pgTable(
  'records',
  {
    id: idColumn(),
    type: text('type').notNull(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    state: text('state').notNull(),
    impact: integer('impact').notNull().default(3),
    urgency: integer('urgency').notNull().default(3),
    priority: integer('priority').notNull().default(5),
    category: text('category'),
    subcategory: text('subcategory'),
    channel: text('channel').notNull().default('portal'),
    requesterId: referenceColumn('requester_id', () => users.id),
    assigneeId: uuid('assignee_id').references(() => users.id),
    groupId: uuid('group_id').references(() => groups.id),
    serviceId: uuid('service_id').references(() => cis.id, { onDelete: 'set null' }),
    resolutionCode: text('resolution_code'),
    resolutionNotes: text('resolution_notes'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    reopenCount: integer('reopen_count').notNull().default(0),
    /** Parent record (a major incident's children, a request's tasks). */
    parentId: uuid('parent_id').references((): AnyPgColumn => records.id, { onDelete: 'set null' }),
    /** The earliest due instant of the record's running SLA clocks, kept by the SLA module for queues. */
    slaDueAt: timestamp('sla_due_at', { withTimezone: true }),
    ...auditColumns(() => users.id),
    // Words of the title weigh more than those of the description; English stemming.
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B')`,
    ),
  },
  (t) => [
    uniqueIndex('records_number_idx').on(t.number),
    index('records_type_created_idx').on(t.type, t.createdAt, t.id),
    index('records_type_updated_idx').on(t.type, t.updatedAt, t.id),
    // Priority lists order by priority, then the earliest due instant (see query.ts).
    index('records_type_priority_due_idx').on(
      t.type,
      t.priority,
      sql`coalesce(${t.slaDueAt}, 'infinity'::timestamptz)`,
      t.id,
    ),
    index('records_type_state_idx').on(t.type, t.state),
    index('records_assignee_idx').on(t.assigneeId),
    index('records_group_idx').on(t.groupId),
    index('records_parent_idx').on(t.parentId),
    index('records_service_idx').on(t.serviceId),
    // Queues sorted by urgency: records without a running clock sort last.
    index('records_type_sla_due_idx').on(t.type, sql`coalesce(${t.slaDueAt}, 'infinity'::timestamptz)`, t.id),
    index('records_search_idx').using('gin', t.search),
    // Queues of open work. Records in a final state of the shipped lifecycles (most of a long
    // history) are left out, so these stay small; see OPEN_WORK in query.ts, which repeats the predicate.
    // INCLUDE columns for index-only badge counts: written by hand in migration `open_work_queues`.
    index('records_open_group_priority_idx')
      .on(t.type, t.groupId, t.priority, sql`coalesce(${t.slaDueAt}, 'infinity'::timestamptz)`, t.id)
      .where(OPEN_WORK_PREDICATE),
    // INCLUDE columns for index-only badge counts: written by hand in migration `open_work_queues`.
    index('records_open_assignee_priority_idx')
      .on(t.type, t.assigneeId, t.priority, sql`coalesce(${t.slaDueAt}, 'infinity'::timestamptz)`, t.id)
      .where(OPEN_WORK_PREDICATE),
    index('records_open_priority_idx')
      .on(t.type, t.priority, sql`coalesce(${t.slaDueAt}, 'infinity'::timestamptz)`, t.id)
      .where(OPEN_WORK_PREDICATE),
    // INCLUDE columns for index-only badge counts: written by hand in migration `open_work_queues`.
    index('records_open_sla_due_idx')
      .on(t.type, sql`coalesce(${t.slaDueAt}, 'infinity'::timestamptz)`, t.id)
      .where(OPEN_WORK_PREDICATE),
    // Unassigned open work by priority: `assignee_id is null` is no equality to the planner, so the
    // assignee index above would be read in full and sorted; this one is read in order.
    // INCLUDE columns for index-only badge counts: written by hand in migration `open_work_queues`.
    index('records_open_unassigned_priority_idx')
      .on(t.type, t.priority, sql`coalesce(${t.slaDueAt}, 'infinity'::timestamptz)`, t.id)
      .where(sql`${OPEN_WORK_PREDICATE} and ${t.assigneeId} is null`),
    // A group's open work by every other sort the queues offer, each read in order.
    index('records_open_group_sla_due_idx')
      .on(t.type, t.groupId, sql`coalesce(${t.slaDueAt}, 'infinity'::timestamptz)`, t.id)
      .where(OPEN_WORK_PREDICATE),
    index('records_open_group_created_idx')
      .on(t.type, t.groupId, t.createdAt, t.id)
      .where(OPEN_WORK_PREDICATE),
    index('records_open_group_updated_idx')
      .on(t.type, t.groupId, t.updatedAt, t.id)
      .where(OPEN_WORK_PREDICATE),
    index('records_open_group_number_idx').on(t.type, t.groupId, t.number, t.id).where(OPEN_WORK_PREDICATE),
    // A requester's records, newest first (and their foreign key to users). It also carries state
    // and priority (INCLUDE, written by hand in migration `open_work_queues`), so a requester's
    // counts read this index alone.
    index('records_requester_created_idx').on(t.requesterId, t.type, t.createdAt, t.id),
    // Reporting: records resolved in a period, and the backlog at an instant (open until then:
    // neither resolved nor closed before it, as `coalesce(least(resolved_at, closed_at), 'infinity')`).
    index('records_type_resolved_idx').on(t.type, t.resolvedAt),
    index('records_type_open_until_idx').on(
      t.type,
      sql`coalesce(least(${t.resolvedAt}, ${t.closedAt}), 'infinity'::timestamptz)`,
    ),
    // The newest matches of a common search word, across types.
    index('records_updated_idx').on(t.updatedAt),
  ],
);

/**
 * Exact totals of records by type, state and priority, kept by triggers on `records` in the
 * writing transaction: each change appends signed deltas, and a reader folds them into the totals
 * now and then (see counts.ts). Appending instead of updating one row per total keeps concurrent
 * creates from queueing on the same counter row.
 */
export const recordCounts = pgTable(
  'record_counts',
  {
    type: text('type').notNull(),
    state: text('state').notNull(),
    priority: integer('priority').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.type, t.state, t.priority] })],
);

export const recordCountDeltas = pgTable('record_count_deltas', {
  type: text('type').notNull(),
  state: text('state').notNull(),
  priority: integer('priority').notNull(),
  n: integer('n').notNull(),
});

/**
 * The words of record titles and descriptions (as stemmed lexemes), kept by a trigger, with a
 * trigram index (created by hand, after the pg_trgm extension): a misspelt word is looked up here and searched as the words it resembles.
 */
export const recordSearchWords = pgTable('record_search_words', { word: text('word').primaryKey() });

export const recordHistory = pgTable(
  'record_history',
  {
    id: serialIdColumn(),
    recordId: parentColumn('record_id', () => records.id),
    ...fieldChangeColumns(() => users.id),
  },
  (t) => [
    index('record_history_record_idx').on(t.recordId, t.id),
    // Reporting (first-contact resolution): the records ever passed from one group to another.
    index('record_history_regrouped_idx')
      .on(t.recordId)
      .where(sql`${t.field} = 'groupId' and ${t.oldValue} is not null`),
  ],
);

export const recordComments = pgTable(
  'record_comments',
  {
    id: idColumn(),
    recordId: parentColumn('record_id', () => records.id),
    authorId: uuid('author_id').references(() => users.id),
    body: text('body').notNull(),
    visibility: text('visibility').notNull(),
    createdAt: createdAtColumn(),
    search: tsvector('search').generatedAlwaysAs(sql`to_tsvector('english', body)`),
  },
  (t) => [
    index('record_comments_record_idx').on(t.recordId, t.createdAt),
    index('record_comments_search_idx').using('gin', t.search),
    index('record_comments_created_idx').on(t.createdAt),
    // What a requester may search: the public comments only.
    index('record_comments_public_search_idx').using('gin', t.search).where(sql`visibility = 'public'`),
  ],
);

export const attachments = pgTable(
  'attachments',
  {
    id: idColumn(),
    recordId: parentColumn('record_id', () => records.id),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [index('attachments_record_idx').on(t.recordId)],
);

/** Attachment bytes live in the database so every app instance can serve them. */
export const attachmentBlobs = pgTable('attachment_blobs', {
  attachmentId: extensionKeyColumn('attachment_id', () => attachments.id),
  data: bytea('data').notNull(),
});

export const recordWatchers = pgTable(
  'record_watchers',
  {
    recordId: parentColumn('record_id', () => records.id),
    userId: parentColumn('user_id', () => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.userId] }), index('record_watchers_user_idx').on(t.userId)],
);

export const recordLinks = pgTable(
  'record_links',
  {
    id: idColumn(),
    fromId: parentColumn('from_id', () => records.id),
    toId: parentColumn('to_id', () => records.id),
    kind: text('kind').notNull(),
    createdBy: createdByColumn(() => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('record_links_unique_idx').on(t.fromId, t.toId, t.kind),
    index('record_links_to_idx').on(t.toId),
  ],
);
