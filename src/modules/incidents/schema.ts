/** Major incident management: the declaration, its coordinator, the communication log and the review. */
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { extensionKeyColumn, idColumn, parentColumn, referenceColumn } from '../../db/columns.ts';
import { users } from '../auth/schema.ts';
import { records } from '../records/schema.ts';

export type PostIncidentReview = {
  summary: string;
  rootCause: string;
  lessonsLearned: string;
  actions: { description: string; ownerId: string | null; dueDate: string | null }[];
};

export const majorIncidents = pgTable('major_incidents', {
  recordId: extensionKeyColumn('record_id', () => records.id),
  /** active | stood_down */
  status: text('status').notNull(),
  summary: text('summary').notNull(),
  coordinatorId: referenceColumn('coordinator_id', () => users.id),
  declaredBy: uuid('declared_by').references(() => users.id),
  declaredAt: timestamp('declared_at', { withTimezone: true }).notNull(),
  stoodDownAt: timestamp('stood_down_at', { withTimezone: true }),
  review: jsonb('review').$type<PostIncidentReview>(),
  reviewedBy: uuid('reviewed_by').references(() => users.id),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
});

export const majorIncidentComms = pgTable(
  'major_incident_comms',
  {
    id: idColumn(),
    recordId: parentColumn('record_id', () => records.id),
    /** internal (responders) | stakeholders (management, service owners) | public (all users) */
    audience: text('audience').notNull(),
    message: text('message').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('major_incident_comms_record_idx').on(t.recordId, t.at)],
);
