/**
 * Which clocks a record should have and how they begin: the customer's SLA (chosen at the
 * record's creation), the OLA of the group holding it, and an underpinning contract per engaged
 * supplier. `reconcileParty` makes one party's clocks match the agreement that governs it now,
 * so creation, a priority or service change, a reassignment and a supplier engagement all go
 * through the same rule:
 * - same agreement: keep the clock, retarget it from its original start if the target changed;
 * - another agreement: stop the old clock (replaced) and start the new one from the old start,
 *   so elapsed and paused time carry over;
 * - no agreement any more: stop the clock;
 * - a clock already met stays met (its target was achieved).
 */
import type { Db } from '../../db/client.ts';
import { type Lifecycle, type StateCategory, stateOf } from '../../domain/lifecycle/engine.ts';
import { type AgreementKind, METRICS, type Metric, targetSeconds } from '../../domain/sla/agreement.ts';
import type { RecordRow } from '../records/index.ts';
import type { AgreementRow } from './agreement-present.ts';
import { activeClocks, type Cause, type ClockSpec, commandClock, startClock } from './clock-engine.ts';
import { chooseAgreement, customerOf, firstResponseAt } from './clock-selection.ts';
import type { ClockRow, RecordClocks } from './clock-store.ts';
import type { EngagementRow } from './engagement-store.ts';

export type RuleContext = {
  tx: Db;
  state: RecordClocks;
  record: RecordRow;
  lifecycle: Lifecycle;
  /** When the change happened. */
  at: Date;
  cause: Cause;
};

export const categoryOf = (lc: Lifecycle, key: string): StateCategory => stateOf(lc, key)?.category ?? 'open';
const recordCategory = (rc: RuleContext) => categoryOf(rc.lifecycle, rc.record.state);
const isFinished = (rc: RuleContext) => {
  const c = recordCategory(rc);
  return c === 'resolved' || c === 'closed';
};

type Party = { kind: AgreementKind; groupId?: string | null; engagementId?: string | null };

const ofParty = (c: ClockRow, p: Party) =>
  c.kind === p.kind &&
  (p.kind !== 'ola' || c.groupId === (p.groupId ?? null)) &&
  (p.kind !== 'uc' || c.engagementId === (p.engagementId ?? null));

/** How a clock started now begins, given what has already happened to the record. */
async function initialFor(
  rc: RuleContext,
  kind: AgreementKind,
  metric: Metric,
): Promise<ClockSpec['initial']> {
  const { record } = rc;
  if (metric === 'resolution' && isFinished(rc) && record.resolvedAt)
    return { state: 'met', at: record.resolvedAt, reason: 'resolved' };
  if (kind === 'sla' && metric === 'response' && record.state !== rc.lifecycle.initial) {
    const at = (await firstResponseAt(rc.tx, record.id, rc.lifecycle.initial)) ?? rc.at;
    return { state: 'met', at, reason: 'responded' };
  }
  if (kind === 'ola' && metric === 'response' && record.assigneeId)
    return { state: 'met', at: rc.at, reason: 'assigned' };
  return { state: recordCategory(rc) === 'paused' ? 'paused' : 'running' };
}

type StartPlan = {
  startedAt: (metric: Metric) => Date;
  selectedAt: Date;
  customerId?: string | null;
};

function retargetOrTouch(rc: RuleContext, c: ClockRow, agreement: AgreementRow, metric: Metric): void {
  const target = targetSeconds(agreement.targets, rc.record.priority, metric);
  if (target === null) return;
  const moved = commandClock(rc.state, c, { type: 'retarget', at: rc.at, targetSeconds: target }, rc.cause, {
    priority: rc.record.priority,
  });
  if (!moved && c.priority !== rc.record.priority) {
    c.priority = rc.record.priority;
    rc.state.changed.add(c.id);
  }
}

export async function reconcileParty(
  rc: RuleContext,
  party: Party,
  chosen: AgreementRow | null,
  plan: StartPlan,
): Promise<void> {
  for (const metric of METRICS) {
    const cur = rc.state.clocks
      .filter((c) => ofParty(c, party) && c.metric === metric && c.state !== 'stopped')
      .at(-1);
    if (cur?.state === 'met') continue;
    if (cur && chosen && cur.agreementId === chosen.id) {
      retargetOrTouch(rc, cur, chosen, metric);
      continue;
    }
    if (cur)
      commandClock(rc.state, cur, { type: 'stop', at: rc.at }, rc.cause, {
        stopReason: chosen ? 'replaced' : 'no_agreement',
      });
    if (chosen) await startMetric(rc, party, chosen, metric, cur?.startedAt ?? plan.startedAt(metric), plan);
  }
}

async function startMetric(
  rc: RuleContext,
  party: Party,
  agreement: AgreementRow,
  metric: Metric,
  startedAt: Date,
  plan: StartPlan,
): Promise<void> {
  // A closed record takes no new clocks; a resolved one only its SLA, as history met at resolution.
  if (recordCategory(rc) === 'closed' || (party.kind !== 'sla' && isFinished(rc))) return;
  startClock(
    rc.state,
    {
      agreement,
      metric,
      priority: rc.record.priority,
      startedAt,
      selectedAt: plan.selectedAt,
      groupId: party.groupId ?? null,
      engagementId: party.engagementId ?? null,
      customerId: plan.customerId ?? null,
      initial: await initialFor(rc, party.kind, metric),
    },
    rc.at,
    rc.cause,
  );
}

/** The customer's SLA: chosen among agreements in force when the record was created. */
export async function reconcileSla(rc: RuleContext): Promise<void> {
  const { record } = rc;
  const customerId = await customerOf(rc.tx, record);
  const chosen = await chooseAgreement(rc.tx, rc.state, {
    kind: 'sla',
    at: record.createdAt,
    recordType: record.type,
    priority: record.priority,
    serviceId: record.serviceId,
    customerId,
  });
  await reconcileParty(rc, { kind: 'sla' }, chosen, {
    startedAt: () => record.createdAt,
    selectedAt: record.createdAt,
    customerId,
  });
}

async function chooseOla(rc: RuleContext, groupId: string, at: Date): Promise<AgreementRow | null> {
  return chooseAgreement(rc.tx, rc.state, {
    kind: 'ola',
    at,
    recordType: rc.record.type,
    priority: rc.record.priority,
    serviceId: rc.record.serviceId,
    customerId: null,
    groupId,
  });
}

/**
 * The record moved from one group to another (or was first assigned): the previous group's OLA
 * clocks stop, and the new group's OLA starts. The new group's OLA says whether its clock restarts
 * at the reassignment or continues from the first OLA start on the record.
 */
export async function reassignOla(rc: RuleContext, toGroupId: string | null): Promise<void> {
  for (const c of activeClocks(rc.state, (c) => c.kind === 'ola' && c.groupId !== toGroupId))
    commandClock(rc.state, c, { type: 'stop', at: rc.at }, rc.cause, { stopReason: 'reassigned' });
  if (!toGroupId || isFinished(rc)) return;
  if (activeClocks(rc.state, (c) => c.kind === 'ola' && c.groupId === toGroupId).length) return;
  const chosen = await chooseOla(rc, toGroupId, rc.at);
  if (!chosen) return;
  const firstStart = (metric: Metric) =>
    rc.state.clocks
      .filter((c) => c.kind === 'ola' && c.metric === metric)
      .reduce<Date | null>(
        (min, c) => (min === null || c.startedAt.getTime() < min.getTime() ? c.startedAt : min),
        null,
      );
  // A fresh stint: clocks met in an earlier stint with this group are history, not this one's.
  const plan: StartPlan = { startedAt: () => rc.at, selectedAt: rc.at };
  for (const metric of METRICS) {
    const startedAt = chosen.onReassign === 'continue' ? (firstStart(metric) ?? rc.at) : rc.at;
    await startMetric(rc, { kind: 'ola', groupId: toGroupId }, chosen, metric, startedAt, plan);
  }
}

/** After a priority change: the current group's OLA, chosen again for the new priority. */
export async function reconcileOla(rc: RuleContext): Promise<void> {
  const groupId = rc.record.groupId;
  if (!groupId) return;
  const current = rc.state.clocks.find(
    (c) => c.kind === 'ola' && c.groupId === groupId && c.state !== 'stopped',
  );
  const selectedAt = current?.selectedAt ?? rc.at;
  const chosen = await chooseOla(rc, groupId, selectedAt);
  await reconcileParty(rc, { kind: 'ola', groupId }, chosen, { startedAt: () => rc.at, selectedAt });
}

/** An engaged supplier's underpinning contract, from the moment they were engaged. */
export async function reconcileUc(rc: RuleContext, e: EngagementRow): Promise<void> {
  const chosen = await chooseAgreement(rc.tx, rc.state, {
    kind: 'uc',
    at: e.engagedAt,
    recordType: rc.record.type,
    priority: rc.record.priority,
    serviceId: rc.record.serviceId,
    customerId: null,
    supplierId: e.supplierId,
  });
  await reconcileParty(rc, { kind: 'uc', engagementId: e.id }, chosen, {
    startedAt: () => e.engagedAt,
    selectedAt: e.engagedAt,
  });
}

/** Meet (or stop) the active clocks that match, with a reason. */
export function finishClocks(
  rc: RuleContext,
  match: (c: ClockRow) => boolean,
  how: 'meet' | 'stop',
  reason: string,
): void {
  for (const c of activeClocks(rc.state, match))
    commandClock(rc.state, c, { type: how, at: rc.at }, rc.cause, { stopReason: reason });
}
