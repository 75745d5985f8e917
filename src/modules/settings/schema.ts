/** Process settings stored as data: priority matrices and lifecycles, editable without code. */
import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const processSettings = pgTable('process_settings', {
  /** e.g. 'incident.priority_matrix', 'incident.lifecycle' */
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid('updated_by'),
  version: integer('version').notNull().default(1),
});
