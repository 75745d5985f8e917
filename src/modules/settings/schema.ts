/** Process settings stored as data: priority matrices and lifecycles, editable without code. */
import { jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { updatedAtColumn, versionColumn } from '../../db/columns.ts';

export const processSettings = pgTable('process_settings', {
  /** e.g. 'incident.priority_matrix', 'incident.lifecycle' */
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAtColumn(),
  updatedBy: uuid('updated_by'),
  version: versionColumn(),
});
