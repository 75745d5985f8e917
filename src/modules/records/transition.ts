/**
 * Moving records through their lifecycle: by a person (checked against the lifecycle's roles and
 * required fields, the reopen window and optimistic concurrency) or by the system (a parent
 * resolving its children, a request completing when its tasks do). Both write history and emit
 * the record event inside the same transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { RecordTransition } from '../../contracts/records.ts';
import type { Db } from '../../db/client.ts';
import { assertVersion } from '../../db/version.ts';
import {
  checkTransition,
  isUnresolved,
  type Lifecycle,
  type LifecycleState,
  type LifecycleTransition,
  stateOf,
} from '../../domain/lifecycle/engine.ts';
import { describeRefs, raciAllows } from '../../domain/process/raci.ts';
import { mayTransition } from '../../domain/records/policy.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { AppError, forbidden, invalid } from '../../errors.ts';
import { getLifecycle, getProcessOptions, getRaci } from '../settings/index.ts';
import { loadRecord, type RecordRow } from './access.ts';
import { emitRecordEvent, type RecordEventContext } from './events.ts';
import type { RecordView } from './present.ts';
import { recordComments, records } from './schema.ts';
import { type Change, getRecordView, writeHistory } from './service.ts';
import type { RecordTypeConfig } from './types.ts';

/** A lifecycle move as the contract declares it. */
export type TransitionInput = RecordTransition;

type Applied = { record: RecordRow; changes: Change[] };

/** The state change and its side effects (resolved/closed stamps, reopen count), written with history. */
export async function applyTransition(
  tx: Db,
  lifecycle: Lifecycle,
  row: RecordRow,
  target: LifecycleState,
  fields: { resolutionCode?: string | undefined; resolutionNotes?: string | undefined },
  actorId: string | null,
  now: Date,
): Promise<Applied> {
  const fromCat = stateOf(lifecycle, row.state)?.category;
  const update: Partial<RecordRow> = { state: target.key, updatedAt: now, version: row.version + 1 };
  if (target.category === 'resolved') {
    update.resolvedAt = now;
    update.resolutionCode = fields.resolutionCode ?? row.resolutionCode;
    update.resolutionNotes = fields.resolutionNotes ?? row.resolutionNotes;
  }
  if (target.category === 'closed') update.closedAt = now;
  if ((fromCat === 'resolved' || fromCat === 'closed') && isUnresolved(target.category)) {
    update.resolvedAt = null;
    update.reopenCount = row.reopenCount + 1;
  }
  await tx.update(records).set(update).where(eq(records.id, row.id));
  const changes: Change[] = [{ field: 'state', oldValue: row.state, newValue: target.key }];
  for (const f of ['resolutionCode', 'resolutionNotes'] as const) {
    if (update[f] !== undefined && update[f] !== row[f])
      changes.push({ field: f, oldValue: row[f], newValue: update[f] });
  }
  await writeHistory(tx, row.id, actorId, now, changes);
  return { record: { ...row, ...update } as RecordRow, changes };
}

/** Closing and approving are decided by the process's RACI matrix (a requester confirming their own record excepted). */
async function assertRaci(
  tx: Db,
  cfg: RecordTypeConfig,
  t: LifecycleTransition,
  actor: Actor,
  isRequester: boolean,
) {
  if (!t.activity || (t.requester && isRequester)) return;
  const { value: raci } = await getRaci(tx, cfg.process);
  if (raciAllows(raci, t.activity, actor)) return;
  const a = raci.activities.find((x) => x.key === t.activity)!;
  throw forbidden(
    `In the ${cfg.process} RACI matrix, "${a.label}" belongs to: ${describeRefs([...a.responsible, ...a.accountable], new Map())}.`,
  );
}

/** A reopen (resolved → open) is allowed only within the process's reopen window. */
async function assertReopenWindow(
  tx: Db,
  cfg: RecordTypeConfig,
  lifecycle: Lifecycle,
  row: RecordRow,
  target: LifecycleState,
  now: Date,
) {
  const fromCat = stateOf(lifecycle, row.state)?.category;
  if (
    fromCat !== 'resolved' ||
    !row.resolvedAt ||
    (target.category !== 'open' && target.category !== 'paused')
  )
    return;
  const { reopenWindowDays } = await getProcessOptions(tx, cfg.process);
  if (now.getTime() - row.resolvedAt.getTime() > reopenWindowDays * 86400_000) {
    throw new AppError(
      'lifecycle.transition_forbidden',
      `${row.number} was resolved more than ${reopenWindowDays} days ago and can no longer be reopened; raise a new ${cfg.label.toLowerCase()} and link it.`,
    );
  }
}

export async function transitionRecord(
  ctx: AppContext,
  actor: Actor,
  cfg: RecordTypeConfig,
  idOrNumber: string,
  input: TransitionInput,
  expectedVersion: number | undefined,
  allowedResolutionCodes: readonly string[],
): Promise<RecordView> {
  const now = ctx.clock.now();
  const id = await ctx.db.transaction(async (tx) => {
    const { row } = await loadRecord(ctx, actor, idOrNumber, { type: cfg.type, lock: true, db: tx });
    // A stale version answers 412 before anything else: the state it was taken from may be gone.
    assertVersion(row, expectedVersion);
    const { value: lifecycle } = await getLifecycle(tx, cfg.process);
    const check = checkTransition(
      lifecycle,
      row.state,
      input.to,
      { roles: actor.roles, isRequester: row.requesterId === actor.userId },
      input,
    );
    if (!check.ok) {
      if (check.reason === 'forbidden') throw forbidden(check.detail);
      if (check.reason === 'missing_fields') {
        throw invalid(
          check.fields.map((f) => ({ field: f, message: 'required for this transition' })),
          check.detail,
        );
      }
      throw new AppError('lifecycle.transition_forbidden', check.detail, [], {
        from: row.state,
        to: input.to,
      });
    }
    if (!mayTransition(actor)) throw forbidden('A read-only token cannot change records.');
    await assertRaci(tx, cfg, check.transition, actor, row.requesterId === actor.userId);
    const target = stateOf(lifecycle, check.transition.to)!;
    if (
      target.category === 'resolved' &&
      input.resolutionCode &&
      !allowedResolutionCodes.includes(input.resolutionCode)
    ) {
      throw invalid([
        { field: 'resolutionCode', message: `must be one of ${allowedResolutionCodes.join(', ')}` },
      ]);
    }
    await assertReopenWindow(tx, cfg, lifecycle, row, target, now);
    const applied = await applyTransition(tx, lifecycle, row, target, input, actor.userId, now);
    const internal = input.commentVisibility === 'internal' && can(actor, 'comment.write_internal');
    await noteTransition(
      { ctx, tx, cfg, lifecycle, actorId: actor.userId, at: now },
      row,
      applied,
      check.transition.key,
      input.comment?.trim() ? { body: input.comment, visibility: internal ? 'internal' : 'public' } : null,
    );
    return row.id;
  });
  return getRecordView(ctx, actor, cfg, id);
}

/**
 * Move a record as the system, inside the caller's transaction: no role check (the caller decided),
 * history attributed to `actorId` (or the system when null), a public comment saying why.
 * Returns false when the record is already in the target state or the lifecycle lacks it.
 */
export async function systemTransition(
  ctx: AppContext,
  tx: Db,
  cfg: RecordTypeConfig,
  recordId: string,
  to: string,
  opts: {
    reason: string;
    actorId: string | null;
    resolutionCode?: string | null;
    resolutionNotes?: string | null;
  },
): Promise<boolean> {
  const [row] = await tx
    .select()
    .from(records)
    .where(and(eq(records.id, recordId), eq(records.type, cfg.type)))
    .for('update');
  const { value: lifecycle } = await getLifecycle(tx, cfg.process);
  const target = stateOf(lifecycle, to);
  if (!row || !target || row.state === to) return false;
  const now = ctx.clock.now();
  const applied = await applyTransition(
    tx,
    lifecycle,
    row,
    target,
    { resolutionCode: opts.resolutionCode ?? undefined, resolutionNotes: opts.resolutionNotes ?? undefined },
    opts.actorId,
    now,
  );
  await noteTransition({ ctx, tx, cfg, lifecycle, actorId: opts.actorId, at: now }, row, applied, 'system', {
    body: opts.reason,
    visibility: 'public',
  });
  return true;
}

/**
 * What follows a move, in its transaction: the comment that came with it (by the actor, when
 * there is one) and the `transitioned` event the other modules react to.
 */
async function noteTransition(
  ec: RecordEventContext,
  before: RecordRow,
  applied: Applied,
  transition: string,
  comment: { body: string; visibility: 'internal' | 'public' } | null,
): Promise<void> {
  if (comment)
    await ec.tx
      .insert(recordComments)
      .values({ recordId: before.id, authorId: ec.actorId, ...comment, createdAt: ec.at });
  await emitRecordEvent(
    {
      kind: 'transitioned',
      record: applied.record,
      before,
      from: before.state,
      to: applied.record.state,
      transition,
    },
    ec,
  );
}
