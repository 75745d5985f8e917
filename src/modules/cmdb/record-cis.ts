/**
 * Work records refer to the CIs they concern (an incident's affected server, a change's targets).
 * Whoever may read a record sees its CIs and the services they hit; linking and unlinking takes
 * the right to edit the record. Every link and unlink is written to the record's history.
 */

import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { CiRecord as CCiRecord } from '../../contracts/cmdb.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden, invalid, notFound } from '../../errors.ts';
import { loadRecord, type RecordRow, records, writeHistory } from '../records/index.ts';
import { readableCi } from './cis.ts';
import { analyse, type ImpactOptions, type ImpactView } from './impact.ts';
import { loadClassModel } from './model.ts';
import { type CiRef, ciRef } from './present.ts';
import { cis, recordCis } from './schema.ts';

export type RecordCiView = CiRef & { linkedAt: string };

async function recordCiRows(db: Db, recordId: string) {
  return db
    .select({
      id: cis.id,
      name: cis.name,
      classKey: cis.classKey,
      status: cis.status,
      linkedAt: recordCis.createdAt,
    })
    .from(recordCis)
    .innerJoin(cis, eq(cis.id, recordCis.ciId))
    .where(eq(recordCis.recordId, recordId))
    .orderBy(asc(cis.name), asc(cis.id));
}

export async function listRecordCis(
  ctx: AppContext,
  actor: Actor,
  recordRef: string,
): Promise<RecordCiView[]> {
  const { row } = await loadRecord(ctx, actor, recordRef);
  const [model, rows] = await Promise.all([loadClassModel(ctx.db), recordCiRows(ctx.db, row.id)]);
  return rows.map((r) => ({ ...ciRef(model, r), linkedAt: r.linkedAt.toISOString() }));
}

/**
 * Link CIs to a record inside the caller's transaction; already linked ones are left alone.
 * Refuses unknown CI ids with a field error naming them.
 */
export async function linkCis(tx: Db, actorId: string | null, recordId: string, ciIds: string[], at: Date) {
  await insertCiLinks(tx, actorId, recordId, ciIds, at);
}

/** What the CIs of a record became, told after the change committed (see registerRecordCisHook). */
export type RecordCisChange = {
  ctx: AppContext;
  actor: Actor;
  /** The record as it was loaded before the change. */
  record: RecordRow;
  added: string[];
  removed: string[];
  at: Date;
};
type RecordCisHook = (change: RecordCisChange) => Promise<void>;
const cisHooks = new Map<string, RecordCisHook>();

/**
 * React to CIs linked to or unlinked from an existing record through the CMDB's routes, after the
 * change committed (change management re-checks a change's scheduling conflicts). Registering the
 * same name again replaces the hook.
 */
export function registerRecordCisHook(name: string, hook: RecordCisHook): void {
  cisHooks.set(name, hook);
}

async function recordCisChanged(change: RecordCisChange): Promise<void> {
  if (change.added.length === 0 && change.removed.length === 0) return;
  for (const hook of cisHooks.values()) await hook(change);
}

/** Link CIs and answer the ids newly linked. */
async function insertCiLinks(
  tx: Db,
  actorId: string | null,
  recordId: string,
  ciIds: string[],
  at: Date,
): Promise<string[]> {
  const wanted = [...new Set(ciIds)];
  if (wanted.length === 0) return [];
  const found = await tx.select({ id: cis.id, name: cis.name }).from(cis).where(inArray(cis.id, wanted));
  const missing = wanted.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw invalid([{ field: 'ciIds', message: `no CI with id ${missing.join(', ')}` }]);
  const added = await tx
    .insert(recordCis)
    .values(wanted.map((ciId) => ({ recordId, ciId, createdBy: actorId, createdAt: at })))
    .onConflictDoNothing()
    .returning({ ciId: recordCis.ciId });
  const name = new Map(found.map((f) => [f.id, f.name]));
  await writeHistory(
    tx,
    recordId,
    actorId,
    at,
    added.map((a) => ({ field: 'ci.linked', oldValue: null, newValue: name.get(a.ciId) })),
  );
  return added.map((a) => a.ciId);
}

/** Linking CIs is part of working a record: agents and the like, not requesters. */
export function assertCanLinkCis(actor: Actor): void {
  if (!can(actor, 'record.update') || !can(actor, 'cmdb.read'))
    throw forbidden('Only agents may link configuration items to records.');
}

export async function attachRecordCis(ctx: AppContext, actor: Actor, recordRef: string, ciIds: string[]) {
  assertCanLinkCis(actor);
  const { row } = await loadRecord(ctx, actor, recordRef, { need: 'update' });
  const at = ctx.clock.now();
  const added = await ctx.db.transaction((tx) => insertCiLinks(tx, actor.userId, row.id, ciIds, at));
  await recordCisChanged({ ctx, actor, record: row, added, removed: [], at });
  return listRecordCis(ctx, actor, row.id);
}

export async function detachRecordCi(ctx: AppContext, actor: Actor, recordRef: string, ciId: string) {
  assertCanLinkCis(actor);
  const { row } = await loadRecord(ctx, actor, recordRef, { need: 'update' });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(recordCis)
      .where(and(eq(recordCis.recordId, row.id), eq(recordCis.ciId, ciId)))
      .returning();
    if (!gone) throw notFound(`CI link on ${row.number}`, ciId);
    const [ci] = await tx.select({ name: cis.name }).from(cis).where(eq(cis.id, ciId));
    await writeHistory(tx, row.id, actor.userId, now, [
      { field: 'ci.unlinked', oldValue: ci?.name ?? ciId, newValue: null },
    ]);
  });
  await recordCisChanged({ ctx, actor, record: row, added: [], removed: [ciId], at: now });
  return listRecordCis(ctx, actor, row.id);
}

/** The services (and everything on the way) the record's CIs hit, as one walk from all of them. */
export async function recordImpact(
  ctx: AppContext,
  actor: Actor,
  recordRef: string,
  opts: ImpactOptions = {},
): Promise<ImpactView> {
  const { row } = await loadRecord(ctx, actor, recordRef);
  const linked = await ctx.db
    .select({ ciId: recordCis.ciId })
    .from(recordCis)
    .where(eq(recordCis.recordId, row.id));
  return analyse(ctx, linked.map((l) => l.ciId).sort(), 'impact', opts, `named on ${row.number}`);
}

export type CiRecordView = CCiRecord;

/** The work records that name a CI, newest first. Whoever may browse the CMDB may read every record. */
export async function listCiRecords(ctx: AppContext, actor: Actor, ciId: string): Promise<CiRecordView[]> {
  const ci = await readableCi(ctx.db, actor, ciId);
  const rows = await ctx.db
    .select({
      id: records.id,
      type: records.type,
      number: records.number,
      title: records.title,
      state: records.state,
      priority: records.priority,
      createdAt: records.createdAt,
      linkedAt: recordCis.createdAt,
    })
    .from(recordCis)
    .innerJoin(records, eq(records.id, recordCis.recordId))
    .where(eq(recordCis.ciId, ci.id))
    .orderBy(desc(records.createdAt), desc(records.number))
    .limit(200);
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    linkedAt: r.linkedAt.toISOString(),
  }));
}
