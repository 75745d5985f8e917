/** Which face of Steward a user sees, and which admin areas their roles open. Navigation only: the API decides. */
import type { Role, User } from '../api/types.ts';

const PORTAL_ONLY: readonly Role[] = ['requester', 'approver'];

/** Users whose roles are only requester and/or approver (or none) use the self-service portal. */
export function isPortalUser(user: Pick<User, 'roles'>): boolean {
  return user.roles.every((r) => PORTAL_ONLY.includes(r));
}

export const homePath = (user: Pick<User, 'roles'>) => (isPortalUser(user) ? '/portal' : '/incidents');

const has = (user: Pick<User, 'roles'>, roles: readonly Role[]) => user.roles.some((r) => roles.includes(r));

export const adminAreas = (user: Pick<User, 'roles'>) => ({
  users: has(user, ['admin']),
  groups: has(user, ['admin', 'service_manager']),
  audit: has(user, ['admin', 'auditor']),
  priorityMatrix: has(user, ['admin', 'process_owner']),
});

export function hasAnyAdminArea(user: Pick<User, 'roles'>): boolean {
  return Object.values(adminAreas(user)).some(Boolean);
}
