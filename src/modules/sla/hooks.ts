/**
 * The SLA module's record hook: every change to a record moves its clocks, in the same
 * transaction: load the facts, let the planner (src/domain/sla/planner.ts) decide, apply the plan.
 * The rules the planner follows (docs/service-levels.md):
 * - created: the SLA clocks start at creation; the assigned group's OLA clocks too;
 * - first transition out of the initial state (other than straight to closed): the SLA response
 *   clock is met;
 * - assigned to a person: the OLA response clock of the group holding the record is met;
 * - a paused-category state pauses every running clock; leaving it resumes them;
 * - a resolved-category state meets every clock and releases engaged suppliers; reopening
 *   resumes the SLA and OLA resolution clocks, the time spent resolved not counting;
 * - a closed-category state reached without resolution stops every clock;
 * - priority or service changed: the agreements are chosen again and the clocks retargeted from
 *   their original start (or replaced by the new agreement's);
 * - group changed: the old group's OLA clocks stop and the new group's start (restart or continue).
 */
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import type { Cause, ClockBook } from '../../domain/sla/clock-book.ts';
import { CLOCK_FIELDS, type ClockPlan, type PlanEvent, planClocks } from '../../domain/sla/planner.ts';
import {
  type CreateContribution,
  type PendingCreate,
  type RecordEvent,
  type RecordEventContext,
  type RecordRow,
  registerRecordHook,
} from '../records/index.ts';
import { anyAgreementAgreed } from './agreements.ts';
import { enqueueAlert } from './alerts.ts';
import { type FactNeeds, type FactsInput, loadPlanFacts } from './clock-facts.ts';
import {
  type ApplyOptions,
  applyPlan,
  emptyClockBook,
  firstClockWrites,
  loadClockBook,
} from './clock-store.ts';
import { lookUpNames } from './names.ts';

async function updateCause(tx: Db, e: Extract<RecordEvent, { kind: 'updated' }>, actorId: string | null) {
  const changed = (f: string) => e.changes.find((c) => c.field === f);
  const names = await lookUpNames(tx, {
    groups: [e.before.groupId, e.record.groupId],
    services: [e.record.serviceId],
    users: [e.record.assigneeId],
  });
  const parts: string[] = [];
  const priority = changed('priority');
  if (priority) parts.push(`Priority ${priority.oldValue} → ${priority.newValue}`);
  if (changed('serviceId')) parts.push(`Service ${names.service(e.record.serviceId)?.name ?? 'removed'}`);
  if (changed('groupId'))
    parts.push(
      `Reassigned from ${names.group(e.before.groupId)?.name ?? 'no group'} to ${names.group(e.record.groupId)?.name ?? 'no group'}`,
    );
  if (changed('assigneeId') && e.record.assigneeId)
    parts.push(`Assigned to ${names.user(e.record.assigneeId)?.name}`);
  return { actorId, text: parts.join('; ') };
}

const stateLabel = (ec: RecordEventContext, key: string) =>
  ec.lifecycle.states.find((s) => s.key === key)?.label ?? key;

/**
 * What the planner is given about a record being created, whether it is inserted already (the
 * `created` event) or about to be (`prepareCreate`): no clocks yet, the requester's organisation
 * as the create read it, and the record's raising as the cause.
 */
function createdInput(
  c: Pick<RecordEventContext, 'actorId' | 'cfg' | 'lifecycle' | 'at' | 'requester'>,
  record: RecordRow,
): FactsInput {
  return {
    book: emptyClockBook(record.id),
    record,
    lifecycle: c.lifecycle,
    at: c.at,
    cause: { actorId: c.actorId, text: `${c.cfg.label} raised` },
    requesterOrganisationId: c.requester?.organisationId,
  };
}

async function causeOf(
  event: Exclude<RecordEvent, { kind: 'created' }>,
  ec: RecordEventContext,
): Promise<Cause> {
  const actorId = ec.actorId;
  if (event.kind === 'transitioned')
    return { actorId, text: `State ${stateLabel(ec, event.from)} → ${stateLabel(ec, event.to)}` };
  return updateCause(ec.tx, event, actorId);
}

/** A record created: its agreements are chosen. */
const CREATED: { plan: PlanEvent; needs: FactNeeds } = {
  plan: { kind: 'created' },
  needs: { selection: true },
};

/** The planner's view of the record event, and which facts deciding it needs. */
function planEventOf(event: RecordEvent): { plan: PlanEvent; needs: FactNeeds } | null {
  if (event.kind === 'created') return CREATED;
  if (event.kind === 'transitioned')
    return { plan: { kind: 'transitioned', from: event.from, to: event.to }, needs: { engagements: true } };
  const fields = event.changes
    .map((c) => c.field)
    .filter((f) => (CLOCK_FIELDS as readonly string[]).includes(f));
  if (!fields.length) return null;
  const selects = fields.some((f) => f !== 'assigneeId');
  return {
    plan: { kind: 'updated', fields },
    needs: { selection: selects, engagements: fields.includes('priority') },
  };
}

/** Apply a plan, enqueuing the alerts it fires, and say how many fired. */
export async function applyClockPlan(
  ctx: AppContext,
  tx: Db,
  book: ClockBook,
  plan: ClockPlan,
  o: Pick<ApplyOptions, 'now' | 'actorId' | 'currentDue' | 'dims'>,
): Promise<number> {
  return applyPlan(tx, book.recordId, plan, { ...o, onFired: enqueueAlert(ctx, tx) });
}

/** Load the facts, plan, apply: the one way a change reaches a record's clocks. */
export async function runClockPlan(
  ctx: AppContext,
  tx: Db,
  input: Omit<FactsInput, 'book'> & { book?: ClockBook },
  event: PlanEvent,
  needs: FactNeeds,
): Promise<ClockPlan> {
  const book = input.book ?? (await loadClockBook(tx, input.record.id));
  const facts = await loadPlanFacts(ctx, tx, { ...input, book }, needs);
  const plan = planClocks(facts, event);
  await applyClockPlan(ctx, tx, book, plan, {
    now: input.at,
    actorId: input.cause.actorId,
    currentDue: input.record.slaDueAt,
    // The record's row is held by this transaction: its type and service are current.
    dims: { recordType: input.record.type, recordServiceId: input.record.serviceId },
  });
  return plan;
}

async function onRecordEvent(event: RecordEvent, ec: RecordEventContext): Promise<void> {
  const planned = planEventOf(event);
  if (!planned) return;
  const plan = await runClockPlan(
    ec.ctx,
    ec.tx,
    event.kind === 'created'
      ? createdInput(ec, event.record)
      : { record: event.record, lifecycle: ec.lifecycle, at: ec.at, cause: await causeOf(event, ec) },
    planned.plan,
    planned.needs,
  );
  // The create response is presented from this very row: keep it in step with the column.
  event.record.slaDueAt = plan.dueAt;
}

/**
 * A record's first clocks, decided before its insert: the same facts and planner as the
 * `created` event, with the record as it will be written; its clocks and their timeline are
 * written by the insert's statement, which writes its due instant with it.
 */
async function prepareCreate(p: PendingCreate): Promise<CreateContribution | null> {
  const facts = await loadPlanFacts(p.ctx, p.ctx.db, createdInput(p, p.record), CREATED.needs);
  const plan = planClocks(facts, CREATED.plan);
  const writes = firstClockWrites(plan, { recordType: p.record.type, recordServiceId: p.record.serviceId });
  return writes && { slaDueAt: plan.dueAt, writes };
}

export function registerSlaHooks(): void {
  // A record being created starts clocks only once some agreement is agreed; until then creating
  // one needs no transaction on the SLA's account. Later events may meet clocks already running.
  registerRecordHook(
    'sla.clocks',
    onRecordEvent,
    undefined,
    (ctx, _cfg, kind) => (kind === 'created' ? anyAgreementAgreed(ctx) : Promise.resolve(true)),
    prepareCreate,
  );
}
