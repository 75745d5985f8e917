/**
 * Customer-satisfaction surveys: one per resolution of an incident or request, sent to the
 * requester. The link's token is stored only as its SHA-256 hash; the answer (a score of 1–5 and
 * an optional comment) is written once.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, parentColumn, referenceColumn } from '../../db/columns.ts';
import { users } from '../auth/schema.ts';
import { records } from '../records/schema.ts';

export const csatSurveys = pgTable(
  'csat_surveys',
  {
    id: idColumn(),
    recordId: parentColumn('record_id', () => records.id),
    requesterId: referenceColumn('requester_id', () => users.id),
    /** SHA-256 (hex) of the link's secret token; the token itself is only ever in the mail. */
    tokenHash: text('token_hash').notNull().unique(),
    /** The resolution the survey asks about (the instant the record reached a resolved state). */
    resolvedAt: timestamp('resolved_at', { withTimezone: true }).notNull(),
    createdAt: createdAtColumn(),
    /** After this instant the survey takes no answer (also set when the record is reopened). */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    score: integer('score'),
    comment: text('comment'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** link (the mail's link, no sign-in) | portal (signed in) */
    answeredVia: text('answered_via'),
    /**
     * Copies of the record's type and service for reporting's rollups: set by a trigger when the
     * survey is written and again when the record changes either (migration `report_record_dims`).
     */
    recordType: text('record_type'),
    recordServiceId: uuid('record_service_id'),
  },
  (t) => [
    index('csat_surveys_record_idx').on(t.recordId, t.createdAt),
    index('csat_surveys_requester_pending_idx')
      .on(t.requesterId, t.expiresAt)
      .where(sql`answered_at is null`),
    index('csat_surveys_answered_idx').on(t.answeredAt),
    index('csat_surveys_created_idx').on(t.createdAt),
    check('csat_surveys_score_range', sql`${t.score} is null or ${t.score} between 1 and 5`),
  ],
);
