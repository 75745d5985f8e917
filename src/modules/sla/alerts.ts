/**
 * SLA warnings and breaches, told to the rest of Steward two ways:
 * - a pg-boss job (`sla.warning`, `sla.breach`) enqueued in the transaction that fires the alert,
 *   so the job exists exactly when the alert does (escalation and notification workers consume it);
 * - in-process subscribers (`onSlaAlert`), called after the alert is committed by whichever
 *   instance claims it first; each alert is claimed once (row lock, then `delivered_at`), so
 *   subscribers hear of it at most once (a crash between claim and call loses the call, not
 *   the job).
 */
import { asc, eq, inArray, isNull } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { slaAlerts, slaClocks } from './clock-schema.ts';
import type { PendingAlert } from './clock-store.ts';

export const ALERT_QUEUES = { warning: 'sla.warning', breach: 'sla.breach' } as const;

export type SlaAlert = {
  alertId: string;
  recordId: string;
  clockId: string;
  kind: 'warning' | 'breach';
  /** Percent of the target: a warning threshold, or 100 for the breach. */
  threshold: number;
  targetVersion: number;
  reachedAt: string;
  clockKind: string;
  metric: string;
  agreementId: string;
};

export type SlaAlertHandler = (alert: SlaAlert, ctx: AppContext) => Promise<void>;

const handlers = new Map<string, SlaAlertHandler>();

/** Subscribe under a unique name (subscribing the same name again replaces the handler). */
export function onSlaAlert(name: string, handler: SlaAlertHandler): void {
  handlers.set(name, handler);
}

export function offSlaAlert(name: string): void {
  handlers.delete(name);
}

const toAlert = (a: PendingAlert & { id: string }): SlaAlert => ({
  alertId: a.id,
  recordId: a.clock.recordId,
  clockId: a.clock.id,
  kind: a.kind,
  threshold: a.threshold,
  targetVersion: a.targetVersion,
  reachedAt: a.reachedAt.toISOString(),
  clockKind: a.clock.kind,
  metric: a.clock.metric,
  agreementId: a.clock.agreementId,
});

/**
 * Called for each alert as its unique row is inserted, inside the same transaction. Every instance
 * on a server database enqueues, whether it works jobs or only sends (STEWARD_JOBS=0): the unique
 * row keeps the sweep from firing the alert again, so an alert without its job would never be
 * escalated. Only an embedded database without a job queue (a single process running no jobs,
 * e.g. a test) enqueues nothing, as nothing there could work the job.
 */
export function enqueueAlert(ctx: AppContext, tx: Db) {
  return async (a: PendingAlert & { id: string }): Promise<void> => {
    const queue = ctx.jobs ?? ctx.jobSender;
    if (!queue) return;
    await queue.sendWithin(tx, ALERT_QUEUES[a.kind], toAlert(a));
  };
}

const BATCH = 100;

/** Mark a batch of committed, undelivered alerts as delivered and return them (skipping rows others hold). */
async function claimAlerts(ctx: AppContext): Promise<SlaAlert[]> {
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select({
        alertId: slaAlerts.id,
        recordId: slaAlerts.recordId,
        clockId: slaAlerts.clockId,
        kind: slaAlerts.kind,
        threshold: slaAlerts.threshold,
        targetVersion: slaAlerts.targetVersion,
        reachedAt: slaAlerts.reachedAt,
        clockKind: slaClocks.kind,
        metric: slaClocks.metric,
        agreementId: slaClocks.agreementId,
      })
      .from(slaAlerts)
      .innerJoin(slaClocks, eq(slaClocks.id, slaAlerts.clockId))
      .where(isNull(slaAlerts.deliveredAt))
      .orderBy(asc(slaAlerts.firedAt))
      .limit(BATCH)
      .for('update', { of: slaAlerts, skipLocked: true });
    if (rows.length)
      await tx
        .update(slaAlerts)
        .set({ deliveredAt: ctx.clock.now() })
        .where(
          inArray(
            slaAlerts.id,
            rows.map((r) => r.alertId),
          ),
        );
    return rows.map((r) => ({
      ...r,
      kind: r.kind as SlaAlert['kind'],
      reachedAt: r.reachedAt.toISOString(),
    }));
  });
}

/**
 * Tell in-process subscribers about committed alerts not yet delivered. Each alert is claimed by
 * one instance before its subscribers run, so none is delivered twice. Subscribers run outside
 * the claiming transaction (they may use the database); one that fails is logged and not retried:
 * the pg-boss job is the durable channel.
 */
export async function deliverSlaAlerts(ctx: AppContext): Promise<number> {
  let delivered = 0;
  for (;;) {
    const batch = await claimAlerts(ctx);
    for (const alert of batch) {
      for (const [name, handler] of handlers) {
        await handler(alert, ctx).catch((err: unknown) => {
          ctx.log.error({ err, subscriber: name, alertId: alert.alertId }, 'SLA alert subscriber failed');
        });
      }
    }
    delivered += batch.length;
    if (batch.length < BATCH) return delivered;
  }
}
