/** Saved views of lists: a named filter, sort and column choice, personal or shared. */
import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAtColumn, idColumn, parentColumn, updatedAtColumn } from '../../db/columns.ts';
import { users } from '../auth/schema.ts';

export const savedViews = pgTable(
  'saved_views',
  {
    id: idColumn(),
    /** Which list the view belongs to: incidents, requests, request-tasks, cmdb-cis, … */
    list: text('list').notNull(),
    name: text('name').notNull(),
    ownerId: parentColumn('owner_id', () => users.id),
    shared: boolean('shared').notNull().default(false),
    /** Filters and sort as a URL query string, exactly as the list keeps them. */
    query: text('query').notNull().default(''),
    columns: jsonb('columns').$type<string[]>().notNull().default([]),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index('saved_views_owner_list_idx').on(t.ownerId, t.list),
    index('saved_views_shared_list_idx').on(t.list).where(sql`${t.shared}`),
  ],
);
