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
 * Pure: every fact comes in through `PlanContext`, the agreements as candidates already loaded.
 */
import { type Lifecycle, type StateCategory, stateOf } from '../lifecycle/engine.ts';
import { type AgreementKind, METRICS, type Metric, targetSeconds } from './agreement.ts';
import {
  activeClocks,
  type BookAgreement,
  type BookClock,
  type Cause,
  type ClockBook,
  type ClockSpec,
  commandClock,
  startClock,
} from './clock-book.ts';
import { type SelectionFacts, selectAgreement } from './selection.ts';

/** What the rules need to know about the record, after the change. */
export type RecordFacts = {
  id: string;
  type: string;
  state: string;
  priority: number;
  serviceId: string | null;
  groupId: string | null;
  assigneeId: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
};

/** A supplier engaged on the record and not yet released. */
export type EngagementFacts = { id: string; supplierId: string; engagedAt: Date };

export type PlanContext = {
  book: ClockBook;
  record: RecordFacts;
  lifecycle: Lifecycle;
  /** When the change happened. */
  at: Date;
  cause: Cause;
  /** The agreed agreements that may govern the record's parties; selection picks among them. */
  candidates: readonly BookAgreement[];
  /** The customer the record is for (see the SLA module's loader); null when none is known. */
  customerId: string | null;
  /** When the record first left its initial state, if it has. */
  firstResponseAt: Date | null;
  engagements: readonly EngagementFacts[];
};

export const categoryOf = (lc: Lifecycle, key: string): StateCategory => stateOf(lc, key)?.category ?? 'open';
const recordCategory = (pc: PlanContext) => categoryOf(pc.lifecycle, pc.record.state);
const isFinished = (pc: PlanContext) => {
  const c = recordCategory(pc);
  return c === 'resolved' || c === 'closed';
};

type Party = { kind: AgreementKind; groupId?: string | null; engagementId?: string | null };

const ofParty = (c: BookClock, p: Party) =>
  c.kind === p.kind &&
  (p.kind !== 'ola' || c.groupId === (p.groupId ?? null)) &&
  (p.kind !== 'uc' || c.engagementId === (p.engagementId ?? null));

/** The governing agreement among the candidates; a clock's own agreement is preferred as loaded. */
function choose(pc: PlanContext, facts: Omit<SelectionFacts, 'recordType' | 'priority' | 'serviceId'>) {
  const chosen = selectAgreement(pc.candidates, {
    recordType: pc.record.type,
    priority: pc.record.priority,
    serviceId: pc.record.serviceId,
    ...facts,
  });
  return chosen ? (pc.book.agreements.get(chosen.id) ?? chosen) : null;
}

/** How a clock started now begins, given what has already happened to the record. */
function initialFor(pc: PlanContext, kind: AgreementKind, metric: Metric): ClockSpec['initial'] {
  const { record } = pc;
  if (metric === 'resolution' && isFinished(pc) && record.resolvedAt)
    return { state: 'met', at: record.resolvedAt, reason: 'resolved' };
  if (kind === 'sla' && metric === 'response' && record.state !== pc.lifecycle.initial)
    return { state: 'met', at: pc.firstResponseAt ?? pc.at, reason: 'responded' };
  if (kind === 'ola' && metric === 'response' && record.assigneeId)
    return { state: 'met', at: pc.at, reason: 'assigned' };
  return { state: recordCategory(pc) === 'paused' ? 'paused' : 'running' };
}

type StartPlan = {
  startedAt: (metric: Metric) => Date;
  selectedAt: Date;
  customerId?: string | null;
};

function retargetOrTouch(pc: PlanContext, c: BookClock, agreement: BookAgreement, metric: Metric): void {
  const target = targetSeconds(agreement.targets, pc.record.priority, metric);
  if (target === null) return;
  const moved = commandClock(pc.book, c, { type: 'retarget', at: pc.at, targetSeconds: target }, pc.cause, {
    priority: pc.record.priority,
  });
  if (!moved && c.priority !== pc.record.priority) {
    c.priority = pc.record.priority;
    pc.book.changed.add(c.id);
  }
}

function reconcileParty(pc: PlanContext, party: Party, chosen: BookAgreement | null, plan: StartPlan): void {
  for (const metric of METRICS) {
    const cur = pc.book.clocks
      .filter((c) => ofParty(c, party) && c.metric === metric && c.state !== 'stopped')
      .at(-1);
    if (cur?.state === 'met') continue;
    if (cur && chosen && cur.agreementId === chosen.id) {
      retargetOrTouch(pc, cur, chosen, metric);
      continue;
    }
    if (cur)
      commandClock(pc.book, cur, { type: 'stop', at: pc.at }, pc.cause, {
        stopReason: chosen ? 'replaced' : 'no_agreement',
      });
    if (chosen) startMetric(pc, party, chosen, metric, cur?.startedAt ?? plan.startedAt(metric), plan);
  }
}

function startMetric(
  pc: PlanContext,
  party: Party,
  agreement: BookAgreement,
  metric: Metric,
  startedAt: Date,
  plan: StartPlan,
): void {
  // A closed record takes no new clocks; a resolved one only its SLA, as history met at resolution.
  if (recordCategory(pc) === 'closed' || (party.kind !== 'sla' && isFinished(pc))) return;
  startClock(
    pc.book,
    {
      agreement,
      metric,
      priority: pc.record.priority,
      startedAt,
      selectedAt: plan.selectedAt,
      groupId: party.groupId ?? null,
      engagementId: party.engagementId ?? null,
      customerId: plan.customerId ?? null,
      initial: initialFor(pc, party.kind, metric),
    },
    pc.at,
    pc.cause,
  );
}

/** The customer's SLA: chosen among agreements in force when the record was created. */
export function reconcileSla(pc: PlanContext): void {
  const { record, customerId } = pc;
  const chosen = choose(pc, { kind: 'sla', at: record.createdAt, customerId });
  reconcileParty(pc, { kind: 'sla' }, chosen, {
    startedAt: () => record.createdAt,
    selectedAt: record.createdAt,
    customerId,
  });
}

const chooseOla = (pc: PlanContext, groupId: string, at: Date) =>
  choose(pc, { kind: 'ola', at, customerId: null, groupId });

/**
 * The record moved from one group to another (or was first assigned): the previous group's OLA
 * clocks stop, and the new group's OLA starts. The new group's OLA says whether its clock restarts
 * at the reassignment or continues from the first OLA start on the record.
 */
export function reassignOla(pc: PlanContext, toGroupId: string | null): void {
  for (const c of activeClocks(pc.book, (c) => c.kind === 'ola' && c.groupId !== toGroupId))
    commandClock(pc.book, c, { type: 'stop', at: pc.at }, pc.cause, { stopReason: 'reassigned' });
  if (!toGroupId || isFinished(pc)) return;
  if (activeClocks(pc.book, (c) => c.kind === 'ola' && c.groupId === toGroupId).length) return;
  const chosen = chooseOla(pc, toGroupId, pc.at);
  if (!chosen) return;
  const firstStart = (metric: Metric) =>
    pc.book.clocks
      .filter((c) => c.kind === 'ola' && c.metric === metric)
      .reduce<Date | null>(
        (min, c) => (min === null || c.startedAt.getTime() < min.getTime() ? c.startedAt : min),
        null,
      );
  // A fresh stint: clocks met in an earlier stint with this group are history, not this one's.
  const plan: StartPlan = { startedAt: () => pc.at, selectedAt: pc.at };
  for (const metric of METRICS) {
    const startedAt = chosen.onReassign === 'continue' ? (firstStart(metric) ?? pc.at) : pc.at;
    startMetric(pc, { kind: 'ola', groupId: toGroupId }, chosen, metric, startedAt, plan);
  }
}

/** After a priority change: the current group's OLA, chosen again for the new priority. */
export function reconcileOla(pc: PlanContext): void {
  const groupId = pc.record.groupId;
  if (!groupId) return;
  const current = pc.book.clocks.find(
    (c) => c.kind === 'ola' && c.groupId === groupId && c.state !== 'stopped',
  );
  const selectedAt = current?.selectedAt ?? pc.at;
  const chosen = chooseOla(pc, groupId, selectedAt);
  reconcileParty(pc, { kind: 'ola', groupId }, chosen, { startedAt: () => pc.at, selectedAt });
}

/** An engaged supplier's underpinning contract, from the moment they were engaged. */
export function reconcileUc(pc: PlanContext, e: EngagementFacts): void {
  const chosen = choose(pc, { kind: 'uc', at: e.engagedAt, customerId: null, supplierId: e.supplierId });
  reconcileParty(pc, { kind: 'uc', engagementId: e.id }, chosen, {
    startedAt: () => e.engagedAt,
    selectedAt: e.engagedAt,
  });
}

/** Meet (or stop) the active clocks that match, with a reason. */
export function finishClocks(
  pc: PlanContext,
  match: (c: BookClock) => boolean,
  how: 'meet' | 'stop',
  reason: string,
): void {
  for (const c of activeClocks(pc.book, match))
    commandClock(pc.book, c, { type: how, at: pc.at }, pc.cause, { stopReason: reason });
}
