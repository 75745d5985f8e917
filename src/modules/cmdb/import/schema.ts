/**
 * Imports of CIs, relationships and assets: the uploaded file, progress while a job works through
 * it in batches, and the outcome of every row, so a client can show a progress bar and a report.
 */
import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAtColumn, createdByColumn, idColumn, parentColumn } from '../../../db/columns.ts';
import { users } from '../../auth/schema.ts';

export const imports = pgTable(
  'imports',
  {
    id: idColumn(),
    /** cis | relationships | assets */
    type: text('type').notNull(),
    /** csv | json */
    format: text('format').notNull(),
    filename: text('filename').notNull(),
    dryRun: boolean('dry_run').notNull().default(false),
    /** pending | running | completed | failed */
    status: text('status').notNull().default('pending'),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    /** Why a whole import failed (unreadable file); row problems live in import_rows. */
    failure: text('failure'),
    /** The file as uploaded, kept so any instance's worker can process (or resume) it. */
    content: text('content').notNull(),
    createdBy: createdByColumn(() => users.id, 'set null'),
    createdAt: createdAtColumn(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('imports_created_idx').on(t.createdAt, t.id)],
);

export const importRows = pgTable(
  'import_rows',
  {
    importId: parentColumn('import_id', () => imports.id),
    /** Line of the row in the file (CSV), or its 1-based position (JSON). */
    row: integer('row').notNull(),
    /** created | updated | unchanged | rejected */
    outcome: text('outcome').notNull(),
    targetId: uuid('target_id'),
    message: text('message'),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.row] }),
    index('import_rows_outcome_idx').on(t.importId, t.outcome, t.row),
  ],
);
