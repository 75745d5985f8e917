/**
 * Engaging a supplier on a record: while a supplier works on it, their underpinning contract's
 * clocks run. Acknowledgement meets the contract's response clock; release meets its resolution
 * clock (or stops it, when the engagement is withdrawn). Resolving or closing the record releases
 * every engaged supplier.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { Lifecycle } from '../../domain/lifecycle/engine.ts';
import { type Actor, can } from '../../domain/roles.ts';
import type { Cause } from '../../domain/sla/clock-book.ts';
import { categoryOf } from '../../domain/sla/party-rules.ts';
import type { PlanEvent } from '../../domain/sla/planner.ts';
import { AppError, conflict, forbidden, invalid, notFound } from '../../errors.ts';
import { organisations } from '../organisations/index.ts';
import type { RecordRow } from '../records/index.ts';
import { loadRecord, recordTypeOf } from '../records/index.ts';
import { getLifecycle } from '../settings/index.ts';
import type { FactNeeds } from './clock-facts.ts';
import { supplierEngagements } from './clock-schema.ts';
import type { EngagementRow } from './engagement-store.ts';
import { runClockPlan } from './hooks.ts';
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

/** A supplier change, inside the transaction holding the record. */
type Rc = { tx: Db; record: RecordRow; lifecycle: Lifecycle; at: Date; cause: Cause };
/** The engagement row after the change, and what the change does to the clocks (null: nothing). */
type Work = (rc: Rc) => Promise<{ row: EngagementRow; event: PlanEvent | null; needs?: FactNeeds }>;

/**
 * Run a supplier change inside a transaction holding the record, then load, plan and apply its
 * clocks: the same unit of work record changes use.
 */
async function withRecordClocks(ctx: AppContext, actor: Actor, recordRef: string, text: string, work: Work) {
  if (!can(actor, 'supplier.engage')) throw forbidden('Only agents may engage or release suppliers.');
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const { row: record } = await loadRecord(ctx, actor, recordRef, { lock: true, db: tx });
    const process = recordTypeOf(record.type)?.process ?? 'incident';
    const { value: lifecycle } = await getLifecycle(tx, process);
    const rc: Rc = { tx, record, lifecycle, at: now, cause: { actorId: actor.userId, text } };
    const done = await work(rc);
    if (done.event) await runClockPlan(ctx, tx, rc, done.event, done.needs ?? {});
    return done.row;
  });
  return (await presentEngagements(ctx.db, [row]))[0]!;
}

const factsOf = (e: EngagementRow) => ({ id: e.id, supplierId: e.supplierId, engagedAt: e.engagedAt });

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
    const engagement = factsOf(e!);
    return {
      row: e!,
      event: { kind: 'supplier_engaged', engagement, reference: input.reference ?? null },
      needs: { engaging: engagement },
    };
  });
}

async function lockEngagement(rc: Rc, id: string): Promise<EngagementRow> {
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
    if (e.acknowledgedAt) return { row: e, event: null };
    const [updated] = await rc.tx
      .update(supplierEngagements)
      .set({ acknowledgedAt: rc.at })
      .where(eq(supplierEngagements.id, e.id))
      .returning();
    return { row: updated!, event: { kind: 'supplier_acknowledged', engagement: factsOf(e) } };
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
    return {
      row: updated!,
      event: { kind: 'supplier_released', engagement: factsOf(e), outcome: input.outcome },
    };
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
