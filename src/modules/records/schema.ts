/**
 * The shared base of all work records (incident, request, problem, change): one row per record
 * with the fields every process has, plus comments, attachments, watchers, links and field history.
 * Process modules add their own detail tables keyed by record id.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { auditColumns, createdAtColumn, createdByColumn, idColumn } from '../../db/columns.ts';
import { bytea, tsvector } from '../../db/types.ts';
import { groups, users } from '../auth/schema.ts';
import { cis } from '../cmdb/schema.ts';

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
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => users.id),
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
    search: tsvector('search').generatedAlwaysAs(
      sql`to_tsvector('simple', coalesce(number, '') || ' ' || coalesce(title, '') || ' ' || coalesce(description, ''))`,
    ),
  },
  (t) => [
    uniqueIndex('records_number_idx').on(t.number),
    index('records_type_created_idx').on(t.type, t.createdAt, t.id),
    index('records_type_updated_idx').on(t.type, t.updatedAt, t.id),
    index('records_type_priority_idx').on(t.type, t.priority, t.id),
    index('records_type_state_idx').on(t.type, t.state),
    index('records_requester_idx').on(t.requesterId),
    index('records_assignee_idx').on(t.assigneeId),
    index('records_group_idx').on(t.groupId),
    index('records_parent_idx').on(t.parentId),
    index('records_service_idx').on(t.serviceId),
    // Queues sorted by urgency: records without a running clock sort last.
    index('records_type_sla_due_idx').on(t.type, sql`coalesce(${t.slaDueAt}, 'infinity'::timestamptz)`, t.id),
    index('records_search_idx').using('gin', t.search),
  ],
);

export const recordHistory = pgTable(
  'record_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id').references(() => users.id),
    field: text('field').notNull(),
    oldValue: text('old_value'),
    newValue: text('new_value'),
  },
  (t) => [index('record_history_record_idx').on(t.recordId, t.id)],
);

export const recordComments = pgTable(
  'record_comments',
  {
    id: idColumn(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id),
    body: text('body').notNull(),
    visibility: text('visibility').notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index('record_comments_record_idx').on(t.recordId, t.createdAt)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: idColumn(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
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
  attachmentId: uuid('attachment_id')
    .primaryKey()
    .references(() => attachments.id, { onDelete: 'cascade' }),
  data: bytea('data').notNull(),
});

export const recordWatchers = pgTable(
  'record_watchers',
  {
    recordId: uuid('record_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.userId] }), index('record_watchers_user_idx').on(t.userId)],
);

export const recordLinks = pgTable(
  'record_links',
  {
    id: idColumn(),
    fromId: uuid('from_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    toId: uuid('to_id')
      .notNull()
      .references(() => records.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    createdBy: createdByColumn(() => users.id),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex('record_links_unique_idx').on(t.fromId, t.toId, t.kind),
    index('record_links_to_idx').on(t.toId),
  ],
);
