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
  processes: has(user, ['admin', 'process_owner']),
  automation: has(user, ['admin', 'process_owner']),
  notifications: has(user, ['admin', 'process_owner']),
  webhooks: has(user, ['admin', 'process_owner']),
  notificationLog: has(user, ['admin', 'auditor']),
  inboundMail: has(user, ['admin', 'process_owner', 'auditor']),
  inboundMailManage: has(user, ['admin', 'process_owner']),
});

/** Who maintains catalog items (their forms, approvals and tasks): the API's catalog managers. */
export const canManageCatalog = (user: Pick<User, 'roles'>) => has(user, ['admin', 'service_manager']);

/** What a user may do in the CMDB (browse, maintain and import, edit the class model). */
export const cmdbAreas = (user: Pick<User, 'roles'>) => ({
  browse: !isPortalUser(user),
  manage: has(user, ['admin', 'service_manager', 'agent']),
  classes: has(user, ['admin']),
});
