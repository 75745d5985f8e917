/**
 * Tables of problem management. Problems themselves are rows of the records core (type
 * `problem`); `problem_details` holds what only a problem has (its root-cause analysis, its
 * workaround, the reason it was closed without a change). `known_errors` is the known-error
 * database: one entry per problem, with the symptoms people recognise, the workaround and a
 * status, and a weighted full-text vector for search and suggestions.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { auditColumns, extensionKeyColumn, idColumn, parentColumn } from '../../db/columns.ts';
import { tsvector } from '../../db/types.ts';
import { users } from '../auth/schema.ts';
import { records } from '../records/schema.ts';

export const problemDetails = pgTable('problem_details', {
  recordId: extensionKeyColumn('record_id', () => records.id),
  rootCause: text('root_cause'),
  /** five_whys, ishikawa, fault_tree, kepner_tregoe, timeline or other. */
  rcaMethod: text('rca_method'),
  contributingFactors: jsonb('contributing_factors').$type<string[]>().notNull().default([]),
  workaround: text('workaround'),
  /** Raised from trends or monitoring rather than from incidents. */
  proactive: boolean('proactive').notNull().default(false),
  /** Why the problem was closed without a completed linked change. */
  closureReason: text('closure_reason'),
});

export const knownErrors = pgTable(
  'known_errors',
  {
    id: idColumn(),
    problemId: parentColumn('problem_id', () => records.id),
    title: text('title').notNull(),
    symptoms: text('symptoms').notNull(),
    workaround: text('workaround').notNull(),
    /** active (workaround in use), fixed (the problem's fix is in), retired (no longer relevant). */
    status: text('status').notNull().default('active'),
    ...auditColumns(() => users.id),
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(symptoms, '')), 'B') || setweight(to_tsvector('english', coalesce(workaround, '')), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex('known_errors_problem_idx').on(t.problemId),
    index('known_errors_status_idx').on(t.status),
    index('known_errors_search_idx').using('gin', t.search),
  ],
);
