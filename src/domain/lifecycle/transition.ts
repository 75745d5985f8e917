/**
 * Writing a default lifecycle's transitions: most are taken by the working roles, not by the
 * requester, and require nothing, so a transition names only what differs from that.
 */
import type { Role } from '../roles.ts';
import type { LifecycleTransition } from './engine.ts';

/** The roles that work records: everyone but the requester and the read-only roles. */
export const WORKERS: Role[] = ['admin', 'service_manager', 'process_owner', 'agent'];

export type TransitionSpec = Omit<LifecycleTransition, 'roles' | 'requester' | 'requires'> &
  Partial<Pick<LifecycleTransition, 'roles' | 'requester' | 'requires'>>;

/** A transition with the usual defaults filled in, its fields in the order the engine lists them. */
export function transition(spec: TransitionSpec): LifecycleTransition {
  const { key, label, from, to, roles = WORKERS, requester = false, requires = [], ...rest } = spec;
  return { key, label, from, to, roles, requester, requires, ...rest };
}
