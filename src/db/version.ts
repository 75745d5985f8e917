/**
 * Optimistic concurrency: every versioned row carries `version`, bumped on each write. A writer
 * that names the version it read (from If-Match) and finds another is refused with 412.
 */
import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { AppError } from '../errors.ts';
import type { Db } from './client.ts';
import { rowById } from './rows.ts';

/** `number` names the row in the message (a record number, a name, "Setting x"). */
export function assertVersion(row: { version: number; number?: string }, expected: number | undefined): void {
  if (expected !== undefined && expected !== row.version) {
    throw new AppError(
      'record.stale_version',
      `${row.number ?? 'This item'} was changed by someone else since you loaded it (now version ${row.version}, you had ${expected}). Reload to see the changes, then try again.`,
      [],
      { currentVersion: row.version },
    );
  }
}

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn };

/**
 * The row `id` of a versioned table, locked for the rest of the transaction: 404 (`what`, e.g.
 * "Board") when there is none, 412 when it is not at the expected version (`name` names it).
 */
export async function lockAtVersion<T extends VersionedTable>(
  tx: Db,
  table: T,
  id: string,
  what: string,
  expected: number | undefined,
  name: (row: T['$inferSelect']) => string,
): Promise<T['$inferSelect']> {
  const found = await rowById(tx, table, id, what, true);
  assertVersion({ version: found.version as number, number: name(found) }, expected);
  return found;
}

/**
 * Write `values` to the row `cur` of a versioned table as its next version, with `updated_at` set
 * to `at`; answers the row as written. `cur` is the row as the caller read it and checked its
 * version (locked where concurrent writers matter: `lockAtVersion`).
 */
export async function writeNextVersion<T extends VersionedTable & { updatedAt: PgColumn }>(
  tx: Db,
  table: T,
  cur: { id: string; version: number },
  values: PgUpdateSetSource<T>,
  at: Date,
): Promise<T['$inferSelect']> {
  const [row] = await tx
    .update(table as PgTable)
    .set({ ...values, updatedAt: at, version: cur.version + 1 } as PgUpdateSetSource<PgTable>)
    .where(eq(table.id, cur.id))
    .returning();
  return row as T['$inferSelect'];
}
