/** Reading one row of a table keyed by a UUID `id`. */
import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { notFound } from '../errors.ts';
import type { Db } from './client.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `s` is a UUID (any version), so it may be compared with a uuid column. */
export const isUuid = (s: string): boolean => UUID.test(s);

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
