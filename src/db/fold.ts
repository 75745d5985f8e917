/**
 * Folding a table of signed deltas into its totals, as the workspace counts and the report
 * rollups keep them: under an advisory lock only one folder takes (others skip: the deltas are
 * still read beside the totals), one statement deletes the deltas and adds them to the totals, so
 * every reader sees either both tables before or both after. The deleted deltas are dead rows that
 * every reader of the table steps over until a vacuum, and the embedded database has no
 * autovacuum, so the fold vacuums the table after (outside the transaction).
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from './client.ts';

export type Fold = {
  /** The advisory lock key of this fold. */
  lock: number;
  /** The deltas table. */
  deltas: string;
  /** The statement adding the deleted deltas (the CTE `moved`, all columns) to the totals. */
  into: SQL;
};

/** Fold the deltas now; returns how many were folded (0 when another folder holds the lock). */
export async function foldDeltas(db: Db, fold: Fold): Promise<number> {
  const table = sql.identifier(fold.deltas);
  const moved = await db.transaction(async (tx) => {
    const [lock] = await queryRows<{ ok: boolean }>(
      tx,
      sql`select pg_try_advisory_xact_lock(${fold.lock}) as ok`,
    );
    if (!lock?.ok) return 0;
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`with moved as (delete from ${table} returning *), folded as (${fold.into})
        select count(*)::int as n from moved`,
    );
    return row?.n ?? 0;
  });
  if (moved > 0) await db.execute(sql`vacuum (analyze) ${table}`);
  return moved;
}
