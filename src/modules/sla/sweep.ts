/**
 * The SLA sweep: finds running clocks whose next threshold instant has passed (an indexed
 * `next_check_at`), fires what is due and schedules their next check. Scheduled every minute
 * through pg-boss; safe to run concurrently and repeatedly:
 * - each record is swept in its own transaction that first locks the record row (skipping one
 *   another transaction holds: that transaction settles the clocks itself, and the next sweep
 *   catches anything left), in the same order record changes lock, so the two never deadlock;
 * - each alert is a row with a unique key (clock, kind, threshold, target version): a second
 *   firing inserts nothing and so writes no timeline event and enqueues no job.
 */
import { and, asc, eq, lte, notInArray, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { queryRows } from '../../db/client.ts';
import { planSweep } from '../../domain/sla/planner.ts';
import { deliverSlaAlerts } from './alerts.ts';
import { slaClocks } from './clock-schema.ts';
import { loadClockBook } from './clock-store.ts';
import { applyClockPlan } from './hooks.ts';

export const SWEEP_QUEUE = 'sla.sweep';
const BATCH = 200;

export type SweepResult = { records: number; fired: number; skipped: number; delivered: number };

/** Settle the due clocks of one record; null when another transaction holds the record. */
async function sweepRecord(ctx: AppContext, recordId: string, now: Date): Promise<number | null> {
  return ctx.db.transaction(async (tx) => {
    const locked = await queryRows<{ sla_due_at: Date | string | null }>(
      tx,
      sql`select sla_due_at from records where id = ${recordId} for update skip locked`,
    );
    if (locked.length === 0) return null;
    const book = await loadClockBook(tx, recordId);
    const plan = planSweep(book, now);
    const current = locked[0]!.sla_due_at;
    return applyClockPlan(ctx, tx, book, plan, {
      now,
      actorId: null,
      currentDue: current === null ? null : new Date(current),
    });
  });
}

export async function runSlaSweep(ctx: AppContext): Promise<SweepResult> {
  const now = ctx.clock.now();
  const skipped = new Set<string>();
  // Records already looked at in this run are not selected again, whatever their clocks say.
  const seen = new Set<string>();
  const result: SweepResult = { records: 0, fired: 0, skipped: 0, delivered: 0 };
  for (;;) {
    const due = await ctx.db
      .selectDistinct({ recordId: slaClocks.recordId, nextCheckAt: slaClocks.nextCheckAt })
      .from(slaClocks)
      .where(
        and(
          eq(slaClocks.state, 'running'),
          lte(slaClocks.nextCheckAt, now),
          ...(seen.size ? [notInArray(slaClocks.recordId, [...seen])] : []),
        ),
      )
      .orderBy(asc(slaClocks.nextCheckAt))
      .limit(BATCH);
    const recordIds = [...new Set(due.map((d) => d.recordId))];
    for (const recordId of recordIds) {
      seen.add(recordId);
      const fired = await sweepRecord(ctx, recordId, now);
      if (fired === null) skipped.add(recordId);
      else {
        result.records++;
        result.fired += fired;
      }
    }
    if (due.length < BATCH) break;
  }
  result.skipped = skipped.size;
  result.delivered = await deliverSlaAlerts(ctx);
  return result;
}
