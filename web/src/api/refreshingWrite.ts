/**
 * A write after which what is cached under `key` is read again. The write counts as done once the
 * fresh copy has arrived, so a list shows the change by the time the form closes.
 *
 *   export const useDeleteView = (list: string) =>
 *     useRefreshingWrite((id: string) => api.delete<void>(`/views/${id}`), viewKeys.list(list));
 */
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';

export function useRefreshingWrite<V = void, T = unknown>(write: (vars: V) => Promise<T>, key: QueryKey) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => qc.invalidateQueries({ queryKey: key }) });
}
