/** Loading a record for an actor: invisible records answer 404, never 403, so ids leak nothing. */
import { eq, or } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, canOnRecord, type RecordAction } from '../../domain/roles.ts';
import { forbidden, notFound } from '../../errors.ts';
import { records, recordWatchers } from './schema.ts';

export type RecordRow = typeof records.$inferSelect;
export type AccessibleRecord = { row: RecordRow; watcherIds: string[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Find by uuid or by human number (INC0001001), optionally locking the row for update. */
export async function findRecord(db: Db, idOrNumber: string, lock = false): Promise<RecordRow | undefined> {
  const cond = UUID.test(idOrNumber)
    ? or(eq(records.id, idOrNumber))
    : eq(records.number, idOrNumber.toUpperCase());
  const q = db.select().from(records).where(cond);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function loadRecord(
  ctx: AppContext | { db: Db },
  actor: Actor,
  idOrNumber: string,
  opts: { type?: string; need?: RecordAction; lock?: boolean; db?: Db } = {},
): Promise<AccessibleRecord> {
  const db = opts.db ?? ctx.db;
  const row = await findRecord(db, idOrNumber, opts.lock ?? false);
  const label = opts.type ? opts.type[0]!.toUpperCase() + opts.type.slice(1) : 'Record';
  if (!row || (opts.type && row.type !== opts.type)) throw notFound(label, idOrNumber);
  const watcherIds = (
    await db
      .select({ userId: recordWatchers.userId })
      .from(recordWatchers)
      .where(eq(recordWatchers.recordId, row.id))
  ).map((w) => w.userId);
  const facts = { requesterId: row.requesterId, watcherIds };
  if (!canOnRecord(actor, 'read', facts)) throw notFound(label, idOrNumber);
  if (opts.need && opts.need !== 'read' && !canOnRecord(actor, opts.need, facts)) {
    throw forbidden(`You may not ${opts.need.replace('_', ' ')} on ${row.number}.`);
  }
  return { row, watcherIds };
}
