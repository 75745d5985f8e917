/**
 * Engaging a supplier on a record: while a supplier works on it, their underpinning contract's
 * clocks run. Acknowledgement meets the contract's response clock; release meets its resolution
 * clock (or stops it, when the engagement is withdrawn). Resolving or closing the record releases
 * every engaged supplier.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { organisations } from '../organisations/index.ts';
import { loadRecord, recordTypeOf } from '../records/index.ts';
import { getLifecycle } from '../settings/index.ts';
import { addEvent, type Cause } from './clock-engine.ts';
import { categoryOf, finishClocks, type RuleContext, reconcileUc } from './clock-rules.ts';
import { supplierEngagements } from './clock-schema.ts';
import { loadRecordClocks } from './clock-store.ts';
import type { EngagementRow } from './engagement-store.ts';
import { saveAndSync } from './hooks.ts';
import { lookUpNames } from './names.ts';

export async function presentEngagements(db: Db, rows: EngagementRow[]) {
  const names = await lookUpNames(db, {
    organisations: rows.map((r) => r.supplierId),
    users: rows.flatMap((r) => [r.engagedBy, r.releasedBy]),
  });
  return rows.map((r) => ({
    id: r.id,
    recordId: r.recordId,
    supplier: names.organisation(r.supplierId)!,
    reference: r.reference,
    note: r.note,
    engagedAt: r.engagedAt.toISOString(),
    engagedBy: names.user(r.engagedBy),
    acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
    releasedAt: r.releasedAt?.toISOString() ?? null,
    releasedBy: names.user(r.releasedBy),
    releaseNote: r.releaseNote,
  }));
}
export type EngagementView = Awaited<ReturnType<typeof presentEngagements>>[number];

type Work = (rc: RuleContext) => Promise<EngagementRow>;

/**
 * Run a supplier change inside a transaction holding the record, with its clocks loaded, and save
 * the clocks after: the same unit of work record changes use.
 */
async function withRecordClocks(ctx: AppContext, actor: Actor, recordRef: string, text: string, work: Work) {
  if (!can(actor, 'supplier.engage')) throw forbidden('Only agents may engage or release suppliers.');
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const { row: record } = await loadRecord(ctx, actor, recordRef, { lock: true, db: tx });
    const process = recordTypeOf(record.type)?.process ?? 'incident';
    const { value: lifecycle } = await getLifecycle(tx, process);
    const state = await loadRecordClocks(tx, record.id);
    const cause: Cause = { actorId: actor.userId, text };
    const rc: RuleContext = { tx, state, record, lifecycle, at: now, cause };
    const engagement = await work(rc);
    await saveAndSync(ctx, tx, state, now, record.slaDueAt);
    return engagement;
  });
  return (await presentEngagements(ctx.db, [row]))[0]!;
}

export async function engageSupplier(
  ctx: AppContext,
  actor: Actor,
  recordRef: string,
  input: { supplierId: string; reference?: string | null | undefined; note?: string | undefined },
) {
  return withRecordClocks(ctx, actor, recordRef, 'Supplier engaged', async (rc) => {
    const category = categoryOf(rc.lifecycle, rc.record.state);
    if (category === 'resolved' || category === 'closed')
      throw new AppError(
        'lifecycle.transition_forbidden',
        `${rc.record.number} is ${category}; engage suppliers on open records.`,
      );
    const [supplier] = await rc.tx
      .select({ name: organisations.name, kind: organisations.kind, active: organisations.active })
      .from(organisations)
      .where(eq(organisations.id, input.supplierId));
    if (!supplier?.active || supplier.kind !== 'supplier')
      throw invalid([{ field: 'supplierId', message: 'no active supplier organisation with this id' }]);
    const [already] = await rc.tx
      .select({ id: supplierEngagements.id })
      .from(supplierEngagements)
      .where(
        and(
          eq(supplierEngagements.recordId, rc.record.id),
          eq(supplierEngagements.supplierId, input.supplierId),
          isNull(supplierEngagements.releasedAt),
        ),
      );
    if (already)
      throw conflict(`${supplier.name} is already engaged on ${rc.record.number}.`, {
        engagementId: already.id,
      });
    const [e] = await rc.tx
      .insert(supplierEngagements)
      .values({
        recordId: rc.record.id,
        supplierId: input.supplierId,
        reference: input.reference ?? null,
        note: input.note ?? '',
        engagedAt: rc.at,
        engagedBy: rc.cause.actorId,
      })
      .returning();
    rc.cause = { ...rc.cause, text: `Supplier ${supplier.name} engaged` };
    const before = rc.state.clocks.length;
    await reconcileUc(rc, e!);
    addEvent(rc.state, null, rc.at, 'supplier_engaged', rc.cause, {
      engagementId: e!.id,
      supplierId: input.supplierId,
      reference: input.reference ?? null,
      contractApplies: rc.state.clocks.length > before,
    });
    return e!;
  });
}

async function lockEngagement(rc: RuleContext, id: string): Promise<EngagementRow> {
  const [e] = await rc.tx
    .select()
    .from(supplierEngagements)
    .where(and(eq(supplierEngagements.id, id), eq(supplierEngagements.recordId, rc.record.id)))
    .for('update');
  if (!e) throw notFound('Supplier engagement', id);
  if (e.releasedAt)
    throw new AppError('lifecycle.transition_forbidden', 'This supplier has already been released.');
  return e;
}

/** The supplier confirmed they have picked the work up: their response target is met. */
export async function acknowledgeSupplier(
  ctx: AppContext,
  actor: Actor,
  recordRef: string,
  engagementId: string,
) {
  return withRecordClocks(ctx, actor, recordRef, 'Supplier acknowledged', async (rc) => {
    const e = await lockEngagement(rc, engagementId);
    if (e.acknowledgedAt) return e;
    const [updated] = await rc.tx
      .update(supplierEngagements)
      .set({ acknowledgedAt: rc.at })
      .where(eq(supplierEngagements.id, e.id))
      .returning();
    finishClocks(rc, (c) => c.engagementId === e.id && c.metric === 'response', 'meet', 'acknowledged');
    addEvent(rc.state, null, rc.at, 'supplier_acknowledged', rc.cause, {
      engagementId: e.id,
      supplierId: e.supplierId,
    });
    return updated!;
  });
}

/** The supplier's part is done (fulfilled) or no longer wanted (withdrawn). */
export async function releaseSupplier(
  ctx: AppContext,
  actor: Actor,
  recordRef: string,
  engagementId: string,
  input: { outcome: 'fulfilled' | 'withdrawn'; note?: string | undefined },
) {
  return withRecordClocks(ctx, actor, recordRef, `Supplier released (${input.outcome})`, async (rc) => {
    const e = await lockEngagement(rc, engagementId);
    const [updated] = await rc.tx
      .update(supplierEngagements)
      .set({ releasedAt: rc.at, releasedBy: rc.cause.actorId, releaseNote: input.note ?? null })
      .where(eq(supplierEngagements.id, e.id))
      .returning();
    finishClocks(
      rc,
      (c) => c.engagementId === e.id,
      input.outcome === 'fulfilled' ? 'meet' : 'stop',
      'released',
    );
    addEvent(rc.state, null, rc.at, 'supplier_released', rc.cause, {
      engagementId: e.id,
      supplierId: e.supplierId,
      outcome: input.outcome,
    });
    return updated!;
  });
}

export async function listEngagements(ctx: AppContext, actor: Actor, recordRef: string) {
  if (!can(actor, 'sla.read_internal')) throw forbidden('Supplier engagements are visible to staff only.');
  const { row } = await loadRecord(ctx, actor, recordRef);
  const rows = await ctx.db
    .select()
    .from(supplierEngagements)
    .where(eq(supplierEngagements.recordId, row.id))
    .orderBy(asc(supplierEngagements.engagedAt));
  return presentEngagements(ctx.db, rows);
}
