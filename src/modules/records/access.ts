/** Loading a record for an actor: invisible records answer 404, never 403, so ids leak nothing. */

import { eq, getTableColumns, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { isUuid } from '../../db/rows.ts';
import { type Actor, canOnRecord, type RecordAction } from '../../domain/roles.ts';
import { forbidden, invalid, notFound } from '../../errors.ts';
import { records, recordWatchers } from './schema.ts';

export type RecordRow = typeof records.$inferSelect;
export type AccessibleRecord = { row: RecordRow; watcherIds: string[] };

const byIdOrNumber = (idOrNumber: string) =>
  isUuid(idOrNumber) ? or(eq(records.id, idOrNumber)) : eq(records.number, idOrNumber.toUpperCase());

/** Find by uuid or by human number (INC0001001), optionally locking the row for update. */
export async function findRecord(db: Db, idOrNumber: string, lock = false): Promise<RecordRow | undefined> {
  const q = db.select().from(records).where(byIdOrNumber(idOrNumber));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

/**
 * The records of `type` a request names by id or number in its list `field`, each once, in the
 * order named, read in one statement; one that is no such record answers 422 at its index.
 * `check` runs on each record in that order (that the actor may work on it, say).
 */
export async function recordsNamed(
  db: Db,
  refs: string[],
  type: string,
  field: string,
  check?: (row: RecordRow) => Promise<unknown>,
): Promise<RecordRow[]> {
  const named = [...new Set(refs)];
  if (named.length === 0) return [];
  const found = await db
    .select()
    .from(records)
    .where(or(...named.map(byIdOrNumber)));
  const rows: RecordRow[] = [];
  for (const [i, ref] of named.entries()) {
    const row = found.find((r) => (isUuid(ref) ? r.id === ref : r.number === ref.toUpperCase()));
    if (!row || row.type !== type) throw invalid([{ field: `${field}.${i}`, message: `no ${type} ${ref}` }]);
    await check?.(row);
    if (!rows.some((r) => r.id === row.id)) rows.push(row);
  }
  return rows;
}

const recordColumns = getTableColumns(records);
/** The record's watchers, read in the record's own statement (one round trip per load). */
const watcherIdsOf = sql<string[]>`coalesce((select array_agg(w.user_id::text) from ${recordWatchers} w
  where w.record_id = ${records.id}), '{}'::text[])`;

export async function loadRecord(
  ctx: AppContext | { db: Db },
  actor: Actor,
  idOrNumber: string,
  opts: { type?: string; need?: RecordAction; lock?: boolean; db?: Db } = {},
): Promise<AccessibleRecord> {
  const db = opts.db ?? ctx.db;
  const q = db
    .select({ ...recordColumns, watcherIds: watcherIdsOf })
    .from(records)
    .where(byIdOrNumber(idOrNumber));
  const [found] = opts.lock ? await q.for('update') : await q;
  const label = opts.type ? opts.type[0]!.toUpperCase() + opts.type.slice(1) : 'Record';
  if (!found || (opts.type && found.type !== opts.type)) throw notFound(label, idOrNumber);
  const { watcherIds, ...row } = found;
  const facts = { requesterId: row.requesterId, watcherIds };
  if (!canOnRecord(actor, 'read', facts)) throw notFound(label, idOrNumber);
  if (opts.need && opts.need !== 'read' && !canOnRecord(actor, opts.need, facts)) {
    throw forbidden(`You may not ${opts.need.replace('_', ' ')} on ${row.number}.`);
  }
  return { row, watcherIds };
}
