/** One row of a table keyed by a UUID `id`: reading it, deleting it, and whether a name is already taken. */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { notFound } from '../errors.ts';
import { isUuid } from '../shared/uuid.ts';
import type { Db } from './client.ts';

export { isUuid } from '../shared/uuid.ts';

/**
 * The row `id` of `table`, 404 (`what`, e.g. "Contract") when there is none or `id` is no UUID;
 * with `lock`, held for the rest of the transaction.
 */
export async function rowById<T extends PgTable & { id: PgColumn }>(
  db: Db,
  table: T,
  id: string,
  what: string,
  lock = false,
): Promise<T['$inferSelect']> {
  if (!isUuid(id)) throw notFound(what, id);
  const q = db
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound(what, id);
  return row as T['$inferSelect'];
}

/**
 * Delete the row `id` of `table` (only where `scope` holds too, e.g. it belongs to the parent
 * named in the path) and answer it; 404 (`what`, e.g. "Entitlement") when there is none.
 */
export async function deleteRowById<T extends PgTable & { id: PgColumn }>(
  db: Db,
  table: T,
  id: string,
  what: string,
  scope?: SQL,
): Promise<T['$inferSelect']> {
  const [row] = await db
    .delete(table as PgTable)
    .where(scope ? and(eq(table.id, id), scope) : eq(table.id, id))
    .returning();
  if (!row) throw notFound(what, id);
  return row as T['$inferSelect'];
}

/**
 * Whether a row of `table` other than `exceptId` holds `value` in `column`, ignoring case: names
 * and email addresses are unique that way.
 */
export async function takenIgnoringCase(
  db: Db,
  table: PgTable & { id: PgColumn },
  column: PgColumn,
  value: string,
  exceptId?: string,
): Promise<boolean> {
  const [dupe] = await db
    .select({ id: table.id })
    .from(table)
    .where(sql`lower(${column}) = ${value.toLowerCase()}`);
  return !!dupe && dupe.id !== exceptId;
}
