/**
 * The SLA module's record hook: every change to a record moves its clocks, in the same
 * transaction. The rules (docs/service-levels.md):
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
import { type RecordEvent, type RecordEventContext, registerRecordHook } from '../records/index.ts';
import { anyAgreementAgreed } from './agreements.ts';
import { enqueueAlert } from './alerts.ts';
import { activeClocks, beginPause, type Cause, commandClock, endPause } from './clock-engine.ts';
import {
  categoryOf,
  finishClocks,
  type RuleContext,
  reassignOla,
  reconcileOla,
  reconcileSla,
  reconcileUc,
} from './clock-rules.ts';
import {
  earliestDue,
  emptyRecordClocks,
  loadRecordClocks,
  type RecordClocks,
  saveRecordClocks,
  writeRecordDue,
} from './clock-store.ts';
import { markReleased, openEngagements } from './engagement-store.ts';
import { lookUpNames } from './names.ts';

async function onCreated(rc: RuleContext): Promise<void> {
  if (categoryOf(rc.lifecycle, rc.record.state) === 'paused') beginPause(rc.state, rc.at, 'paused_state');
  await reconcileSla(rc);
  if (rc.record.groupId) await reassignOla(rc, rc.record.groupId);
}

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

async function onUpdated(rc: RuleContext, e: Extract<RecordEvent, { kind: 'updated' }>): Promise<void> {
  const fields = new Set(e.changes.map((c) => c.field));
  if (!['groupId', 'serviceId', 'priority', 'assigneeId'].some((f) => fields.has(f))) return;
  rc.cause = await updateCause(rc.tx, e, rc.cause.actorId);
  if (fields.has('groupId')) await reassignOla(rc, rc.record.groupId);
  if (fields.has('serviceId') || fields.has('priority')) await reconcileSla(rc);
  if (fields.has('priority')) {
    await reconcileOla(rc);
    for (const engagement of await openEngagements(rc.tx, rc.record.id)) await reconcileUc(rc, engagement);
  }
  if (fields.has('assigneeId') && rc.record.assigneeId)
    finishClocks(
      rc,
      (c) => c.kind === 'ola' && c.metric === 'response' && c.groupId === rc.record.groupId,
      'meet',
      'assigned',
    );
}

/** Suppliers engaged on a record finish with it: their contract clocks end too. */
async function releaseSuppliers(rc: RuleContext, how: 'meet' | 'stop', note: string): Promise<void> {
  for (const e of await openEngagements(rc.tx, rc.record.id)) {
    await markReleased(rc.tx, e.id, rc.at, rc.cause.actorId, note);
    finishClocks(rc, (c) => c.engagementId === e.id, how, 'released');
  }
}

async function onTransitioned(
  rc: RuleContext,
  e: Extract<RecordEvent, { kind: 'transitioned' }>,
): Promise<void> {
  const from = categoryOf(rc.lifecycle, e.from);
  const to = categoryOf(rc.lifecycle, e.to);
  // Cancelling straight from the initial state is no response: that clock stops with the rest below.
  if (e.from === rc.lifecycle.initial && e.to !== e.from && to !== 'closed')
    finishClocks(rc, (c) => c.kind === 'sla' && c.metric === 'response', 'meet', 'responded');
  if (to === 'resolved' && from !== 'resolved') {
    endPause(rc.state, rc.at);
    finishClocks(rc, () => true, 'meet', 'resolved');
    await releaseSuppliers(rc, 'meet', 'The record was resolved.');
    beginPause(rc.state, rc.at, 'resolved');
  } else if (to === 'closed' && (from === 'open' || from === 'paused')) {
    endPause(rc.state, rc.at);
    finishClocks(rc, () => true, 'stop', 'closed');
    await releaseSuppliers(rc, 'stop', 'The record was closed.');
  } else if ((from === 'resolved' || from === 'closed') && (to === 'open' || to === 'paused')) {
    reopen(rc, to === 'paused');
  } else if (to === 'paused' && from === 'open') {
    beginPause(rc.state, rc.at, 'paused_state');
    for (const c of activeClocks(rc.state)) commandClock(rc.state, c, { type: 'pause', at: rc.at }, rc.cause);
  } else if (from === 'paused' && to === 'open') {
    endPause(rc.state, rc.at);
    for (const c of activeClocks(rc.state))
      commandClock(rc.state, c, { type: 'resume', at: rc.at }, rc.cause);
  }
}

/**
 * Reopening resumes the resolution clocks the resolution met (the SLA's, and the OLA's if the same
 * group still holds the record); the time spent resolved is a pause. Response clocks stay met and
 * released suppliers stay released.
 */
function reopen(rc: RuleContext, paused: boolean): void {
  endPause(rc.state, rc.at);
  if (paused) beginPause(rc.state, rc.at, 'paused_state');
  const resumable = rc.state.clocks.filter(
    (c) =>
      c.state === 'met' &&
      c.metric === 'resolution' &&
      c.stopReason === 'resolved' &&
      (c.kind === 'sla' || (c.kind === 'ola' && c.groupId === rc.record.groupId)),
  );
  for (const c of resumable) commandClock(rc.state, c, { type: 'reopen', at: rc.at, paused }, rc.cause);
}

const stateLabel = (ec: RecordEventContext, key: string) =>
  ec.lifecycle.states.find((s) => s.key === key)?.label ?? key;

function causeOf(event: RecordEvent, ec: RecordEventContext): Cause {
  const actorId = ec.actorId;
  if (event.kind === 'created') return { actorId, text: `${ec.cfg.label} raised` };
  if (event.kind === 'transitioned')
    return { actorId, text: `State ${stateLabel(ec, event.from)} → ${stateLabel(ec, event.to)}` };
  return { actorId, text: 'Record changed' };
}

/** Save the clocks and keep the record's `sla_due_at` (the queue sort key) in step. */
export async function saveAndSync(
  ctx: AppContext,
  tx: Db,
  state: RecordClocks,
  now: Date,
  currentDue: Date | null,
): Promise<{ due: Date | null; fired: number }> {
  const fired = await saveRecordClocks(tx, state, now, enqueueAlert(ctx, tx));
  const due = earliestDue(state);
  if ((due?.getTime() ?? null) !== (currentDue?.getTime() ?? null))
    await writeRecordDue(tx, state.recordId, due);
  return { due, fired };
}

async function onRecordEvent(event: RecordEvent, ec: RecordEventContext): Promise<void> {
  // A record being created has no clocks yet: nothing to read back.
  const state =
    event.kind === 'created'
      ? emptyRecordClocks(event.record.id)
      : await loadRecordClocks(ec.tx, event.record.id);
  const rc: RuleContext = {
    tx: ec.tx,
    state,
    record: event.record,
    lifecycle: ec.lifecycle,
    at: ec.at,
    cause: causeOf(event, ec),
  };
  if (event.kind === 'created') await onCreated(rc);
  else if (event.kind === 'updated') await onUpdated(rc, event);
  else await onTransitioned(rc, event);
  const { due } = await saveAndSync(ec.ctx, ec.tx, state, ec.at, event.record.slaDueAt);
  // The create response is presented from this very row: keep it in step with the column.
  event.record.slaDueAt = due;
}

export function registerSlaHooks(): void {
  // A record being created starts clocks only once some agreement is agreed; until then creating
  // one needs no transaction on the SLA's account. Later events may meet clocks already running.
  registerRecordHook('sla.clocks', onRecordEvent, undefined, (ctx, _cfg, kind) =>
    kind === 'created' ? anyAgreementAgreed(ctx) : Promise.resolve(true),
  );
}
