/**
 * The identity module's public face. People, groups, their memberships and roles are what every
 * module names and joins, so the identity tables are shared read-only (documented exception in
 * the architecture test); accounts change only through this module's services.
 */
export { createUser } from './directory.ts';
export { namesOf, peopleNamed } from './names.ts';
export { groupMembers, groups, userRoles, users } from './schema.ts';
/** Who a person is as an actor (roles, groups): scheduled work acts with its owner's rights. */
export { loadActor } from './service.ts';
export { type LoginAttackAlert, onLoginAttackSuspected } from './throttle.ts';
