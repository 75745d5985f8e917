/** The directory: users, groups and roles. */
import { useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../client.ts';
import type { Group, GroupInput, Page, Role, RoleInfo, User, UserInput } from '../types.ts';

export const directoryKeys = {
  users: (q: UserListQuery) => ['users', 'list', q] as const,
  user: (id: string) => ['users', 'one', id] as const,
  groups: ['groups', 'list'] as const,
  group: (id: string) => ['groups', 'one', id] as const,
  roles: ['roles'] as const,
};

export type UserListQuery = { q?: string; role?: Role; groupId?: string; active?: boolean; limit?: number };

export function useUserList(query: UserListQuery, enabled = true) {
  return useInfiniteQuery({
    queryKey: directoryKeys.users(query),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<User>>('/users', { ...query, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** One page of users matching a search, for pickers. */
export function useUserSearch(query: UserListQuery, enabled = true) {
  return useQuery({
    queryKey: ['users', 'search', query],
    queryFn: ({ signal }) => api.get<Page<User>>('/users', { limit: 20, ...query }, signal),
    enabled,
    placeholderData: (prev) => prev,
  });
}

export function useUser(id: string | undefined) {
  return useQuery({
    queryKey: directoryKeys.user(id ?? ''),
    queryFn: ({ signal }) => api.get<User>(`/users/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** Names for a set of user ids (watchers, assignees in field history). */
export function useUserNames(ids: readonly string[], enabled = true): Map<string, string> {
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: directoryKeys.user(id),
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

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UserInput) => api.post<User>('/users', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser(user: User | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: UserInput) => {
      if (!user) throw new Error('No user loaded');
      return api.patch<User>(`/users/${user.id}`, patch, user.version);
    },
    onSuccess: (u) => {
      qc.setQueryData(directoryKeys.user(u.id), u);
      void qc.invalidateQueries({ queryKey: ['users', 'list'] });
      void qc.invalidateQueries({ queryKey: ['users', 'search'] });
      void qc.invalidateQueries({ queryKey: ['groups'] });
      void qc.invalidateQueries({ queryKey: ['session'] });
    },
  });
}

export function useGroups(enabled = true) {
  return useQuery({
    queryKey: directoryKeys.groups,
    queryFn: ({ signal }) => api.get<Group[]>('/groups', undefined, signal),
    staleTime: 60_000,
    enabled,
  });
}

export function useGroup(id: string | undefined) {
  return useQuery({
    queryKey: directoryKeys.group(id ?? ''),
    queryFn: ({ signal }) => api.get<Group>(`/groups/${id}`, undefined, signal),
    enabled: !!id,
  });
}

export function useCreateGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: GroupInput) => api.post<Group>('/groups', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['groups'] }),
  });
}

export function useUpdateGroup(group: Group | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: GroupInput) => {
      if (!group) throw new Error('No group loaded');
      return api.patch<Group>(`/groups/${group.id}`, patch, group.version);
    },
    onSuccess: (g) => {
      qc.setQueryData(directoryKeys.group(g.id), g);
      void qc.invalidateQueries({ queryKey: directoryKeys.groups });
      void qc.invalidateQueries({ queryKey: ['users'] });
    },
  });
}

export function useDeleteGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/groups/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['groups'] }),
  });
}

export function useRoles() {
  return useQuery({
    queryKey: directoryKeys.roles,
    queryFn: () => api.get<RoleInfo[]>('/roles'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
