import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { findSystemTransition, type Lifecycle, stateOf } from '../../domain/lifecycle/engine.ts';
import { AppError, invalid } from '../../errors.ts';
import { DEFAULT_LIFECYCLES, getLifecycle } from '../settings/service.ts';
import { findRecord, type RecordRow } from './access.ts';
import { emitRecordEvent } from './events.ts';
import { insertRecordRow, recordRowFromSql } from './insert.ts';
import { recordComments } from './schema.ts';
import { type CreateRecordInput, checkAssignment, writeHistory } from './service.ts';
import { applyTransition } from './transition.ts';
import type { RecordTypeConfig } from './types.ts';

/**
 * Create a record inside `tx` on behalf of `createdBy` (null: the system). The caller has
 * already decided the creation is allowed; references are still checked.
 */
export async function createRecordInTransaction(
  ctx: AppContext,
  tx: Db,
  cfg: RecordTypeConfig,
  input: CreateRecordInput & { requesterId: string },
  createdBy: string | null,
): Promise<RecordRow> {
  await checkAssignment(tx, input.assigneeId, input.groupId);
  const values = { ...input, impact: input.impact ?? 3, urgency: input.urgency ?? 3 };
  const raw = await insertRecordRow(ctx, tx, createdBy, cfg, values);
  if (!raw) throw invalid([{ field: 'requesterId', message: 'no active user with this id' }]);
  const row = recordRowFromSql(raw);
  const lifecycle = (raw.lifecycle_json as Lifecycle | null) ?? DEFAULT_LIFECYCLES[cfg.process];
  await emitRecordEvent(
    { kind: 'created', record: row },
    { ctx, tx, cfg, lifecycle, actorId: createdBy, at: row.createdAt },
  );
  return row;
}

export type SystemTransitionInput = {
  /** Target state or transition key. */
  to: string;
  /** Why the system moved the record; kept in the history next to the state change. */
  reason: string;
  /** Optional public comment for the requester, e.g. an approver's reason for rejecting. */
  comment?: { body: string; authorId: string | null } | undefined;
};

/** Move a record along its lifecycle as the system, inside `tx`. Returns the updated row. */
export async function takeSystemTransition(
  ctx: AppContext,
  tx: Db,
  cfg: RecordTypeConfig,
  recordId: string,
  input: SystemTransitionInput,
): Promise<RecordRow> {
  const row = await findRecord(tx, recordId, true);
  if (!row || row.type !== cfg.type)
    throw new Error(`${cfg.label} ${recordId} not found for a system transition`);
  const { value: lifecycle } = await getLifecycle(tx, cfg.process);
  const t = findSystemTransition(lifecycle, row.state, input.to);
  const target = t ? stateOf(lifecycle, t.to) : undefined;
  if (!t || !target) {
    throw new AppError(
      'lifecycle.transition_forbidden',
      `${row.number} is "${stateOf(lifecycle, row.state)?.label ?? row.state}" and cannot move to "${input.to}".`,
      [],
      { from: row.state, to: input.to },
    );
  }
  const now = ctx.clock.now();
  const { record } = await applyTransition(tx, lifecycle, row, target, {}, null, now);
  await writeHistory(tx, row.id, null, now, [{ field: 'reason', oldValue: null, newValue: input.reason }]);
  if (input.comment?.body.trim()) {
    await tx.insert(recordComments).values({
      recordId: row.id,
      authorId: input.comment.authorId,
      body: input.comment.body,
      visibility: 'public',
      createdAt: now,
    });
  }
  await emitRecordEvent(
    { kind: 'transitioned', record, before: row, from: row.state, to: target.key, transition: t.key },
    { ctx, tx, cfg, lifecycle, actorId: null, at: now },
  );
  return record;
}
