/** Organisations Steward deals with: customers (who services are for) and suppliers (who support them). */
import { sql } from 'drizzle-orm';
import { boolean, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, versionedColumns } from '../../db/columns.ts';

export const organisations = pgTable(
  'organisations',
  {
    id: idColumn(),
    name: text('name').notNull(),
    /** customer | supplier | internal */
    kind: text('kind').notNull(),
    email: text('email'),
    phone: text('phone'),
    website: text('website'),
    notes: text('notes').notNull().default(''),
    active: boolean('active').notNull().default(true),
    ...versionedColumns(),
  },
  (t) => [uniqueIndex('organisations_name_lower_idx').on(sql`lower(${t.name})`)],
);
