/**
 * Keyset lists read newest first: by an instant descending, then by id descending. The cursor
 * carries the instant and id of a page's last row; the next page starts strictly before them.
 */
import { desc, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { decodeCursor, keysetPage } from './cursor.ts';

const CURSOR = ['timestamp', 'uuid'] as const;

/**
 * The rows before the cursor's (instant, id), as one row comparison an index on (instant, id)
 * serves; undefined when there is no cursor (the first page). The columns are not null.
 */
export function beforeCursor(cursor: string | undefined, at: PgColumn, id: PgColumn): SQL | undefined {
  if (!cursor) return undefined;
  const [instant, last] = decodeCursor(cursor, CURSOR);
  return sql`(${at}, ${id}) < (${instant}::timestamptz, ${last}::uuid)`;
}

/** The order of such a list: `.orderBy(...newestFirst(table.createdAt, table.id))`. */
export function newestFirst(at: PgColumn, id: PgColumn): SQL[] {
  return [desc(at), desc(id)];
}

/** The first `limit` of `limit + 1` rows read so, and the cursor after the last of them. */
export function newestFirstPage<R>(
  rows: R[],
  limit: number,
  keyOf: (row: R) => { at: Date; id: string },
): { page: R[]; nextCursor: string | null } {
  return keysetPage(rows, limit, (last) => {
    const { at, id } = keyOf(last);
    return [at.toISOString(), id];
  });
}
