/**
 * Writes and what they keep current. `useWriteThen` runs `after` with the query client and the
 * write's answer once it succeeds (what a module's writes make stale or cache). Writes that keep
 * one cached query current: `useRefreshingWrite` reads what is cached under `key`
 * again once the write succeeds (and counts as done when the fresh copy has arrived, so a list
 * shows the change by the time the form closes); `useCachingWrite` stores the write's answer
 * under `key`, for an endpoint that answers the new state of what it wrote.
 *
 *   export const useDeleteView = (list: string) =>
 *     useRefreshingWrite((id: string) => api.delete<void>(`/views/${id}`), viewKeys.list(list));
 */
import { type QueryClient, type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';

export function useWriteThen<V, T>(
  write: (vars: V) => Promise<T>,
  after: (qc: QueryClient, answer: T) => void,
) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: (answer: T) => after(qc, answer) });
}

export function useRefreshingWrite<V = void, T = unknown>(write: (vars: V) => Promise<T>, key: QueryKey) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => qc.invalidateQueries({ queryKey: key }) });
}

export function useCachingWrite<V = void, T = unknown>(write: (vars: V) => Promise<T>, key: QueryKey) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: (answer: T) => qc.setQueryData(key, answer) });
}
