/**
 * The record policy: what a viewer may do on a record. Services check an action with it before
 * doing it, and the presenter lists the allowed actions with it, so the two never disagree.
 */
import type { StateCategory } from '../lifecycle/engine.ts';
import { type Actor, canOnRecord, type RecordAccessFacts, type RecordAction } from '../roles.ts';

export type RecordPolicyFacts = RecordAccessFacts & { stateCategory: StateCategory | undefined };

/** Closed records are final: their fields and assignment no longer change. */
export function isEditableState(category: StateCategory | undefined): boolean {
  return category !== 'closed';
}

/** Moving a record changes it, which a read-only token may not do. */
export function mayTransition(actor: Actor): boolean {
  return actor.scopes === null || actor.scopes.some((s) => s !== 'read');
}

export function recordAllows(actor: Actor, action: RecordAction, facts: RecordPolicyFacts): boolean {
  if ((action === 'update' || action === 'assign') && !isEditableState(facts.stateCategory)) return false;
  return canOnRecord(actor, action, facts);
}
