/**
 * What a lifecycle transition does besides moving the record: its `effects.notify` parties are
 * told, one notification per person, in the transaction that took the transition. The parties
 * are resolved to people (RACI consulted and informed of the transition's activity stand for
 * everyone holding the role or in the group) and written to the notification outbox, in reaction
 * to the records core's `transitioned` event, through the record.transitioned templates. The
 * person who took the transition is never told about their own action.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import {
  findSystemTransition,
  type LifecycleTransition,
  type NotifyParty,
  stateOf,
} from '../../domain/lifecycle/engine.ts';
import { RECIPIENT_PARTY_LABELS } from '../../domain/notify/recipients.ts';
import {
  type RecordEvent,
  type RecordEventContext,
  recordWatchers,
  registerRecordHook,
} from '../records/index.ts';
import { getRaci } from '../settings/index.ts';
import { peopleOf } from './audience.ts';
import { notifyEvent } from './dispatch.ts';

type Transitioned = Extract<RecordEvent, { kind: 'transitioned' }>;

/** The lifecycle transition an event took: by its key, or the system's way between the two states. */
export function transitionTaken(ec: RecordEventContext, e: Transitioned): LifecycleTransition | undefined {
  const byKey = ec.lifecycle.transitions.find(
    (t) => t.key === e.transition && t.to === e.to && t.from.includes(e.from),
  );
  if (byKey) return byKey;
  if (!stateOf(ec.lifecycle, e.from)) return undefined;
  const t = findSystemTransition(ec.lifecycle, e.from, e.to);
  return t?.to === e.to ? t : undefined;
}

async function partyIds(
  tx: Db,
  ec: RecordEventContext,
  e: Transitioned,
  t: LifecycleTransition,
  party: NotifyParty,
): Promise<string[]> {
  switch (party) {
    case 'requester':
      return [e.record.requesterId];
    case 'assignee':
      return e.record.assigneeId ? [e.record.assigneeId] : [];
    case 'watchers':
      return (
        await tx
          .select({ id: recordWatchers.userId })
          .from(recordWatchers)
          .where(eq(recordWatchers.recordId, e.record.id))
      ).map((w) => w.id);
    case 'consulted':
    case 'informed': {
      if (!t.activity) return [];
      const { value: raci } = await getRaci(tx, ec.cfg.process);
      const activity = raci.activities.find((a) => a.key === t.activity);
      return activity ? peopleOf(tx, activity[party]) : [];
    }
  }
}

/** Tell the transition's notify parties, once per person, never the actor; a resolved problem tells its rule's parties. */
export async function notifyTransitionEffects(e: Transitioned, ec: RecordEventContext): Promise<void> {
  const t = transitionTaken(ec, e);
  const { tx } = ec;
  const label = (key: string) => stateOf(ec.lifecycle, key)?.label ?? key;
  const to = stateOf(ec.lifecycle, e.to);
  const r = e.record;
  const resolution = to?.category === 'resolved' ? r.resolutionNotes : null;
  const vars = {
    fromState: label(e.from),
    toState: label(e.to),
    transition: t?.label ?? e.transition,
    resolution,
  };
  const base = { record: r, actorId: ec.actorId, at: ec.at };
  const notify = t?.effects?.notify;
  if (t && notify && notify.length > 0) {
    const named: [string, string][] = [];
    for (const party of notify)
      for (const id of await partyIds(tx, ec, e, t, party)) named.push([id, RECIPIENT_PARTY_LABELS[party]]);
    await notifyEvent(ec.ctx, tx, { ...base, event: 'record.transitioned', vars, named });
  }
  if (
    r.type === 'problem' &&
    to?.category === 'resolved' &&
    stateOf(ec.lifecycle, e.from)?.category !== 'resolved'
  )
    await notifyEvent(ec.ctx, tx, { ...base, event: 'problem.resolved', vars: { resolution } });
}

export function registerTransitionEffectHooks(): void {
  registerRecordHook(
    'lifecycle.transition-effects',
    async (event, ec) => {
      if (event.kind === 'transitioned') await notifyTransitionEffects(event, ec);
    },
    ['transitioned'],
  );
}
