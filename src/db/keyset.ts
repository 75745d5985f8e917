/** Keyset lists read straight from one table: ascending by a sort column, then by id. */
import { and, asc, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';
import { type CursorValue, decodeCursor, keysetPage, type PageRequest } from './cursor.ts';

export type AscendingSort<Row> = {
  column: PgColumn;
  /** The row's sort value, as the next cursor carries it. */
  of: (row: Row) => CursorValue;
  /** The cursor's sort value is cast so, for a column that is not text. */
  cast?: 'date';
};

/** The page of `table`'s rows matching `conds` after the query's cursor, and the cursor after it. */
export async function pageAscending<T extends PgTable & { id: PgColumn }>(
  db: Db,
  table: T,
  sort: AscendingSort<T['$inferSelect']>,
  conds: SQL[],
  q: PageRequest,
): Promise<{ page: T['$inferSelect'][]; nextCursor: string | null }> {
  const where = [...conds];
  if (q.cursor) {
    const [value, id] = decodeCursor(q.cursor, 2);
    const after = sort.cast === 'date' ? sql`${String(value)}::date` : sql`${String(value)}`;
    where.push(sql`(${sort.column}, ${table.id}) > (${after}, ${String(id)}::uuid)`);
  }
  const rows: T['$inferSelect'][] = await db
    .select()
    .from(table as PgTable)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(sort.column), asc(table.id))
    .limit(q.limit + 1);
  return keysetPage(rows, q.limit, (last) => [sort.of(last), (last as { id: string }).id]);
}
