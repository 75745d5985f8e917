/**
 * Who does what in change management: agents work changes (raise, plan, implement); the change
 * manager (and admins) assess, send to the board, veto, override conflicts, close after review and
 * keep the templates, the questionnaire and the boards; board members vote.
 */
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { assertVersion } from '../../db/version.ts';
import type { Lifecycle } from '../../domain/lifecycle/engine.ts';
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden } from '../../errors.ts';
import { CHANGE, loadRecord, type RecordRow } from '../records/index.ts';
import { getLifecycle } from '../settings/index.ts';

export function isChangeManager(actor: Actor): boolean {
  return can(actor, 'change.manage');
}

export function assertChangeManager(actor: Actor, what: string): void {
  if (!isChangeManager(actor)) throw forbidden(`Only the change manager may ${what}.`);
}

export function assertChangeWorker(actor: Actor): void {
  if (!can(actor, 'record.update') && !isChangeManager(actor))
    throw forbidden('Only agents and change managers work on changes.');
}

export function assertChangeReader(actor: Actor): void {
  if (!can(actor, 'record.read_all')) throw forbidden('Only staff see change management.');
}

/**
 * The change `ref`, locked in `tx` for an edit the actor may make, at the version the client
 * read (412 otherwise), with the change lifecycle its state is read against.
 */
export async function lockChangeForEdit(
  ctx: AppContext,
  actor: Actor,
  ref: string,
  tx: Db,
  expectedVersion: number | undefined,
): Promise<{ row: RecordRow; lifecycle: Lifecycle }> {
  const { row } = await loadRecord(ctx, actor, ref, {
    type: CHANGE.type,
    need: 'update',
    lock: true,
    db: tx,
  });
  assertVersion(row, expectedVersion);
  const { value: lifecycle } = await getLifecycle(tx, CHANGE.process);
  return { row, lifecycle };
}
