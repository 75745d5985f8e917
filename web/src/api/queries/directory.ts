/** The directory: users, groups and roles. */
import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../client.ts';
import { defineResource } from '../resource.ts';
import type { Group, GroupInput, Role, RoleInfo, User, UserInput } from '../types.ts';
import { useWriteThen } from '../writes.ts';

export type UserListQuery = { q?: string; role?: Role; groupId?: string; active?: boolean; limit?: number };

/** People: a change to one may change groups' member counts and the signed-in session. */
export const users = defineResource<User, UserInput, UserListQuery>({
  key: ['users'],
  path: '/users',
  alsoInvalidate: [['groups'], ['session']],
});
export const useUserList = users.useList;
export const useUserSearch = users.useSearch;
export const useUser = users.useOne;

/** Names for a set of user ids (watchers, assignees in field history). */
export function useUserNames(ids: readonly string[], enabled = true): Map<string, string> {
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: users.keys.one(id),
      queryFn: () => api.get<User>(`/users/${id}`),
      enabled,
      staleTime: 5 * 60_000,
    })),
  });
  const names = new Map<string, string>();
  results.forEach((r) => {
    if (r.data) names.set(r.data.id, r.data.name);
  });
  return names;
}

/** Saves a patch of one loaded user (the profile page edits the signed-in person this way). */
export function useUpdateUser(user: User | undefined) {
  return useWriteThen((patch: UserInput) => {
    if (!user) throw new Error('No user loaded');
    return api.patch<User>(users.path(user.id), patch, user.version);
  }, users.remember);
}

/** Groups: small enough to load whole; a change to one changes its members' group lists. */
export const groups = defineResource<Group, GroupInput>({
  key: ['groups'],
  path: '/groups',
  alsoInvalidate: [['users']],
  staleTime: 60_000,
});
export const useGroups = (enabled = true) => groups.useAll(undefined, enabled);
export const useGroup = groups.useOne;

export function useRoles() {
  return useQuery({
    queryKey: ['roles'],
    queryFn: () => api.get<RoleInfo[]>('/roles'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
