/** Saved views of lists: named filters, sort and columns, personal or shared. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SavedView, ViewCreate } from '../../../../src/contracts/views.ts';
import { api } from '../client.ts';
import { useRefreshingWrite } from '../writes.ts';

export type { SavedView };
export type SavedViewInput = z.input<typeof ViewCreate>;

export const viewKeys = {
  list: (list: string) => ['views', list] as const,
};

export function useSavedViews(list: string) {
  return useQuery({
    queryKey: viewKeys.list(list),
    queryFn: ({ signal }) => api.get<{ items: SavedView[] }>('/views', { list }, signal),
  });
}

export function useCreateView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SavedViewInput) => api.post<SavedView>('/views', input),
    onSuccess: (v) => qc.invalidateQueries({ queryKey: viewKeys.list(v.list) }),
  });
}

export function useUpdateView() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Partial<Omit<SavedViewInput, 'list'>> }) =>
      api.patch<SavedView>(`/views/${id}`, patch),
    onSuccess: (v) => qc.invalidateQueries({ queryKey: viewKeys.list(v.list) }),
  });
}

export function useDeleteView(list: string) {
  return useRefreshingWrite((id: string) => api.delete<void>(`/views/${id}`), viewKeys.list(list));
}
