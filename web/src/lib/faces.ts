/**
 * Which face of Steward a user sees, and which admin areas their roles open, by the API's own
 * rules where it has one (`userCan`). Navigation only: the API decides.
 */
import type { Role, User } from '../api/types.ts';
import { userCan } from '../auth/can.ts';

const PORTAL_ONLY: readonly Role[] = ['requester', 'approver'];

/** Users whose roles are only requester and/or approver (or none) use the self-service portal. */
export function isPortalUser(user: Pick<User, 'roles'>): boolean {
  return user.roles.every((r) => PORTAL_ONLY.includes(r));
}

export const homePath = (user: Pick<User, 'roles'>) => (isPortalUser(user) ? '/portal' : '/incidents');

export const adminAreas = (user: Pick<User, 'id' | 'roles'>) => {
  const settings = userCan(user, 'settings.manage');
  const audit = userCan(user, 'audit.read');
  return {
    users: userCan(user, 'user.manage'),
    groups: userCan(user, 'group.manage'),
    audit,
    priorityMatrix: settings,
    processes: settings,
    automation: settings,
    notifications: settings,
    webhooks: settings,
    notificationLog: audit,
    // Inbound mail is read by those who keep the settings and by auditors.
    inboundMail: settings || audit,
    inboundMailManage: settings,
  };
};

/** Who maintains catalog items (their forms, approvals and tasks): the API's catalog managers. */
export const canManageCatalog = (user: Pick<User, 'id' | 'roles'>) => userCan(user, 'catalog.manage');

/** What a user may do in the CMDB (browse, maintain and import, edit the class model). */
export const cmdbAreas = (user: Pick<User, 'id' | 'roles'>) => ({
  browse: !isPortalUser(user),
  manage: userCan(user, 'cmdb.manage'),
  classes: userCan(user, 'cmdb.class.manage'),
});
