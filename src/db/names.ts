/** The names behind ids of any table with a uuid `id` and a text `name` (CIs, groups, calendars…). */
import { inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { distinctIds } from '../shared/defined.ts';
import type { Db } from './client.ts';

/** The `name` of each row of `table` among `ids`, by id; null and repeated ids are passed over, and no ids ask nothing. */
export async function namesById(
  db: Db,
  table: PgTable & { id: PgColumn; name: PgColumn },
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = distinctIds(ids);
  if (wanted.length === 0) return new Map();
  const rows = (await db
    .select({ id: table.id, name: table.name })
    .from(table as PgTable)
    .where(inArray(table.id, wanted))) as { id: string; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}
