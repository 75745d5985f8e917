/**
 * Who does what in change management: agents work changes (raise, plan, implement); the change
 * manager (and admins) assess, send to the board, veto, override conflicts, close after review and
 * keep the templates, the questionnaire and the boards; board members vote.
 */
import { type Actor, can } from '../../domain/roles.ts';
import { forbidden } from '../../errors.ts';

export function isChangeManager(actor: Actor): boolean {
  const writes = actor.scopes === null || actor.scopes.includes('write');
  return writes && actor.roles.some((r) => r === 'admin' || r === 'change_manager');
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
