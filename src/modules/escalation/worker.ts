/**
 * The escalation worker: consumes the `sla.warning` and `sla.breach` jobs that the SLA module
 * enqueues in the transaction firing each alert, and applies the process's escalation policy.
 *
 * Why the pg-boss jobs and not the in-process `onSlaAlert` subscribers: a job survives a restart
 * and is retried until it succeeds (at least once), while a subscriber call is lost if the
 * process dies after claiming the alert (at most once). Exactly-once *effect* comes from the
 * escalation row keyed by the alert's unique id, written in the same transaction as the
 * reassignment, the history and the notifications, under the record's row lock: a second
 * delivery (a retry, a duplicate job, another instance) finds the row and does nothing.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { namesById } from '../../db/names.ts';
import {
  type AlertFacts,
  describeTrigger,
  type EscalationPlan,
  NOTIFY_PARTY_LABELS,
  nextSupportLevel,
  planEscalation,
} from '../../domain/escalation/policy.ts';
import { stateOf } from '../../domain/lifecycle/engine.ts';
import { AppError } from '../../errors.ts';
import { groups } from '../auth/index.ts';
import { notifyEvent } from '../notify/index.ts';
import {
  checkAssignment,
  findRecord,
  type RecordRow,
  type RecordTypeConfig,
  recordTypeOf,
  writeHistory,
  writeRecordChanges,
} from '../records/index.ts';
import { getLifecycle, getRaci } from '../settings/index.ts';
import { ALERT_QUEUES, type SlaAlert, slaClocks } from '../sla/index.ts';
import { getEscalationPolicy } from './policy.ts';
import { type Audience, resolveAudience } from './recipients.ts';
import { type EscalationDetails, escalations } from './schema.ts';

/** The job payload, as `enqueueAlert` sends it. */
const AlertJob = z.object({
  alertId: z.uuid(),
  recordId: z.uuid(),
  clockId: z.uuid(),
  kind: z.enum(['warning', 'breach']),
  threshold: z.number().int(),
  targetVersion: z.number().int(),
  reachedAt: z.string(),
  clockKind: z.string(),
  metric: z.string(),
  agreementId: z.string(),
});

export type EscalationResult = {
  escalationId: string;
  matched: boolean;
  fromGroupId: string | null;
  toGroupId: string | null;
  notifiedIds: string[];
};

type Functional = { outcome: EscalationDetails['reassign']; toGroupId: string | null; reason?: string };

/** The functional step: hand the record to the next support level, as the system, in a savepoint. */
async function reassignUp(
  ctx: AppContext,
  tx: Db,
  cfg: RecordTypeConfig,
  row: RecordRow,
  alert: SlaAlert,
  plan: EscalationPlan,
  nextGroupId: string | null,
  at: Date,
): Promise<Functional> {
  if (!plan.reassign) return { outcome: 'not_asked', toGroupId: null };
  const { value: lifecycle } = await getLifecycle(tx, cfg.process);
  const category = stateOf(lifecycle, row.state)?.category;
  if (category === 'resolved' || category === 'closed') return { outcome: 'finished', toGroupId: null };
  if (!row.groupId) return { outcome: 'no_group', toGroupId: null };
  if (alert.clockKind === 'ola') {
    // An OLA measures one group: once the record has left it, moving the record on is not its call.
    const [c] = await tx
      .select({ groupId: slaClocks.groupId })
      .from(slaClocks)
      .where(eq(slaClocks.id, alert.clockId));
    if (c?.groupId && c.groupId !== row.groupId) return { outcome: 'not_with_group', toGroupId: null };
  }
  if (!nextGroupId) return { outcome: 'no_next_level', toGroupId: null };
  try {
    // A savepoint: a refusal (an inactive group, a hook saying no) leaves the notifications standing.
    await tx.transaction(async (sp) => {
      await checkAssignment(sp, null, nextGroupId);
      await writeRecordChanges(
        { ctx, tx: sp, cfg, lifecycle, actorId: null, at },
        row,
        { ...row, groupId: nextGroupId, assigneeId: null },
        {},
      );
    });
    return { outcome: 'done', toGroupId: nextGroupId };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const why = err.fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ');
    return { outcome: 'refused', toGroupId: null, reason: why || err.message };
  }
}

function functionalText(f: Functional, from: string | null, to: string | null): string {
  switch (f.outcome) {
    case 'done':
      return `reassigned from ${from} to ${to}`;
    case 'no_group':
      return 'not reassigned: the record has no group';
    case 'no_next_level':
      return `not reassigned: ${from} has no next support level`;
    case 'not_with_group':
      return 'not reassigned: the record has left the group the OLA measures';
    case 'finished':
      return 'not reassigned: the record is already resolved';
    case 'refused':
      return `reassignment to ${to} refused: ${f.reason}`;
    case 'not_asked':
      return '';
  }
}

/** The history line names up to ten people; the escalation row keeps every one. */
function namesInBrief(names: string[]): string {
  const shown = names.slice(0, 10).join(', ');
  return names.length > 10 ? `${shown} and ${names.length - 10} more` : shown;
}

function messageFor(
  row: RecordRow,
  alert: SlaAlert,
  trigger: string,
  moved: string,
): { headline: string; message: string } {
  const reached =
    alert.kind === 'breach'
      ? `breached its ${alert.clockKind.toUpperCase()} ${alert.metric} target`
      : `reached ${alert.threshold}% of its ${alert.clockKind.toUpperCase()} ${alert.metric} target`;
  return {
    headline: `${row.number} ${trigger}: ${row.title}`,
    message: [
      `${row.number} "${row.title}" (priority ${row.priority}) ${reached} at ${alert.reachedAt}.`,
      ...(moved ? [`${moved[0]!.toUpperCase()}${moved.slice(1)}.`] : []),
    ].join('\n'),
  };
}

/** The history line and the notifications of one escalation; returns who was told. */
async function writeTrail(
  ctx: AppContext,
  tx: Db,
  row: RecordRow,
  alert: SlaAlert,
  functional: Functional,
  next: string | null,
  audience: Audience,
  at: Date,
): Promise<string[]> {
  const names = await namesById(tx, groups, [row.groupId, next]);
  const moved = functionalText(
    functional,
    names.get(row.groupId ?? '') ?? null,
    names.get(next ?? '') ?? null,
  );
  const trigger = describeTrigger(alert);
  const notified = [...audience.values()].map((p) => p.name);
  const outcome = [moved, notified.length ? `notified ${namesInBrief(notified)}` : 'nobody to notify'];
  await writeHistory(tx, row.id, null, at, [
    { field: 'escalation', oldValue: null, newValue: `${trigger}: ${outcome.filter(Boolean).join('; ')}` },
  ]);
  await notifyEvent(ctx, tx, {
    event: `escalation.${alert.kind}`,
    record: row,
    actorId: null,
    at,
    vars: {
      ...messageFor(row, alert, trigger, moved),
      target: `${alert.clockKind.toUpperCase()} ${alert.metric}`,
      dueAt: alert.reachedAt,
    },
    named: [...audience].flatMap(([id, p]) => p.reasons.map((r) => [id, NOTIFY_PARTY_LABELS[r]] as const)),
  });
  return [...audience.keys()];
}

/**
 * Apply the policy to one alert, once. Returns null when the alert was handled before (or its
 * record is gone); otherwise what was done.
 */
export async function escalateAlert(ctx: AppContext, alert: SlaAlert): Promise<EscalationResult | null> {
  const at = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    // Lock the record first, as every record change and the SLA sweep do: handlers of the same
    // alert queue here, and the later one sees the earlier one's escalation row.
    const row = await findRecord(tx, alert.recordId, true);
    if (!row) return null;
    const [done] = await tx
      .select({ id: escalations.id })
      .from(escalations)
      .where(eq(escalations.alertId, alert.alertId));
    if (done) return null;
    const cfg = recordTypeOf(row.type);
    const policy = cfg ? (await getEscalationPolicy(tx, cfg.process)).value : null;
    const plan = policy ? planEscalation(policy, alert satisfies AlertFacts) : null;
    const base = {
      alertId: alert.alertId,
      recordId: row.id,
      at,
      trigger: alert.kind,
      threshold: alert.threshold,
      clockKind: alert.clockKind,
      metric: alert.metric,
      fromGroupId: row.groupId,
    };
    let result: Omit<EscalationResult, 'escalationId'> = {
      matched: false,
      fromGroupId: row.groupId,
      toGroupId: null,
      notifiedIds: [],
    };
    let details: EscalationDetails = { reassign: 'not_asked', notifiedIds: [] };
    if (cfg && policy && plan) {
      const next = nextSupportLevel(policy, row.groupId);
      const functional = await reassignUp(ctx, tx, cfg, row, alert, plan, next, at);
      const { value: raci } = await getRaci(tx, cfg.process);
      const audience = await resolveAudience(tx, plan.notify, {
        assigneeId: row.assigneeId,
        groupId: row.groupId,
        nextGroupId: functional.toGroupId,
        raci,
        raciActivities: plan.raciActivities,
      });
      const notifiedIds = await writeTrail(ctx, tx, row, alert, functional, next, audience, at);
      result = { ...result, matched: true, toGroupId: functional.toGroupId, notifiedIds };
      details = {
        reassign: functional.outcome,
        ...(functional.reason ? { reason: functional.reason } : {}),
        notifiedIds,
      };
    }
    const [r] = await tx
      .insert(escalations)
      .values({ ...base, toGroupId: result.toGroupId, matched: result.matched, details })
      .returning({ id: escalations.id });
    return { escalationId: r!.id, ...result };
  });
}

/** Handle one job's payload; a payload that is not an alert is logged and dropped, not retried. */
export async function handleAlertJob(ctx: AppContext, data: Record<string, unknown>): Promise<void> {
  const parsed = AlertJob.safeParse(data);
  if (!parsed.success) {
    ctx.log.error({ data, issues: parsed.error.issues }, 'SLA alert job without a valid alert; dropped');
    return;
  }
  const result = await escalateAlert(ctx, parsed.data);
  if (result?.matched)
    ctx.log.info({ alertId: parsed.data.alertId, ...result }, 'record escalated on an SLA alert');
}

/** Work both alert queues (declared by the job registration before this runs). */
export async function registerEscalationJobs(ctx: AppContext): Promise<void> {
  const jobs = ctx.jobs;
  if (!jobs) return;
  for (const queue of Object.values(ALERT_QUEUES))
    await jobs.work(queue, (data) => handleAlertJob(ctx, data));
}
