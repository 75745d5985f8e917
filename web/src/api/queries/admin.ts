/** API tokens, the audit log and process settings. */
import { useQuery } from '@tanstack/react-query';
import { api } from '../client.ts';
import { usePagedList } from '../paged.ts';
import type {
  ApiToken,
  AuditEntry,
  CreatedToken,
  LifecycleSetting,
  PriorityMatrixSetting,
  TokenScope,
} from '../types.ts';
import { useCachingWrite, useRefreshingWrite } from '../writes.ts';

export function useTokens() {
  return useQuery({ queryKey: ['tokens'], queryFn: () => api.get<ApiToken[]>('/tokens') });
}

export function useCreateToken() {
  return useRefreshingWrite(
    (input: { name: string; scopes: TokenScope[]; expiresInDays?: number }) =>
      api.post<CreatedToken>('/tokens', input),
    ['tokens'],
  );
}

export function useRevokeToken() {
  return useRefreshingWrite((id: string) => api.delete<ApiToken>(`/tokens/${id}`), ['tokens']);
}

export type AuditQuery = { action?: string; actorId?: string; limit?: number };

export function useAudit(query: AuditQuery) {
  return usePagedList<AuditEntry>(['audit', query], '/audit', query);
}

const matrixKey = ['settings', 'incident', 'priority-matrix'] as const;

export function usePriorityMatrix() {
  return useQuery({
    queryKey: matrixKey,
    queryFn: () => api.get<PriorityMatrixSetting>('/settings/incident/priority-matrix'),
    staleTime: 5 * 60_000,
  });
}

export function useSavePriorityMatrix(version: number | undefined) {
  return useCachingWrite(
    (matrix: number[][]) =>
      api.put<PriorityMatrixSetting>('/settings/incident/priority-matrix', { matrix }, version),
    matrixKey,
  );
}

/** The incident lifecycle, for state names in filters and history (agents only). */
export function useLifecycle(enabled = true) {
  return useQuery({
    queryKey: ['settings', 'incident', 'lifecycle'],
    queryFn: () => api.get<LifecycleSetting>('/settings/incident/lifecycle'),
    staleTime: 10 * 60_000,
    enabled,
  });
}
