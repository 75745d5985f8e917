/**
 * Whether `user`'s roles allow `action`, by the server's own rules (src/domain/roles.ts): what to
 * offer, without a second list of roles in the web app to drift from the server's, and without
 * asking the API a question it would refuse. The API still decides.
 */
import { type Action, can } from '../../../src/domain/roles.ts';
import type { User } from '../api/types.ts';

export const userCan = (user: Pick<User, 'id' | 'roles'>, action: Action): boolean =>
  can({ userId: user.id, roles: user.roles, groupIds: [], scopes: null }, action);
